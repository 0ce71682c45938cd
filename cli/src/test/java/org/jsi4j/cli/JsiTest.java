package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsi4j.JsEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the jsi command in-process on the real Rhino engine and checks output and exit codes. */
class JsiTest {
    @TempDir
    Path dir;

    /** The outcome of one command. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Result jsi(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Jsi.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Every engine on the class path: script failures must read the same on each. */
    static List<String> engines() {
        return JsEngines.ids();
    }

    Path script(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source);
    }

    static void assertNoJavaStack(Result r) {
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception"), "a Java stack or exception leaked:\n" + r.err);
    }

    @Test
    void runsAScriptWithConsoleAndJsi() throws IOException {
        Path file = script("hello.js", "console.log('%s on %s', 'hello', jsi.engine); console.warn('careful');");
        Result r = jsi("run", "--engine", "rhino", file.toString());
        assertEquals(0, r.code, r.err);
        assertEquals("hello on rhino" + System.lineSeparator(), r.out);
        assertEquals("careful" + System.lineSeparator(), r.err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void runsTheStorageExampleWithModulesAndTimers(String engine) {
        Result r = jsi("run", "--engine", engine, Path.of("..", "examples", "storage.js").toString());
        assertEquals(0, r.code, r.err);
        List<String> lines = r.out.lines().toList();
        assertTrue(lines.contains("size 3 of at most 1000; keys [\"answer\",\"engine\",\"lang\"]"), r.out);
        assertTrue(lines.contains("TypeError: storage.set() takes 2 arguments (key, value), got 1"), r.out);
        assertTrue(lines.contains("load(\"answer\") resolved on the JS thread: 42"), r.out);
        assertEquals(List.of("end of script", "a microtask runs before any timer"),
                lines.subList(lines.indexOf("end of script"), lines.indexOf("end of script") + 2));
        // the load resolves from a Java thread whenever it completes: only the timers' order is fixed
        List<String> timers = lines.stream().filter(l -> l.startsWith("tick ") || l.startsWith("done")).toList();
        assertEquals(List.of("tick 1", "tick 2", "tick 3", "done; the event loop is now idle"), timers, r.out);
        List<String> rest = new java.util.ArrayList<>(lines);
        rest.remove("load(\"answer\") resolved on the JS thread: 42");
        assertEquals("done; the event loop is now idle", rest.get(rest.size() - 1), "the loop ran until no work was left");
    }

    @Test
    void everythingAfterTheFileGoesToTheScript() throws IOException {
        Path file = script("args.js", "console.log(JSON.stringify(jsi.args))");
        Result r = jsi("run", file.toString(), "a", "--engine", "nope", "-x");
        assertEquals(0, r.code, r.err);
        assertEquals("[\"a\",\"--engine\",\"nope\",\"-x\"]", r.out.strip());
    }

    @Test
    void theDefaultEngineIsTheSelectedOne() throws IOException {
        Path file = script("which.js", "console.log(jsi.engine)");
        Result r = jsi("run", file.toString());
        assertEquals(0, r.code, r.err);
        assertEquals(JsEngines.selectedId(), r.out.strip());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anUncaughtErrorPrintsItsPlaceSourceLineMessageAndFramesOnceAndExits1(String engine) throws IOException {
        Path file = script("throws.js", "var x = 1;\nfunction f() {\n  throw new TypeError('boom');\n}\nf();\n");
        Result r = jsi("run", "--engine", engine, file.toString());
        assertEquals(1, r.code);
        List<String> lines = r.errLines();
        assertEquals(file + ":3", lines.get(0), r.err);
        assertEquals("  throw new TypeError('boom');", lines.get(1), r.err);
        int message = lines.indexOf("TypeError: boom");
        assertTrue(message > 1, r.err);
        assertTrue(lines.get(message + 1).startsWith("    at f (" + file + ":3"), r.err);
        assertTrue(lines.get(message + 2).startsWith("    at " + file + ":5"), r.err);
        assertEquals(message + 3, lines.size(), "nothing after the frames:\n" + r.err);
        assertEquals(1, r.err.split("boom", -1).length - 2, "the message is printed once:\n" + r.err);
        assertNoJavaStack(r);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aHostFunctionThatThrowsPrintsAsAHostFrameAboveItsCaller(String engine) throws IOException {
        Path file = script("require.js", "function load() {\n  require('nope');\n}\nload();\n");
        Result r = jsi("run", "--engine", engine, file.toString());
        assertEquals(1, r.code, r.err);
        List<String> lines = r.errLines();
        int message = lines.indexOf(lines.stream().filter(l -> l.startsWith("Error: Cannot find module 'nope'")).findFirst().orElseThrow());
        assertEquals("    at require (host function)", lines.get(message + 1), r.err);
        assertTrue(lines.get(message + 2).startsWith("    at load (" + file + ":2"), r.err);
        assertTrue(lines.get(message + 3).startsWith("    at " + file + ":4"), r.err);
        assertEquals(message + 4, lines.size(), "nothing after the frames:\n" + r.err);
        assertFalse(r.err.contains("jsi4j:"), "no library-internal frame:\n" + r.err);
        assertNoJavaStack(r);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aThrownNonErrorIsReportedAsUncaught(String engine) throws IOException {
        Path file = script("plain.js", "throw 'just a string';");
        Result r = jsi("run", "--engine", engine, file.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.strip().startsWith(file.toString()), r.err);
        assertTrue(r.errLines().contains("Uncaught just a string"), r.err);
        Path object = script("object.js", "throw {code: 7, why: 'no'};");
        Result o = jsi("run", "--engine", engine, object.toString());
        assertEquals(1, o.code);
        assertTrue(o.errLines().contains("Uncaught { code: 7, why: 'no' }"), o.err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anUnhandledRejectionPrintsUncaughtInPromiseWithTheStackAndExits1(String engine) throws IOException {
        Path file = script("reject.js", "function load() {\n  return Promise.reject(new RangeError('no data'));\n}\n"
                + "console.log('before');\nload();\nsetTimeout(function () { console.log('never'); }, 50);\n");
        Result r = jsi("run", "--engine", engine, file.toString());
        assertEquals(1, r.code, r.err);
        assertEquals("before", r.out.strip(), "the run ends at the rejection, before later timers");
        List<String> lines = r.errLines();
        assertEquals("Uncaught (in promise) RangeError: no data", lines.get(0), r.err);
        assertTrue(lines.get(1).startsWith("    at load (" + file + ":2"), r.err);
        assertNoJavaStack(r);
        Path handled = script("handled.js", "var p = Promise.reject(new Error('x'));\n"
                + "Promise.resolve().then(function () { p.catch(function (e) { console.log('caught ' + e.message); }); });\n");
        Result ok = jsi("run", "--engine", engine, handled.toString());
        assertEquals(0, ok.code, ok.err);
        assertEquals("caught x", ok.out.strip());
        Path inTimer = script("timer.js", "setTimeout(function () { Promise.reject('late'); }, 1);\n");
        Result late = jsi("run", "--engine", engine, inTimer.toString());
        assertEquals(1, late.code, late.err);
        assertEquals("Uncaught (in promise) late", late.errLines().get(0), late.err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aSyntaxErrorPrintsItsPlaceAndExits1(String engine) throws IOException {
        Path file = script("broken.js", "console.log('fine');\nvar = 3;\n");
        Result r = jsi("run", "--engine", engine, file.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.startsWith(file + ":2\nvar = 3;\n"), r.err);
        assertTrue(r.errLines().get(r.errLines().size() - 1).startsWith("SyntaxError: "), r.err);
        assertEquals("", r.out, "nothing of a script that does not parse runs");
        assertNoJavaStack(r);
    }

    @Test
    void debugAddsTheJavaStack() throws IOException {
        Path file = script("throws.js", "throw new Error('deep');");
        Result r = jsi("--debug", "run", file.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("\nError: deep\n"), r.err);
        assertTrue(r.err.contains("\tat org.jsi4j."), r.err);
        Result after = jsi("run", "--debug", file.toString());
        assertTrue(after.err.contains("\tat org.jsi4j."), "--debug is accepted after the command too:\n" + after.err);
    }

    @Test
    void aMissingFileExits2() {
        Path missing = dir.resolve("missing.js");
        Result r = jsi("run", missing.toString());
        assertEquals(2, r.code);
        assertEquals(List.of("jsi: cannot run " + missing + ": no such file"), r.errLines());
    }

    @Test
    void aDirectoryExits2() {
        Result r = jsi("run", dir.toString());
        assertEquals(2, r.code);
        assertEquals(List.of("jsi: cannot run " + dir + ": it is a directory without a package.json main or an index"
                + " file to start from"), r.errLines());
    }

    @Test
    void anUnknownEngineExits2AndListsTheEngines() throws IOException {
        Path file = script("ok.js", "console.log('never')");
        Result r = jsi("run", "--engine", "nope", file.toString());
        assertEquals(2, r.code);
        assertEquals(1, r.errLines().size(), r.err);
        assertTrue(r.err.startsWith("jsi: Unknown JavaScript engine 'nope'. Engines available: "), r.err);
        assertTrue(r.err.contains("rhino"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void aBadOptionExits2WithAHint() {
        Result r = jsi("run", "--time-limit", "soon", "x.js");
        assertEquals(2, r.code);
        assertEquals(List.of("jsi: Invalid value for option '--time-limit': 'soon' is not a duration; use e.g. 500ms, 5s, 2m or PT5S",
                "Try 'jsi run --help' for more information."), r.errLines());
    }

    @Test
    void aMissingOptionValueExits2() {
        // (without a FILE, jsi run starts the REPL: ReplTest)
        Result r = jsi("run", "--engine");
        assertEquals(2, r.code);
        assertTrue(r.errLines().get(0).startsWith("jsi: Missing required parameter"), r.err);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theTimeLimitStopsARunawayScript(String engine) throws IOException {
        Path file = script("spin.js", "console.log('start'); while (true) {}");
        long start = System.nanoTime();
        // generous enough for a cold engine on a loaded 2-core machine to reach the loop
        Result r = jsi("run", "--engine", engine, "--time-limit", "3s", file.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, r.code, r.err);
        assertEquals("start", r.out.strip());
        assertTrue(r.err.startsWith(file + ": "), r.err);
        assertTrue(r.err.contains("time limit of 3000 ms"), r.err);
        assertTrue(millis < 20_000, "stopped after " + millis + " ms");
        assertNoJavaStack(r);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void maxHeapStopsAHeapBombAndSaysWhichLimitItHit(String engine) throws IOException {
        Path file = script("bomb.js", "var keep = []; for (;;) keep.push(new Array(100000).fill(1.5));");
        Result r = jsi("run", "--engine", engine, "--max-heap", "64m", "--time-limit", "60s", file.toString());
        assertEquals(1, r.code, r.err);
        assertTrue(r.err.startsWith(file + ": stopped: the script used more memory than it may (--max-heap 64 MB);"
                + " raise it with --max-heap SIZE"), r.err);
        assertNoJavaStack(r);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void statementAndStackLimitsStopTheScriptAndNameTheirOption(String engine) throws IOException {
        Path loop = script("loop.js", "console.log('start'); for (;;) {}");
        Result r = jsi("run", "--engine", engine, "--statement-limit", "100000", "--time-limit", "60s", loop.toString());
        assertEquals(1, r.code, r.err);
        assertEquals("start", r.out.strip());
        assertEquals(loop + ": stopped: the script ran more statements than it may (--statement-limit 100000);"
                + " raise it or make the script do less", r.errLines().get(0));
        assertNoJavaStack(r);

        Path deep = script("deep.js", "function f(n) { return f(n + 1); }"
                + " try { f(0); } catch (e) { console.log('caught ' + (e instanceof RangeError)); }");
        Result d = jsi("run", "--engine", engine, "--max-stack-depth", "50", "--time-limit", "60s", deep.toString());
        if (engine.equals("graal")) { // GraalJS stops the entry: JavaScript cannot catch it (docs/limits.md)
            assertEquals(1, d.code, d.err);
            assertEquals(deep + ": stopped: the script's recursion went deeper than it may (--max-stack-depth 50);"
                    + " raise it or recurse less", d.errLines().get(0));
        } else {
            assertEquals(0, d.code, d.err);
            assertEquals("caught true", d.out.strip());
        }
        assertEquals(2, jsi("run", "--statement-limit", "0", loop.toString()).code);
        assertEquals(2, jsi("run", "--max-stack-depth", "-3", deep.toString()).code);
    }

    @Test
    void aBadSizeExits2WithAHint() {
        Result r = jsi("run", "--max-heap", "lots", "x.js");
        assertEquals(2, r.code);
        assertEquals("jsi: Invalid value for option '--max-heap': 'lots' is not a size; use e.g. 512m, 2g or 64MB",
                r.errLines().get(0));
        assertEquals(2, jsi("run", "--max-heap", "0m", "x.js").code);
        assertEquals(2, jsi("run", "--max-heap", "99999999t", "x.js").code);
    }

    /** An option the engine itself refuses when the runtime is made is bad usage too, not a failed script. */
    @Test
    void anOptionTheEngineRefusesExits2() {
        Result r = jsi("run", "--engine", "v8", "--max-heap", "1m", "--eval", "1");
        assertEquals(2, r.code, r.err);
        assertEquals("jsi: maxHeapBytes=1048576 is below the 16 MB a V8 isolate needs; give at least 16777216", r.errLines().get(0));
        assertNoJavaStack(r);
    }

    @Test
    void enginesListsEachEngineWithItsCapabilities() {
        Result r = jsi("engines");
        assertEquals(0, r.code, r.err);
        List<String> lines = r.out.lines().toList();
        assertTrue(lines.get(0).matches("ID +NAME +VERSION +JIT +SNAPSHOTS"), lines.get(0));
        for (String id : JsEngines.ids()) {
            var factory = JsEngines.factory(id);
            String row = lines.stream().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow(() -> new AssertionError(r.out));
            assertTrue(row.contains(factory.engine().name()) && row.contains(factory.engine().version()), row);
            int details = lines.indexOf(id);
            assertTrue(details > 0, "no details for " + id + ":\n" + r.out);
            assertEquals("  execution           " + factory.capabilities().execution(), lines.get(details + 1));
            assertTrue(lines.get(details + 2).startsWith("  limits "), lines.get(details + 2));
            assertTrue(lines.get(details + 3).startsWith("  ES features absent "), lines.get(details + 3));
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(JsEngines.selectedId() + " *")), r.out);
        assertTrue(r.out.contains("* default engine"), r.out);
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        Result r = jsi();
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("Usage: jsi"), r.err);
        assertTrue(r.err.contains("run") && r.err.contains("engines"), r.err);
    }
}
