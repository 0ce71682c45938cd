package org.jsi4j.compare.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Charts as inline SVG text, for the HTML report: no script, no network. */
final class SvgCharts {
    /** A colour per series, readable on white. */
    static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1");

    private SvgCharts() {
    }

    /** One colour per {@link org.jsi4j.compare.Verdict}, in its order. */
    static final List<String> VERDICT_COLOURS = List.of("#59a14f", "#e15759", "#edc948", "#7f3c8d", "#bab0ac");

    /**
     * Horizontal stacked bars: one bar per row, its segments the values (in order, coloured by
     * {@code colours}), scaled to the row's total.
     */
    static String stackedBars(Map<String, int[]> rows, List<String> segmentNames, List<String> colours) {
        int labelWidth = 140;
        int barWidth = 520;
        int rowHeight = 26;
        int height = rows.size() * rowHeight + 30;
        StringBuilder s = open(labelWidth + barWidth + 80, height, "verdicts per engine");
        int y = 4;
        for (Map.Entry<String, int[]> row : rows.entrySet()) {
            int total = 0;
            for (int v : row.getValue()) total += v;
            s.append(text(4, y + 16, row.getKey(), "start"));
            double x = labelWidth;
            for (int i = 0; i < row.getValue().length; i++) {
                int v = row.getValue()[i];
                if (v == 0 || total == 0) continue;
                double w = barWidth * (double) v / total;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s %d</title></rect>",
                        x, y, w, rowHeight - 6, colours.get(i), esc(row.getKey()), segmentNames.get(i), v));
                x += w;
            }
            y += rowHeight;
        }
        double x = labelWidth;
        for (int i = 0; i < segmentNames.size(); i++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, y + 4, colours.get(i)));
            s.append(text(x + 14, y + 13, segmentNames.get(i), "start"));
            x += 100;
        }
        return s.append("</svg>").toString();
    }

    /** Grouped horizontal bars of percentages: per row, one bar per series. */
    static String percentBars(Map<String, double[]> rows, List<String> series, String title) {
        int labelWidth = 260;
        int barWidth = 400;
        int bar = 9;
        int rowHeight = series.size() * bar + 8;
        int height = rows.size() * rowHeight + 24 + 20;
        StringBuilder s = open(labelWidth + barWidth + 70, height, title);
        int y = 4;
        for (Map.Entry<String, double[]> row : rows.entrySet()) {
            s.append(text(4, y + rowHeight / 2 + 3, shorten(row.getKey(), 40), "start"));
            for (int i = 0; i < series.size(); i++) {
                double p = row.getValue()[i];
                if (Double.isNaN(p)) continue;
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s: %.1f%%</title></rect>",
                        labelWidth, y + i * bar, barWidth * p / 100, bar - 1, PALETTE.get(i % PALETTE.size()), esc(row.getKey()),
                        esc(series.get(i)), p));
            }
            boolean ran = java.util.Arrays.stream(row.getValue()).anyMatch(v -> !Double.isNaN(v));
            s.append(text(labelWidth + barWidth + 6, y + rowHeight / 2 + 3,
                    ran ? String.format(Locale.ROOT, "%.0f%%", max(row.getValue())) : "not run", "start"));
            y += rowHeight;
        }
        legend(s, series, labelWidth, y + 6);
        return s.append("</svg>").toString();
    }

    /** A histogram: per bucket (labels), one bar per series (counts). */
    static String histogram(List<String> buckets, Map<String, int[]> countsBySeries, String title) {
        int width = 760;
        int height = 240;
        int left = 40;
        int bottom = height - 50;
        int max = 1;
        for (int[] c : countsBySeries.values()) for (int v : c) max = Math.max(max, v);
        StringBuilder s = open(width, height, title);
        double slot = (width - left - 10) / (double) buckets.size();
        double bar = (slot - 6) / Math.max(1, countsBySeries.size());
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, bottom, width - 10, bottom));
        s.append(text(left - 4, 14, Integer.toString(max), "end"));
        s.append(text(left - 4, bottom, "0", "end"));
        for (int b = 0; b < buckets.size(); b++) {
            double x0 = left + b * slot + 3;
            int i = 0;
            for (Map.Entry<String, int[]> series : countsBySeries.entrySet()) {
                int v = series.getValue()[b];
                double h = (bottom - 10) * (double) v / max;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s, %s: %d tests</title></rect>",
                        x0 + i * bar, bottom - h, Math.max(1, bar - 1), h, PALETTE.get(i % PALETTE.size()), esc(series.getKey()),
                        esc(buckets.get(b)), v));
                i++;
            }
            s.append(text(x0 + slot / 2 - 3, bottom + 14, buckets.get(b), "middle"));
        }
        s.append(text(width - 10, bottom + 28, "ms per test", "end"));
        legend(s, List.copyOf(countsBySeries.keySet()), left, bottom + 32);
        return s.append("</svg>").toString();
    }

    private static void legend(StringBuilder s, List<String> series, int x, int y) {
        for (int i = 0; i < series.size(); i++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", x + i * 110, y - 9,
                    PALETTE.get(i % PALETTE.size())));
            s.append(text(x + i * 110 + 14, y, series.get(i), "start"));
        }
    }

    private static StringBuilder open(int width, int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"11\">",
                width, height, width, height, esc(title)));
    }

    private static String text(double x, double y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor, esc(text));
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) if (!Double.isNaN(v)) m = Math.max(m, v);
        return m;
    }

    private static String shorten(String s, int max) {
        return s.length() > max ? "…" + s.substring(s.length() - max + 1) : s;
    }

    /** {@code s} escaped for HTML and SVG text and attributes. */
    static String esc(String s) {
        return JunitReport.attr(s).replace("'", "&#39;");
    }
}
