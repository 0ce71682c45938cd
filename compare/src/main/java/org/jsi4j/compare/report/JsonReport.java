package org.jsi4j.compare.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.compare.Baseline;
import org.jsi4j.compare.Comparison;
import org.jsi4j.compare.TestCase;
import org.jsi4j.compare.TestResult;
import org.jsi4j.compare.Verdict;

/**
 * A comparison as JSON: {@code engines}, {@code summary} (per engine: verdict counts, pass rate,
 * time), {@code directories} (pass rate per engine), {@code patterns} (how engines group where
 * they differ), {@code tests} (each test's results per engine and whether they agree) and, with a
 * baseline, {@code baseline} (newly passing, newly failing, changed per engine).
 */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The JSON text of {@code run}; {@code diffs} may be {@code null} (no baseline). */
    public static String of(Comparison run, Map<String, Baseline.Diff> diffs) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("engines", run.engines());
        top.put("workers", run.workers());
        top.put("wall_ms", Math.round(run.wallMillis()));
        top.put("agree", run.allAgree());
        Map<String, Object> summary = new LinkedHashMap<>();
        run.byEngine().forEach((e, t) -> summary.put(e, tally(t)));
        top.put("summary", summary);
        Map<String, Object> dirs = new LinkedHashMap<>();
        run.byGroup().forEach((g, m) -> {
            Map<String, Object> per = new LinkedHashMap<>();
            m.forEach((e, t) -> per.put(e, tally(t)));
            dirs.put(g, per);
        });
        top.put("directories", dirs);
        top.put("patterns", run.agreementPatterns());
        List<Object> tests = new ArrayList<>();
        Map<String, Map<String, TestResult>> byTest = run.byTest();
        java.util.Set<String> differ = new java.util.HashSet<>();
        for (Comparison.Disagreement d : run.disagreements()) differ.add(d.test().id());
        Map<String, String> groups = run.groups();
        for (TestCase t : run.tests()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("directory", groups.get(t.id()));
            m.put("agree", !differ.contains(t.id()));
            Map<String, Object> results = new LinkedHashMap<>();
            byTest.get(t.id()).forEach((e, r) -> {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("verdict", r.verdict().label());
                rm.put("outcome", r.outcome());
                rm.put("message", r.message());
                rm.put("time_ms", Math.round(r.millis() * 10) / 10.0);
                results.put(e, rm);
            });
            m.put("results", results);
            tests.add(m);
        }
        top.put("tests", tests);
        if (diffs != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            diffs.forEach((e, d) -> b.put(e, Map.of("newly_passing", d.newlyPassing(), "newly_failing", d.newlyFailing(),
                    "changed", d.changed())));
            top.put("baseline", b);
        }
        try {
            return JSON.writeValueAsString(top);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> tally(Comparison.Tally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) m.put(v.label(), t.count(v));
        m.put("pass_rate", Math.round(t.passRate() * 100) / 100.0);
        m.put("time_ms", Math.round(t.millis()));
        return m;
    }
}
