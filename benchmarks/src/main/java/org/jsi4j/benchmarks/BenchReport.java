package org.jsi4j.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The results as a text table and as the generated part of {@code benchmarks/RESULTS.md}. */
public final class BenchReport {
    /** Marks the start of the generated part of RESULTS.md. */
    public static final String BEGIN = "<!-- jsi bench: generated from here -->";
    /** Marks its end; text outside the markers is kept. */
    public static final String END = "<!-- jsi bench: generated up to here -->";

    private static final String[] HEADER = {"benchmark", "engine", "jsi4j ns/op", "raw ns/op", "ratio",
            "JSR-223 ns/op", "jsi4j/JSR-223", "goal"};

    private BenchReport() {
    }

    /** A plain text table, columns aligned, failures listed below it. */
    public static String table(List<BenchRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (BenchRow r : rows) cells.add(cellsOf(r));
        int[] width = new int[HEADER.length];
        for (String[] c : cells) for (int i = 0; i < c.length; i++) width[i] = Math.max(width[i], c[i].length());
        StringBuilder out = new StringBuilder();
        for (String[] c : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < c.length; i++) {
                String pad = " ".repeat(width[i] - c[i].length());
                line.append(i < 2 || i == c.length - 1 ? c[i] + pad : pad + c[i]).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append(failures(rows));
        return out.toString();
    }

    /** The rows as a Markdown table, failures listed below it. */
    public static String markdown(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|\n");
        for (BenchRow r : rows) out.append("| ").append(String.join(" | ", cellsOf(r))).append(" |\n");
        String failed = failures(rows);
        if (!failed.isEmpty()) out.append('\n').append(failed.replaceAll("(?m)^", "    "));
        return out.toString();
    }

    private static String[] cellsOf(BenchRow r) {
        return new String[] {r.benchmark(), r.engine(), ns(r.jsiNs()), ns(r.rawNs()), ratio(r.ratio()),
                ns(r.jsr223Ns()), ratio(r.jsr223Ratio()), r.goalStatus()};
    }

    private static String failures(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder();
        for (BenchRow r : rows) {
            for (Map.Entry<Flavor, String> f : r.failures().entrySet()) {
                out.append("failed: ").append(r.engine()).append(' ').append(r.benchmark()).append(" (")
                        .append(f.getKey().suffix()).append("): ").append(f.getValue()).append('\n');
            }
        }
        return out.toString();
    }

    static String ns(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%,.1f", value);
    }

    static String ratio(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse("-");
    }

    /** The system load average now (the last minute), or a negative number where unknown. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * The machine, JDK and load the figures were taken on, one Markdown list; {@code loadAtStart}
     * is {@link #loadAverage()} when the run started.
     */
    public static String environment(BenchRunner.Settings settings, double loadAtStart) {
        String cpu = cpuModel().orElse(System.getProperty("os.arch"));
        double load = loadAverage();
        return "- date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n"
                + "- machine: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")\n"
                + "- load average (1 min) at the start and end of the run: " + String.format(Locale.ROOT, "%.2f", loadAtStart)
                + " and " + String.format(Locale.ROOT, "%.2f", load) + " (other jobs shared the machine when above 0.5)\n"
                + "- settings: " + settings.forks() + " fork per method, warm-up " + settings.warmupIterations()
                + " x " + settings.warmupTime().toMillis() + " ms (GraalJS " + settings.graalWarmupIterations()
                + "), measurement " + settings.iterations() + " x " + settings.iterationTime().toMillis()
                + " ms; the JVM's default collector (G1) and a full collection before each iteration, so runtimes are"
                + " measured old, as in a long-running process\n";
    }

    private static Optional<String> cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) return Optional.of(line.substring(line.indexOf(':') + 1).strip());
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture will do
        }
        return Optional.empty();
    }

    /**
     * Replaces the generated part of {@code file} (between {@link #BEGIN} and {@link #END}) with
     * the environment and the table, keeping the rest; a file without markers gets them appended.
     */
    public static void updateResults(Path file, List<BenchRow> rows, BenchRunner.Settings settings, double loadAtStart)
            throws IOException {
        String generated = BEGIN + "\n\n" + environment(settings, loadAtStart) + "\n" + markdown(rows) + "\n" + END;
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmark results\n\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin >= 0 && end > begin) {
            text = text.substring(0, begin) + generated + text.substring(end + END.length());
        } else {
            text = text.stripTrailing() + "\n\n" + generated + "\n";
        }
        Files.writeString(file, text);
    }
}
