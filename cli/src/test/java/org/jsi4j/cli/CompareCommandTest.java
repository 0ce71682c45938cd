package org.jsi4j.cli;

import static org.jsi4j.cli.JsiTest.jsi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsi4j.JsEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jsi compare on the real engines: agreement, differences with a diff, timeouts, JSON, exit codes. */
class CompareCommandTest {
    @TempDir
    Path dir;

    private Path script(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source);
    }

    @Test
    void enginesThatAgreeExitZeroAndShowTheCommonOutputOnce() throws IOException {
        Path file = script("agree.js", "console.log('sum', [1, 2, 3].reduce(function (a, b) { return a + b; })); 6 * 7;");
        JsiTest.Result r = jsi("compare", "--engine", "rhino", "--engine", "v8", file.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(file + ": all engines agree"), r.out());
        assertTrue(r.out().contains("    sum 6"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+rhino\\s+ok\\s+\\d+ ms\\s+42\\s+-")), r.out());
        assertTrue(r.out().contains("1 script on rhino, v8: 1 agree, 0 differ"), r.out());
    }

    @Test
    void aDifferenceExitsOneWithAUnifiedDiffAgainstTheFirstEngine() throws IOException {
        Path file = script("strict.js", "(function () { 'use strict'; console.log(typeof this); })();");
        JsiTest.Result r = jsi("compare", "--engine", "v8", "--engine", "rhino", file.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("engines differ"), r.out());
        assertTrue(r.out().contains("--- v8"), r.out());
        assertTrue(r.out().contains("+++ rhino"), r.out());
        assertTrue(r.out().contains("-  undefined"), r.out());
        assertTrue(r.out().contains("+  object"), r.out());
    }

    @Test
    void errorsAgreeOnTheirNameWhateverTheirWording() throws IOException {
        Path file = script("null.js", "var o = null; o.x;");
        JsiTest.Result r = jsi("compare", "--engine", "v8", "--engine", "rhino", file.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(2, r.out().lines().filter(l -> l.matches("\\s+(v8|rhino)\\s+error\\s+.*TypeError: .*")).count(), r.out());
    }

    @Test
    void aRunawayScriptIsATimeoutOnEveryEngine() throws IOException {
        Path file = script("loop.js", "while (true) {}");
        List<String> args = new java.util.ArrayList<>(List.of("compare", "--time-limit", "300ms", "--json"));
        args.add(file.toString());
        JsiTest.Result r = jsi(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("agree").asBoolean());
        JsonNode runs = json.get("files").get(0).get("runs");
        assertEquals(JsEngines.ids().size(), runs.size(), r.out());
        for (JsonNode run : runs) {
            assertEquals("timeout", run.get("outcome").asText(), run.toString());
            assertTrue(run.get("time_ms").asDouble() < Duration.ofSeconds(3).toMillis(), run.toString());
        }
    }

    @Test
    void jsonCarriesOutputValueErrorAndTheDiff() throws IOException {
        Path ok = script("ok.js", "console.log('hi'); 'done';");
        Path bad = script("bad.js", "console.log(typeof Intl);");
        JsiTest.Result r = jsi("compare", "--json", "--engine", "v8", "--engine", "rhino", ok.toString(), bad.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode first = json.get("files").get(0);
        assertEquals(ok.toString(), first.get("file").asText());
        assertTrue(first.get("agree").asBoolean());
        JsonNode v8 = first.get("runs").get(0);
        assertEquals("v8", v8.get("engine").asText());
        assertEquals("ok", v8.get("outcome").asText());
        assertEquals("'done'", v8.get("value").asText());
        assertEquals("hi", v8.get("output").get(0).asText());
        // V8 without ICU and Rhino both lack Intl: they agree
        assertTrue(json.get("files").get(1).get("agree").asBoolean(), r.out());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("compare [1/4] ok.js on v8"), "progress for many files: " + r.err());
    }

    @Test
    void aSyntaxErrorOnOneEngineIsAnErrorOutcome() throws IOException {
        Path file = script("class.js", "class A {} console.log(typeof A);");
        JsiTest.Result r = jsi("compare", "--json", "--engine", "v8", "--engine", "rhino", file.toString());
        assertEquals(1, r.code(), r.out());
        JsonNode runs = new ObjectMapper().readTree(r.out()).get("files").get(0).get("runs");
        assertEquals("ok", runs.get(0).get("outcome").asText());
        assertEquals("error", runs.get(1).get("outcome").asText());
        assertEquals("SyntaxError", runs.get(1).get("error_name").asText());
        assertFalse(new ObjectMapper().readTree(r.out()).get("files").get(0).get("diffs").get("rhino").isNull());
    }

    @Test
    void badInputIsAUsageError() {
        JsiTest.Result missing = jsi("compare", dir.resolve("nope.js").toString());
        assertEquals(Jsi.USAGE, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        JsiTest.Result unknown = jsi("compare", "--engine", "spidermonkey", dir.toString());
        assertEquals(Jsi.USAGE, unknown.code());
    }
}
