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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jsi compare on the real engines, in worker JVMs: plain scripts side by side with a diff, and a
 * test262-shaped tree (the compare module's fixture) through every output and a baseline.
 */
class CompareCommandTest {
    private static final Path FIXTURE = Path.of("../compare/src/test/resources/test262-mini").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path script(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source);
    }

    @Test
    void plainScriptsThatAgreeAndDifferAreShownSideBySide() throws IOException {
        Path agree = script("agree.js", "console.log('sum', [1, 2, 3].reduce(function (a, b) { return a + b; })); 6 * 7;");
        Path strict = script("strict.js", "(function () { 'use strict'; console.log(typeof this); })();");
        JsiTest.Result r = jsi("compare", "-j", "2", "--engine", "v8", "--engine", "rhino", agree.toString(), strict.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.contains("agree.js: all engines agree"), out);
        assertTrue(out.contains("    console:\n      sum 6") || out.contains("      sum 6"), out);
        assertTrue(out.contains("    value: 42"), out);
        assertTrue(out.contains("strict.js: engines differ"), out);
        assertTrue(out.contains("--- v8") && out.contains("+++ rhino"), out);
        assertTrue(out.contains("-  undefined") && out.contains("+  object"), out);
        assertTrue(out.contains("2 tests on v8, rhino with 2 workers"), out);
        assertTrue(out.contains("1 agree, 1 differ"), out);
        assertTrue(out.contains("v8 | rhino"), "eshost-style grouping: " + out);
        assertTrue(r.err().contains("compare [1/4] "), "progress lines when not on a terminal: " + r.err());
    }

    @Test
    void aTest262TreeGivesEveryOutputAndABaselineCatchesARegression() throws IOException {
        Path root = dir.resolve("t262");
        copy(FIXTURE.resolve("harness"), root.resolve("harness"));
        copy(FIXTURE.resolve("test/built-ins/Array/map-doubles.js"), root.resolve("test/a/map-doubles.js"));
        copy(FIXTURE.resolve("test/language/negative/parse-error.js"), root.resolve("test/b/parse-error.js"));
        copy(FIXTURE.resolve("test/language/class/class-declaration.js"), root.resolve("test/b/class-declaration.js"));
        copy(FIXTURE.resolve("test/built-ins/Array/wrong-expectation.js"), root.resolve("test/b/wrong-expectation.js"));
        Path html = dir.resolve("out/report.html");
        Path base = dir.resolve("out/baseline.json");
        JsiTest.Result first = jsi("compare", "--engine", "v8", "--engine", "rhino", "-j", "2", "--test262", root.toString(),
                "--junit", dir.resolve("out/junit").toString(), "--html", html.toString(), "--save-baseline", base.toString(), "--no-details");
        // rhino does not run class syntax (unsupported, left out of the agreement); elsewhere both agree
        assertEquals(0, first.code(), first.out() + first.err());
        String out = first.out();
        assertTrue(out.matches("(?s).*v8\\s+3\\s+1\\s+0\\s+0\\s+0\\s+75\\.0%.*"), out);
        assertTrue(out.matches("(?s).*rhino\\s+2\\s+1\\s+0\\s+0\\s+1\\s+66\\.7%.*"), out);
        assertTrue(Files.readString(dir.resolve("out/junit/TEST-jsi-compare-rhino.xml")).contains("<skipped message=\"feature class"));
        String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains("75.0%") && !page.contains("<script"), page);
        assertTrue(Files.readString(base).contains("\"b/wrong-expectation.js\""));

        // break one passing test and fix the failing one: a regression exits 1 and names the test
        Files.writeString(root.resolve("test/a/map-doubles.js"), "/*---\ndescription: now broken\n---*/\nassert.sameValue(1, 2);\n");
        Files.writeString(root.resolve("test/b/wrong-expectation.js"), "/*---\ndescription: now fixed\n---*/\nassert.sameValue(3, 3);\n");
        JsiTest.Result second = jsi("compare", "--engine", "v8", "--engine", "rhino", "-j", "2", "--test262", root.toString(),
                "--baseline", base.toString(), "--json");
        assertEquals(1, second.code(), second.out() + second.err());
        JsonNode json = new ObjectMapper().readTree(second.out());
        for (String e : new String[] {"v8", "rhino"}) {
            assertEquals("a/map-doubles.js", json.get("baseline").get(e).get("newly_failing").get(0).asText());
            assertEquals("b/wrong-expectation.js", json.get("baseline").get(e).get("newly_passing").get(0).asText());
        }
        JsiTest.Result same = jsi("compare", "--engine", "rhino", "-j", "1", "--test262", root.toString(),
                "--baseline", base.toString());
        assertEquals(1, same.code(), "still regressed against the saved baseline: " + same.out());
        assertTrue(same.out().contains("rhino: 1 newly pass, 1 newly fail, 0 changed output"), same.out());
        assertTrue(same.out().contains("newly fail: a/map-doubles.js"), same.out());
    }

    @Test
    void vsRawRunsTheSameTestsThroughTheRawEngineAndJudgesThemAlike() throws IOException {
        JsiTest.Result r = jsi("compare", "--vs-raw", "--engine", "rhino", "--time-limit", "500ms", "--test262", FIXTURE.toString(),
                FIXTURE.resolve("test/language").toString(), FIXTURE.resolve("test/built-ins/Array").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        // 11 tests: the 3 module tests are left out (the raw loops evaluate scripts), rhino leaves out class syntax;
        // the same verdicts on both sides
        assertTrue(r.err().contains("vs-raw: 3 module tests left out"), r.err());
        String row = r.out().lines().filter(l -> l.startsWith("rhino ")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        String[] cells = row.trim().split("\\s+");
        assertEquals("11", cells[1], row);
        assertEquals(cells[2], cells[3], "raw and jsi4j pass rates: " + row);
        assertEquals("+0.00pp", cells[4], row);
        assertTrue(Double.parseDouble(cells[5]) > 0 && Double.parseDouble(cells[6]) > 0, row);
        assertFalse(r.out().contains("judged differently"), r.out());
        assertTrue(r.out().contains("rhino: raw 5 pass, 4 fail, 1 timeout, 1 unsupported; jsi4j 5 pass, 4 fail, 1 timeout, 1 unsupported"), r.out());
        Path plain = script("plain.js", "1");
        JsiTest.Result usage = jsi("compare", "--vs-raw", plain.toString());
        assertEquals(Jsi.USAGE, usage.code());
        assertTrue(usage.err().contains("--vs-raw measures test262 tests"), usage.err());
    }

    @Test
    void badInputIsAUsageErrorInOneLine() throws IOException {
        JsiTest.Result missing = jsi("compare", dir.resolve("nope.js").toString());
        assertEquals(Jsi.USAGE, missing.code());
        assertEquals("jsi compare: no such file or directory: " + dir.resolve("nope.js") + "\n", missing.err());
        Path ok = script("ok.js", "1");
        assertEquals(Jsi.USAGE, jsi("compare", "--engine", "spidermonkey", ok.toString()).code());
        assertTrue(jsi("compare", "-j", "0", ok.toString()).err().contains("--workers must be at least 1"));
        assertTrue(jsi("compare", "--jvms", "0", ok.toString()).err().contains("--jvms must be at least 1"));
        assertTrue(jsi("compare").err().contains("give test files"));
        assertTrue(jsi("compare", "--test262", dir.toString()).err().contains("is not a test262 checkout"));
        Path junk = script("junk.json", "[]");
        JsiTest.Result baseline = jsi("compare", "--baseline", junk.toString(), ok.toString());
        assertEquals(Jsi.USAGE, baseline.code());
        assertTrue(baseline.err().contains("is not a jsi compare baseline"), baseline.err());
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> s = Files.walk(from)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) copy(p, to.resolve(from.relativize(p).toString()));
            }
            return;
        }
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }
}
