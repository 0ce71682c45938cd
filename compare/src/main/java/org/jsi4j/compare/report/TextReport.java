package org.jsi4j.compare.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsi4j.compare.Baseline;
import org.jsi4j.compare.Comparison;
import org.jsi4j.compare.TestCase;
import org.jsi4j.compare.TestResult;
import org.jsi4j.compare.Verdict;

/**
 * The terminal summary of a comparison: per engine the verdict counts, pass rate and speed; the
 * pass rate per top-level directory; how the engines group where they differ (eshost-style); the
 * first disagreements; and, for a few tests, each test's results side by side with a diff.
 */
public final class TextReport {
    private TextReport() {
    }

    /** Prints the summary of {@code run}; the first {@code maxDisagreements} disagreements are listed. */
    public static void summary(PrintWriter out, Comparison run, int maxDisagreements) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"engine", "pass", "fail", "timeout", "crash", "unsupported", "pass rate", "time", "tests/s"});
        run.byEngine().forEach((engine, t) -> rows.add(new String[] {engine, n(t.count(Verdict.PASS)), n(t.count(Verdict.FAIL)),
                n(t.count(Verdict.TIMEOUT)), n(t.count(Verdict.CRASH)), n(t.count(Verdict.UNSUPPORTED)), percent(t.passRate()),
                seconds(t.millis()), perSecond(t.counted(), t.millis())}));
        table(out, rows);
        Map<String, Map<String, Comparison.Tally>> groups = run.byGroup();
        if (groups.size() > 1) {
            out.println();
            List<String[]> g = new ArrayList<>();
            List<String> head = new ArrayList<>(List.of("directory", "tests"));
            head.addAll(run.engines());
            g.add(head.toArray(String[]::new));
            groups.forEach((dir, byEngine) -> {
                List<String> row = new ArrayList<>(List.of(dir, n(byEngine.values().iterator().next().counts().values().stream()
                        .mapToInt(Integer::intValue).sum())));
                for (Comparison.Tally t : byEngine.values()) row.add(t.counted() == 0 ? "-" : percent(t.passRate()));
                g.add(row.toArray(String[]::new));
            });
            table(out, g);
        }
        List<Comparison.Disagreement> ds = run.disagreements();
        out.println();
        out.println(run.tests().size() + (run.tests().size() == 1 ? " test" : " tests") + " on " + String.join(", ", run.engines())
                + " with " + run.workers() + (run.workers() == 1 ? " worker" : " workers") + " in " + seconds(run.wallMillis()) + ": "
                + (run.tests().size() - ds.size()) + " agree, " + ds.size() + " differ");
        if (ds.isEmpty()) return;
        out.println("where engines differ, they group (engines with the same outcome together):");
        run.agreementPatterns().forEach((pattern, count) -> out.println(String.format(Locale.ROOT, "  %6d  %s", count, pattern)));
        int shown = Math.min(maxDisagreements, ds.size());
        if (shown == 0) return;
        out.println("disagreements" + (shown < ds.size() ? " (first " + shown + " of " + ds.size() + "; all in --json and --html)" : "") + ":");
        for (Comparison.Disagreement d : ds.subList(0, shown)) {
            out.println("  " + d.test().id());
            d.groups().forEach((outcome, engines) -> out.println("    " + String.join(", ", engines) + ": "
                    + oneLine(outcome, 140)));
        }
    }

    /**
     * Each test's results side by side: verdict, time and message per engine; the common output
     * once where engines agree, else a unified diff from the first engine to each that differs.
     */
    public static void details(PrintWriter out, Comparison run) {
        Map<String, Map<String, TestResult>> byTest = run.byTest();
        for (TestCase t : run.tests()) {
            Map<String, TestResult> rs = byTest.get(t.id());
            boolean agree = grouped(rs) <= 1;
            out.println(t.id() + ": " + (agree ? "all engines agree" : "engines differ"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"engine", "verdict", "time", "message"});
            for (TestResult r : rs.values()) {
                rows.add(new String[] {r.engine(), r.verdict().label(), String.format(Locale.ROOT, "%d ms", Math.round(r.millis())),
                        r.message().isEmpty() ? "-" : oneLine(r.message(), 80)});
            }
            table(out, rows, "  ");
            TestResult first = rs.values().iterator().next();
            List<String> expected = first.outcome().lines().toList();
            if (agree) {
                out.println("  the same on every engine:");
                for (String line : expected) out.println("    " + line);
            } else {
                for (TestResult r : rs.values()) {
                    if (r == first || r.outcome().equals(first.outcome())) continue;
                    List<String> actual = r.outcome().lines().toList();
                    for (String line : UnifiedDiffUtils.generateUnifiedDiff(first.engine(), r.engine(), expected,
                            DiffUtils.diff(expected, actual), 2)) {
                        out.println("  " + line);
                    }
                }
            }
            out.println();
        }
    }

    /** Prints what changed against a baseline, per engine; returns whether anything newly fails. */
    public static boolean baseline(PrintWriter out, Map<String, Baseline.Diff> diffs, int maxListed) {
        boolean regressed = false;
        out.println("against the baseline:");
        for (Map.Entry<String, Baseline.Diff> e : diffs.entrySet()) {
            Baseline.Diff d = e.getValue();
            out.println("  " + e.getKey() + ": " + d.newlyPassing().size() + " newly pass, " + d.newlyFailing().size()
                    + " newly fail, " + d.changed().size() + " changed output");
            list(out, "newly fail", d.newlyFailing(), maxListed);
            list(out, "newly pass", d.newlyPassing(), maxListed);
            list(out, "changed", d.changed(), maxListed);
            regressed |= !d.newlyFailing().isEmpty();
        }
        return regressed;
    }

    private static void list(PrintWriter out, String what, List<String> ids, int max) {
        for (String id : ids.subList(0, Math.min(max, ids.size()))) out.println("    " + what + ": " + id);
        if (ids.size() > max) out.println("    ... and " + (ids.size() - max) + " more " + what);
    }

    private static long grouped(Map<String, TestResult> rs) {
        return rs.values().stream().filter(r -> r.verdict() != Verdict.UNSUPPORTED).map(TestResult::outcome).distinct().count();
    }

    static void table(PrintWriter out, List<String[]> rows) {
        table(out, rows, "");
    }

    private static void table(PrintWriter out, List<String[]> rows, String indent) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(width[i] - r[i].length());
                boolean right = i > 0 && r[i].matches("[-0-9.,% ]+(ms|s|%)?");
                line.append(right ? pad + r[i] : r[i] + pad).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String oneLine(String s, int max) {
        String flat = String.join(" / ", Arrays.stream(s.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList());
        return flat.length() > max ? flat.substring(0, max - 3) + "..." : flat;
    }

    static String n(int i) {
        return Integer.toString(i);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }

    static String perSecond(int count, double millis) {
        return millis <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", count * 1000.0 / millis);
    }
}
