package org.jsi4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save a run, change the scripts, run again: what newly passes, newly fails and changed output. */
class BaselineTest {
    @TempDir
    Path dir;

    private Comparison run(Map<String, String> sources) throws IOException {
        List<TestCase> tests = new ArrayList<>();
        List<TestResult> results = new ArrayList<>();
        TestRunner runner = new TestRunner(null);
        for (Map.Entry<String, String> s : sources.entrySet()) {
            TestCase t = new TestCase(s.getKey(), Files.writeString(dir.resolve(s.getKey()), s.getValue()), false);
            tests.add(t);
            results.add(runner.run("rhino", JsEngines.factory("rhino"), t, Duration.ofSeconds(5)));
        }
        return new Comparison(List.of("rhino"), tests, results, 1, 0);
    }

    @Test
    void aBaselineRoundTripsAndReportsRegressionsFixesAndChanges() throws IOException {
        Comparison before = run(new java.util.TreeMap<>(Map.of("fixed.js", "null.x;", "regressed.js", "1;",
                "changed.js", "null.x;", "same.js", "undefined.y;")));
        Path file = dir.resolve("base/baseline.json");
        Baseline.of(before).save(file);
        assertTrue(Files.readString(file).contains("\"regressed.js\""));
        Baseline loaded = Baseline.load(file);
        assertEquals(Baseline.of(before), loaded);
        Comparison after = run(new java.util.TreeMap<>(Map.of("fixed.js", "1;", "regressed.js", "null.x;",
                "changed.js", "throw new RangeError('r');", "same.js", "undefined.y;", "new.js", "null.z;")));
        Baseline.Diff d = loaded.diff(after).get("rhino");
        assertEquals(List.of("fixed.js"), d.newlyPassing());
        assertEquals(List.of("regressed.js"), d.newlyFailing());
        assertEquals(List.of("changed.js"), d.changed());
        assertTrue(loaded.diff(before).get("rhino").same());
    }

    @Test
    void aFileThatIsNoBaselineIsRefused() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"format\": 7}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Baseline.load(junk)).getMessage().contains("not a jsi compare baseline"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Baseline.load(dir.resolve("none.json"))).getMessage()
                .contains("no baseline file"));
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\":1,\"engines\":{\"v8\":{\"t.js\":{\"verdict\":\"maybe\"}}}}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Baseline.load(bad)).getMessage().contains("no valid verdict"));
    }
}
