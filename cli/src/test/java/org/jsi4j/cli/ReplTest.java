package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsi4j.cli.CliProcess.Input;
import org.jsi4j.cli.CliProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL of {@code jsi run}, driven through a real pipe (JLine's dumb terminal) and a real pseudo-terminal. */
class ReplTest {
    @TempDir
    Path dir;

    @Test
    void aPipedSessionEvaluatesPrintsContinuesLinesAndExits() throws IOException, InterruptedException {
        Path history = dir.resolve("history");
        Result r = CliProcess.run(CliProcess.command("run", "--engine", "rhino"), Map.of("JSI_REPL_HISTORY", history.toString()),
                Duration.ofSeconds(60),
                new Input(0, "var point = {x: 1, tags: ['a', 'b'], when: null};\npoint\n"),
                new Input(0, "function twice(n) {\n  return n * 2;\n}\ntwice(21)\n"),
                new Input(0, "undefinedName + 1\n'still' + ' alive'\n"),
                new Input(0, "setTimeout(function () { console.log('timer fired'); }, 1); 'set'\n"),
                new Input(1500, ".help\n.nope\n.exit\n"));
        assertEquals(0, r.code(), r.err() + r.out());
        String out = r.out();
        assertTrue(out.contains("{ x: 1, tags: [ 'a', 'b' ], when: null }"), out);
        assertTrue(out.contains("42"), "a multi-line function and its call: " + out);
        assertTrue(out.contains("Uncaught ReferenceError: "), out);
        assertTrue(out.contains("'still alive'"), "the REPL goes on after an error: " + out);
        assertTrue(out.contains("timer fired"), "timers fire between prompts: " + out);
        assertTrue(out.contains(".exit") && out.contains("Tab"), ".help lists the commands: " + out);
        assertTrue(out.contains("Invalid REPL keyword .nope"), out);
        String saved = Files.readString(history);
        assertTrue(saved.contains("twice(21)"), "the history is kept: " + saved);
    }

    @Test
    void endOfInputLeavesTheReplAndAnUnhandledRejectionIsShownNotFatal() throws IOException, InterruptedException {
        Result r = CliProcess.run(CliProcess.command("run", "--engine", "rhino"), Map.of("JSI_REPL_HISTORY", dir.resolve("h").toString()),
                Duration.ofSeconds(60), new Input(0, "Promise.reject(new TypeError('nobody listens')); 1 + 1\n6 * 7\n"));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("Uncaught (in promise) TypeError: nobody listens"), r.out());
        assertTrue(r.out().contains("42"), r.out());
    }

    @Test
    void aPseudoTerminalCompletesPropertiesAndCtrlCStopsARunawayScript() throws IOException, InterruptedException {
        // script(1) (util-linux, in every Debian) runs the command on a new pseudo-terminal: JLine sees a real terminal.
        // It starts the command through $SHELL -c; "exec" makes java the pty's only foreground process, for a shell such
        // as dash that would otherwise stay in between and die of the Ctrl+C (exit 130) while java handles it.
        String command = "exec " + CliProcess.command("run", "--engine", "rhino").stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Result r = CliProcess.run(List.of("script", "-qfec", command, "/dev/null"),
                Map.of("JSI_REPL_HISTORY", dir.resolve("h").toString(), "TERM", "xterm", "SHELL", "/bin/sh"),
                Duration.ofSeconds(90),
                new Input(300, "var settings = {volume: 7, verbose: true};\n", "for more information"),
                new Input(300, "settings.vol\t", "undefined"),
                new Input(200, " * 6\n", "settings.volume"), // typed on once the terminal shows the completion
                new Input(300, "while (true) {}\n", "42"),
                new Input(1000, "\u0003"),
                new Input(300, "'after ' + 'stop'\n", "Script stopped"),
                new Input(300, ".exit\n", "after stop"));
        assertEquals(0, r.code(), r.out() + r.err());
        String out = r.out();
        // settings.vol * 6 would be NaN: 42 means Tab completed settings.volume
        assertTrue(out.contains("42") && !out.contains("NaN"), "Tab completed the property and the line ran: " + out);
        assertTrue(out.contains("Script stopped: interrupted"), "Ctrl+C stopped the endless loop: " + out);
        assertTrue(out.contains("'after stop'"), "the REPL went on: " + out);
    }
}
