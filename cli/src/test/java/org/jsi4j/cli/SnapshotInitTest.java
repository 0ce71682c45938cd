package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsi4j.cli.CliProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Init scripts of {@code jsi snapshot create} that log, use require and timers; what each engine keeps. */
class SnapshotInitTest {
    @TempDir
    Path dir;

    private Result jsi(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Jsi.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Result create(String engine, String initSource) throws IOException {
        Path init = Files.writeString(dir.resolve(engine + "-init.js"), initSource);
        return jsi("snapshot", "create", "--engine", engine, "--key", dir.resolve("k").toString(),
                "--out", dir.resolve(engine + ".snap").toString(), init.toString());
    }

    private Result runFrom(String engine, String code) {
        return jsi("run", "--snapshot", dir.resolve(engine + ".snap").toString(), "--key", dir.resolve("k").toString(),
                "--eval", code);
    }

    @Test
    void anInitScriptThatLogsKeepsV8sNativeImage() throws IOException {
        Result r = create("v8", "var greeting = 'hi';\nconsole.log('init ran');\n");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("init ran"), r.out());
        assertTrue(r.out().contains("native image") && !r.out().contains("no native image"), r.out());
        assertEquals("", r.err(), "no fallback to explain");
        Result run = runFrom("v8", "console.log(greeting)");
        assertEquals(0, run.code(), run.err());
        assertEquals("hi", run.out().strip(), "restored from the image: the init script did not run again");
    }

    @Test
    void aRestoreThatReplaysTheInitScriptsDoesNotPrintTheirOutputAgain() throws IOException {
        for (String engine : List.of("graal", "v8")) { // graal replays; v8 replays once it fell back (keep)
            Result r = create(engine, "var keep = console.log;\nconsole.log('init ran');\nfunction later() { keep('later ' + 6 * 7); }\n");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("init ran"), r.out());
            Result run = runFrom(engine, "console.log('run'); later()");
            assertEquals(0, run.code(), run.err());
            assertEquals("run\nlater 42", run.out().strip().replace("\r\n", "\n"),
                    engine + ": the replay printed the init script's output again, or a console kept from it stayed silent");
        }
    }

    @Test
    void anInitScriptMayUseRequireAndTimers() throws IOException {
        Result r = create("rhino", "var kind = typeof require('storage');\n"
                + "setTimeout(function () { globalThis.late = 'timer ran'; }, 5);\n"
                + "Promise.resolve().then(function () { globalThis.settled = 'yes'; });\n");
        assertEquals(0, r.code(), r.err());
        Result run = runFrom("rhino", "console.log(kind, late, settled)");
        assertEquals(0, run.code(), run.err());
        assertEquals("object timer ran yes", run.out().strip());
    }

    @Test
    void anEngineThatCannotKeepWhatTheInitScriptDidSaysWhy() throws IOException {
        Result r = create("graal", "setTimeout(function () { globalThis.late = 1; }, 1);\n");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().startsWith("jsi: graal cannot snapshot these init scripts: "), r.err());
        assertTrue(r.err().contains("A timer or promise callback that ran during the setup"), r.err());
        assertTrue(r.err().contains("snapshot on rhino"), r.err());
    }

    @ParameterizedTest
    @CsvSource({"v8, native heap image", "rhino, serialized heap image"})
    void aSnapshotThatFallsBackToReplaySaysSo(String engine, String image) throws IOException {
        Result r = create(engine, "var keep = console.log;\n");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no native image"), r.out());
        assertTrue(r.err().startsWith("jsi: note: " + engine + " could not keep its " + image), r.err());
        assertTrue(r.err().contains("restores by replaying the init scripts"), r.err());
        Result run = runFrom(engine, "console.log(typeof keep)");
        assertEquals("function", run.out().strip(), run.err());
    }
}
