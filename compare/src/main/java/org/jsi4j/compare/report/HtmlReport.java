package org.jsi4j.compare.report;

import static org.jsi4j.compare.report.SvgCharts.esc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsi4j.compare.Baseline;
import org.jsi4j.compare.Comparison;
import org.jsi4j.compare.TestResult;
import org.jsi4j.compare.Verdict;

/**
 * One self-contained HTML page of a comparison, to hand to a colleague: no script, no stylesheet
 * or font from the network, charts drawn as inline SVG. It shows the per-engine verdicts and pass
 * rates, the pass rate per directory, the time distribution per engine, how engines group where
 * they differ, the baseline changes if any, and the disagreements with each engine's output side
 * by side.
 */
public final class HtmlReport {
    /** The most disagreements the page lists (the JSON report has all). */
    public static final int MAX_DISAGREEMENTS = 2000;
    private static final double[] BUCKET_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000};

    private HtmlReport() {
    }

    /** The page for {@code run}; {@code diffs} may be {@code null} (no baseline). */
    public static String of(Comparison run, Map<String, Baseline.Diff> diffs) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>jsi compare: ")
                .append(esc(String.join(", ", run.engines()))).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;vertical-align:top;text-align:left}th{background:#f3f3f3}")
                .append("td.num{text-align:right}pre{margin:0;white-space:pre-wrap;max-width:40em;font-size:12px}")
                .append(".pass{color:#2a7d2a}.fail,.crash{color:#b22222}.timeout{color:#9a7d00}.unsupported{color:#777}")
                .append("</style></head><body>\n");
        List<Comparison.Disagreement> ds = run.disagreements();
        h.append("<h1>jsi compare</h1>\n<p>").append(run.tests().size()).append(" tests on ").append(esc(String.join(", ", run.engines())))
                .append(" with ").append(run.workers()).append(" workers in ").append(TextReport.seconds(run.wallMillis()))
                .append(": ").append(run.tests().size() - ds.size()).append(" agree, ").append(ds.size()).append(" differ.</p>\n");

        h.append("<h2>Pass rate per engine</h2>\n<table><tr><th>engine</th>");
        for (Verdict v : Verdict.values()) h.append("<th>").append(v.label()).append("</th>");
        h.append("<th>pass rate</th><th>time</th><th>tests/s</th></tr>\n");
        Map<String, int[]> stacks = new LinkedHashMap<>();
        run.byEngine().forEach((e, t) -> {
            h.append("<tr><td>").append(esc(e)).append("</td>");
            int[] counts = new int[Verdict.values().length];
            for (Verdict v : Verdict.values()) {
                counts[v.ordinal()] = t.count(v);
                h.append("<td class=\"num\">").append(t.count(v)).append("</td>");
            }
            stacks.put(e, counts);
            h.append("<td class=\"num\">").append(TextReport.percent(t.passRate())).append("</td><td class=\"num\">")
                    .append(TextReport.seconds(t.millis())).append("</td><td class=\"num\">")
                    .append(TextReport.perSecond(t.counted(), t.millis())).append("</td></tr>\n");
        });
        h.append("</table>\n").append(SvgCharts.stackedBars(stacks, Arrays.stream(Verdict.values()).map(Verdict::label).toList(),
                SvgCharts.VERDICT_COLOURS)).append("\n");

        h.append("<h2>Pass rate per directory</h2>\n");
        Map<String, double[]> dirs = new LinkedHashMap<>();
        run.byGroup().forEach((g, m) -> dirs.put(g, m.values().stream()
                .mapToDouble(t -> t.counted() == 0 ? Double.NaN : t.passRate()).toArray()));
        h.append(SvgCharts.percentBars(dirs, run.engines(), "pass rate per directory")).append("\n");

        h.append("<h2>Time per test</h2>\n");
        List<String> buckets = new ArrayList<>(List.of("<1"));
        for (int i = 1; i < BUCKET_MS.length; i++) buckets.add(label(BUCKET_MS[i - 1]) + "–" + label(BUCKET_MS[i]));
        buckets.add("≥" + label(BUCKET_MS[BUCKET_MS.length - 1]));
        Map<String, int[]> hist = new LinkedHashMap<>();
        h.append("<table><tr><th>engine</th><th>median</th><th>90th percentile</th><th>slowest</th></tr>\n");
        for (String e : run.engines()) {
            int[] counts = new int[buckets.size()];
            double[] times = run.of(e).stream().filter(TestResult::counted).mapToDouble(TestResult::millis).sorted().toArray();
            for (double t : times) {
                int i = 0;
                while (i < BUCKET_MS.length && t >= BUCKET_MS[i]) i++;
                counts[i]++;
            }
            hist.put(e, counts);
            h.append("<tr><td>").append(esc(e)).append("</td><td class=\"num\">").append(ms(quantile(times, 0.5)))
                    .append("</td><td class=\"num\">").append(ms(quantile(times, 0.9))).append("</td><td class=\"num\">")
                    .append(ms(times.length == 0 ? 0 : times[times.length - 1])).append("</td></tr>\n");
        }
        h.append("</table>\n").append(SvgCharts.histogram(buckets, hist, "tests per time bucket (ms)")).append("\n");

        if (diffs != null) {
            h.append("<h2>Against the baseline</h2>\n<table><tr><th>engine</th><th>newly pass</th><th>newly fail</th><th>changed output</th></tr>\n");
            diffs.forEach((e, d) -> h.append("<tr><td>").append(esc(e)).append("</td><td>").append(ids(d.newlyPassing()))
                    .append("</td><td>").append(ids(d.newlyFailing())).append("</td><td>").append(ids(d.changed())).append("</td></tr>\n"));
            h.append("</table>\n");
        }

        h.append("<h2>Where engines differ</h2>\n");
        if (ds.isEmpty()) {
            h.append("<p>All engines agree on every test.</p>\n");
        } else {
            h.append("<table><tr><th>tests</th><th>engines that agree, grouped</th></tr>\n");
            run.agreementPatterns().forEach((p, n) -> h.append("<tr><td class=\"num\">").append(n).append("</td><td>").append(esc(p))
                    .append("</td></tr>\n"));
            h.append("</table>\n<table><tr><th>test</th>");
            for (String e : run.engines()) h.append("<th>").append(esc(e)).append("</th>");
            h.append("</tr>\n");
            for (Comparison.Disagreement d : ds.subList(0, Math.min(MAX_DISAGREEMENTS, ds.size()))) {
                h.append("<tr><td>").append(esc(d.test().id())).append("</td>");
                for (String e : run.engines()) {
                    TestResult r = d.results().get(e);
                    if (r == null) {
                        h.append("<td></td>");
                        continue;
                    }
                    h.append("<td><span class=\"").append(r.verdict().label()).append("\">").append(r.verdict().label())
                            .append("</span><pre>").append(esc(r.outcome()))
                            .append(r.message().isEmpty() || r.outcome().contains(r.message()) ? "" : "\n" + esc(r.message()))
                            .append("</pre></td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
            if (ds.size() > MAX_DISAGREEMENTS) {
                h.append("<p>First ").append(MAX_DISAGREEMENTS).append(" of ").append(ds.size()).append(" listed; --json has all.</p>\n");
            }
        }
        return h.append("</body></html>\n").toString();
    }

    private static String ids(List<String> ids) {
        if (ids.isEmpty()) return "0";
        StringBuilder b = new StringBuilder().append(ids.size()).append("<pre>");
        for (String id : ids.subList(0, Math.min(50, ids.size()))) b.append(esc(id)).append('\n');
        if (ids.size() > 50) b.append("… ").append(ids.size() - 50).append(" more");
        return b.append("</pre>").toString();
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String label(double millis) {
        return millis >= 1000 ? String.format(Locale.ROOT, "%.0fs", millis / 1000) : String.format(Locale.ROOT, "%.0f", millis);
    }
}
