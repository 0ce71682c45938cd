package org.jsi4j.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * Runs {@link BulkConversionBenchmark} engine by engine, each method in its own fork with the
 * options {@link BenchRunner} gives that engine (the Graal compiler for GraalJS, native access for
 * V8), and prints walk against JSON per engine and direction as a Markdown table:
 * {@code java -cp benchmarks/target/benchmarks.jar:$(cat benchmarks/target/classpath.txt)
 * org.jsi4j.benchmarks.BulkMain [REGEX [WARMUPS ITERATIONS MILLIS]]}, where REGEX is matched
 * against {@code engine.direction} (e.g. {@code v8|graal}, {@code \.toJava}).
 */
public final class BulkMain {
    private static final List<String> DIRECTIONS = List.of(BulkConversionBenchmark.TO_JAVA, BulkConversionBenchmark.TO_JS);

    /**
     * One engine and direction: ns per conversion by each path ({@code null} when it failed).
     *
     * @param engine the engine id
     * @param direction {@code toJava} or {@code toJs}
     * @param walkNs the per-property walk
     * @param jsonNs the JSON path
     */
    public record Row(String engine, String direction, Double walkNs, Double jsonNs) {
        /** How many times faster JSON is than the walk. */
        public Optional<Double> ratio() {
            return walkNs == null || jsonNs == null ? Optional.empty() : Optional.of(walkNs / jsonNs);
        }
    }

    private BulkMain() {
    }

    /** Runs the methods whose {@code engine.direction} matches the first argument (all when none). */
    public static void main(String[] args) throws Exception {
        Pattern filter = Pattern.compile(args.length > 0 ? args[0] : "");
        BenchRunner.Settings settings = args.length >= 4
                ? new BenchRunner.Settings(Integer.parseInt(args[1]), Integer.parseInt(args[1]),
                        Duration.ofMillis(Long.parseLong(args[3])), Integer.parseInt(args[2]),
                        Duration.ofMillis(Long.parseLong(args[3])), 1)
                : BenchRunner.Settings.quick();
        double load = BenchReport.loadAverage();
        List<Row> rows = run(label -> filter.matcher(label).find(), settings);
        System.out.print(BenchReport.environment(settings, load).replace(" per method", " per method and path"));
        System.out.println();
        System.out.print(markdown(rows));
    }

    /**
     * Runs the engines and directions whose {@code engine.direction} {@code filter} accepts, both
     * paths each, and returns one row per engine and direction.
     *
     * @throws RunnerException when JMH itself cannot run
     */
    public static List<Row> run(java.util.function.Predicate<String> filter, BenchRunner.Settings settings)
            throws RunnerException {
        List<Row> rows = new ArrayList<>();
        for (String engine : BenchRunner.ENGINES.keySet()) {
            List<String> directions = DIRECTIONS.stream().filter(d -> filter.test(engine + "." + d)).toList();
            if (directions.isEmpty()) continue;
            ChainedOptionsBuilder options = BenchRunner.options(engine, settings).param("engine", engine);
            for (String d : directions) {
                options.include("^" + Pattern.quote(BulkConversionBenchmark.class.getName() + "." + d + "_") + "(walk|json)$");
            }
            Map<String, Double> scores = new TreeMap<>();
            Collection<RunResult> results = new Runner(options.build()).run();
            for (RunResult r : results) {
                String method = r.getParams().getBenchmark();
                scores.put(method.substring(method.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
            }
            for (String d : directions) rows.add(new Row(engine, d, scores.get(d + "_walk"), scores.get(d + "_json")));
        }
        return rows;
    }

    /** The rows as a Markdown table. */
    public static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder("| engine | direction | walk ns/op | json ns/op | walk/json |\n");
        out.append("|---|---|---:|---:|---:|\n");
        for (Row r : rows) {
            out.append("| ").append(r.engine()).append(" | ").append(r.direction().equals(BulkConversionBenchmark.TO_JAVA) ? "JS→Java" : "Java→JS")
                    .append(" | ").append(BenchReport.ns(r.walkNs())).append(" | ").append(BenchReport.ns(r.jsonNs()))
                    .append(" | ").append(BenchReport.ratio(r.ratio())).append(" |\n");
        }
        return out.toString();
    }
}
