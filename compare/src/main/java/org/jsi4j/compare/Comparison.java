package org.jsi4j.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of a comparison run and what the reports show of them: pass rates per engine and
 * per top-level directory, and, eshost-style, which engines agree with which on each test.
 *
 * @param engines the engines, in the order they are shown
 * @param tests the tests, in order
 * @param results every (test, engine) result, ordered by test then engine
 * @param workers how many tests ran at once (lanes of the worker JVMs)
 * @param wallMillis how long the whole run took
 */
public record Comparison(List<String> engines, List<TestCase> tests, List<TestResult> results, int workers,
                         double wallMillis) {
    /** Copies the lists. */
    public Comparison {
        engines = List.copyOf(engines);
        tests = List.copyOf(tests);
        results = List.copyOf(results);
    }

    /**
     * Counts of verdicts.
     *
     * @param counts the number of results of each verdict
     * @param millis the summed time of the results
     */
    public record Tally(Map<Verdict, Integer> counts, double millis) {
        /** How many results had {@code v}. */
        public int count(Verdict v) {
            return counts.getOrDefault(v, 0);
        }

        /** Results that ran (all but unsupported). */
        public int counted() {
            return counts.values().stream().mapToInt(Integer::intValue).sum() - count(Verdict.UNSUPPORTED);
        }

        /** Passed tests among those that ran, in percent; 0 when none ran. */
        public double passRate() {
            return counted() == 0 ? 0 : 100.0 * count(Verdict.PASS) / counted();
        }

        /** The tally of {@code rs}. */
        public static Tally of(List<TestResult> rs) {
            Map<Verdict, Integer> counts = new java.util.EnumMap<>(Verdict.class);
            double millis = 0;
            for (TestResult r : rs) {
                counts.merge(r.verdict(), 1, Integer::sum);
                millis += r.millis();
            }
            return new Tally(counts, millis);
        }
    }

    /**
     * A test on which the engines that ran it do not all agree.
     *
     * @param test the test
     * @param groups each distinct outcome and the engines that had it, the most common first
     * @param results the test's results by engine
     */
    public record Disagreement(TestCase test, Map<String, List<String>> groups, Map<String, TestResult> results) {
    }

    /** The results of {@code engine}. */
    public List<TestResult> of(String engine) {
        return results.stream().filter(r -> r.engine().equals(engine)).toList();
    }

    /** The tally of each engine. */
    public Map<String, Tally> byEngine() {
        Map<String, Tally> out = new LinkedHashMap<>();
        for (String e : engines) out.put(e, Tally.of(of(e)));
        return out;
    }

    /**
     * The directory a test is summarised under: the directory all tests share, and up to two
     * levels below it ({@code built-ins/Array} for a run of test262's {@code test/},
     * {@code built-ins/Array/prototype/map} for a run of {@code built-ins/Array}).
     */
    public Map<String, String> groups() {
        List<String[]> dirs = new ArrayList<>();
        for (TestCase t : tests) {
            String[] parts = t.id().split("/");
            dirs.add(java.util.Arrays.copyOf(parts, parts.length - 1));
        }
        int common = dirs.isEmpty() ? 0 : dirs.get(0).length;
        for (String[] d : dirs) {
            int i = 0;
            while (i < Math.min(common, d.length) && d[i].equals(dirs.get(0)[i])) i++;
            common = i;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < tests.size(); i++) {
            String[] d = dirs.get(i);
            String g = String.join("/", java.util.Arrays.copyOf(d, Math.min(d.length, common + 2)));
            out.put(tests.get(i).id(), g.isEmpty() ? "." : g);
        }
        return out;
    }

    /** The tally of each engine in each directory of {@link #groups()}, directories sorted. */
    public Map<String, Map<String, Tally>> byGroup() {
        Map<String, String> groupOf = groups();
        Map<String, Map<String, List<TestResult>>> raw = new TreeMap<>();
        for (TestResult r : results) {
            raw.computeIfAbsent(groupOf.getOrDefault(r.test(), "."), g -> new LinkedHashMap<>())
                    .computeIfAbsent(r.engine(), e -> new ArrayList<>()).add(r);
        }
        Map<String, Map<String, Tally>> out = new LinkedHashMap<>();
        raw.forEach((g, m) -> {
            Map<String, Tally> t = new LinkedHashMap<>();
            for (String e : engines) t.put(e, Tally.of(m.getOrDefault(e, List.of())));
            out.put(g, t);
        });
        return out;
    }

    /** Each test's results by engine, tests in order. */
    public Map<String, Map<String, TestResult>> byTest() {
        Map<String, Map<String, TestResult>> out = new LinkedHashMap<>();
        for (TestCase t : tests) out.put(t.id(), new LinkedHashMap<>());
        for (TestResult r : results) out.computeIfAbsent(r.test(), k -> new LinkedHashMap<>()).put(r.engine(), r);
        return out;
    }

    /** The tests on which the engines that ran them (unsupported ones left out) have different outcomes. */
    public List<Disagreement> disagreements() {
        List<Disagreement> out = new ArrayList<>();
        Map<String, Map<String, TestResult>> byTest = byTest();
        for (TestCase t : tests) {
            Map<String, TestResult> rs = byTest.get(t.id());
            Map<String, List<String>> groups = groups(rs);
            if (groups.size() > 1) out.add(new Disagreement(t, groups, rs));
        }
        return out;
    }

    /**
     * How often each grouping of engines occurs among the disagreements, eshost-style: the key
     * lists the groups of engines that agree, {@code "graal, v8 | rhino"}; most frequent first.
     */
    public Map<String, Integer> agreementPatterns() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Disagreement d : disagreements()) {
            List<String> parts = new ArrayList<>();
            for (List<String> g : d.groups().values()) parts.add(String.join(", ", g));
            counts.merge(String.join(" | ", parts), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : sorted) out.put(e.getKey(), e.getValue());
        return out;
    }

    /** Whether every test had one outcome on all engines that ran it. */
    public boolean allAgree() {
        return disagreements().isEmpty();
    }

    /** The outcomes of {@code rs} (unsupported left out) and the engines that had each, biggest group first. */
    static Map<String, List<String>> groups(Map<String, TestResult> rs) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (TestResult r : rs.values()) {
            if (r.verdict() == Verdict.UNSUPPORTED) continue;
            groups.computeIfAbsent(r.outcome(), o -> new ArrayList<>()).add(r.engine());
        }
        List<Map.Entry<String, List<String>>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort((a, b) -> b.getValue().size() - a.getValue().size());
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : sorted) out.put(e.getKey(), e.getValue());
        return out;
    }
}
