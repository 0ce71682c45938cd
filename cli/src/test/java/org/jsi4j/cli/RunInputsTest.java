package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsEngines;
import org.jsi4j.cli.CliProcess.Input;
import org.jsi4j.cli.CliProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jsi run --eval}, {@code --print}, {@code -} (standard input), the whole-run deadline and the help text. */
class RunInputsTest {
    static List<String> engines() {
        return JsEngines.ids();
    }

    private static Result jsi(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Jsi.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void evalRunsCodeWithTheRestAsArguments(String engine) {
        Result r = jsi("run", "--engine", engine, "--eval", "console.log(jsi.args.join('+'))", "a", "--b");
        assertEquals(0, r.code(), r.err());
        assertEquals("a+--b", r.out().strip());
        Result failed = jsi("run", "--engine", engine, "--eval", "var a = 1;\nnoSuch()");
        assertEquals(1, failed.code());
        assertTrue(failed.err().startsWith("[eval]:2\nnoSuch()\n"), failed.err());
        assertTrue(failed.err().contains("ReferenceError"), failed.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void printShowsTheResultAsConsoleLogWould(String engine) {
        Result r = jsi("run", "--engine", engine, "--print", "setTimeout(function () { console.log('later'); }, 1);"
                + " ({list: [1, 'two'], nested: {deep: true}})");
        assertEquals(0, r.code(), r.err());
        assertEquals("{ list: [ 1, 'two' ], nested: { deep: true } }\nlater", r.out().strip());
    }

    @Test
    void evalAndPrintTogetherIsAUsageError() {
        Result r = jsi("run", "--eval", "1", "--print", "2");
        assertEquals(2, r.code());
        assertEquals("jsi: give either --eval CODE or --print CODE, not both", r.err().strip());
    }

    @Test
    void aDashReadsTheScriptFromStandardInput() throws IOException, InterruptedException {
        Result r = CliProcess.run(CliProcess.command("run", "--engine", "rhino", "-", "x"), Map.of(), Duration.ofSeconds(60),
                new Input(0, "console.log('from stdin ' + jsi.args[0]);\nthrow new Error('stdin failed');\n"));
        assertEquals(1, r.code(), r.err());
        assertEquals("from stdin x", r.out().strip());
        assertTrue(r.err().startsWith("[stdin]:2\nthrow new Error('stdin failed');\n"), r.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theTimeLimitCoversTheWholeRunNotEachTask(String engine) {
        long start = System.nanoTime();
        // each timer callback is short, but together they run far past the limit
        Result r = jsi("run", "--engine", engine, "--time-limit", "1500ms", "--eval",
                "var n = 0; setInterval(function () { var end = Date.now() + 200; while (Date.now() < end) {} n++; }, 1);");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("[eval]: stopped: "), r.err());
        assertTrue(r.err().contains("time limit of 1500 ms (--time-limit)"), r.err());
        assertTrue(!r.err().contains("RuntimeOptions"), "no Java API advice on the command line: " + r.err());
        assertTrue(ms < 10_000, "the run ended near its deadline: " + ms + " ms");
    }

    @Test
    void helpShowsEveryCommandsSummaryWhole() {
        Result r = jsi("--help");
        assertEquals(0, r.code());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("run Runs a script file, code (--eval, --print) or standard input (-); without any, an interactive REPL."), help);
        assertTrue(help.contains("stress Stress-tests the engines from many threads and reports throughput, hung futures, leaks and RSS."), help);
        String commands = r.out().substring(r.out().indexOf("Commands:") + "Commands:".length());
        for (String summary : commands.split("\\n  (?=\\S)")) {
            if (summary.isBlank()) continue;
            assertTrue(summary.strip().endsWith("."), "a summary cut mid-sentence: " + summary);
        }
    }
}
