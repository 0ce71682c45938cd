package org.jsi4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jsi4j.JsEngines;
import org.jsi4j.Snapshot;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SnapshotBenchmarks} engine by engine and prints, per bundle and engine, the time to
 * a ready runtime cold and from a snapshot, their ratio and whether the snapshot held the engine's
 * native image or is restored by replaying its journal:
 * {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar:$(cat
 * benchmarks/target/classpath.txt) org.jsi4j.benchmarks.SnapshotBenchMain [BUNDLE...]} (default
 * {@code lodash}; run {@code benchmarks/fetch-bundle.sh} first).
 *
 * <p>With {@code --alternate SECONDS} first, it measures in this JVM instead of JMH forks:
 * per engine, rounds of one cold setup then one restore, for that many seconds, and reports the
 * medians of the second half of the rounds (a steadier A/B once the JIT has settled; GraalJS needs
 * this JVM started with the Graal compiler flags that {@code BenchRunner} gives its forks).
 */
public final class SnapshotBenchMain {
    private static final String METHODS = "^" + SnapshotBenchmarks.class.getName().replace(".", "\\.") + "\\.(cold|fromSnapshot)$";

    /** One line of the table. */
    record Row(String bundle, String engine, double coldMs, double snapshotMs, boolean nativeImage) {
        /** How many times faster a restore is than a cold setup. */
        double ratio() {
            return coldMs / snapshotMs;
        }
    }

    private SnapshotBenchMain() {
    }

    /** Runs the benchmark on the bundles named by the arguments ({@code lodash} when none). */
    public static void main(String[] args) throws RunnerException {
        List<String> rest = List.of(args);
        double alternateSeconds = 0;
        if (!rest.isEmpty() && rest.get(0).equals("--alternate")) {
            if (rest.size() < 2) throw new IllegalArgumentException("--alternate needs a number of seconds per engine");
            alternateSeconds = Double.parseDouble(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        List<String> bundles = rest.isEmpty() ? List.of("lodash") : rest;
        for (String b : bundles) {
            if (!SnapshotSetup.available(b)) {
                System.err.println("The bundle '" + b + "' is not in " + SnapshotSetup.bundleDir()
                        + ". Run benchmarks/fetch-bundle.sh first (it needs npm); nothing was measured.");
                System.exit(2);
            }
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Row> rows = new ArrayList<>();
        for (String bundle : bundles) {
            SnapshotSetup setup = SnapshotSetup.load(bundle);
            for (String engine : BenchRunner.ENGINES.keySet()) {
                if (!JsEngines.ids().contains(engine)) continue;
                System.err.println("snapshot benchmark: " + bundle + " on " + engine);
                Snapshot snapshot = SnapshotBenchmarks.snapshot(JsEngines.factory(engine), setup);
                rows.add(alternateSeconds > 0 ? alternate(bundle, engine, snapshot.hasNativeImage(), alternateSeconds)
                        : measure(bundle, engine, snapshot.hasNativeImage()));
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.print(table(rows));
        System.out.printf(Locale.ROOT, "%nLoad average (1 min): %.1f before, %.1f after, on %d cores.%n",
                loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
    }

    private static Row measure(String bundle, String engine, boolean nativeImage) throws RunnerException {
        boolean graal = engine.equals("graal");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(METHODS)
                .param("engine", engine)
                .param("bundle", bundle)
                .forks(1)
                .warmupIterations(graal ? 3 : 1)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.MILLISECONDS)
                .jvmArgs(BenchRunner.forkArgs(engine).toArray(String[]::new))
                .build()).run();
        double cold = Double.NaN;
        double restored = Double.NaN;
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            if (method.endsWith(".cold")) cold = score;
            else if (method.endsWith(".fromSnapshot")) restored = score;
        }
        if (Double.isNaN(cold) || Double.isNaN(restored)) {
            throw new IllegalStateException("The snapshot benchmark on " + engine + " (" + bundle + ") gave no result;"
                    + " JMH's output above shows the fork's error");
        }
        return new Row(bundle, engine, cold, restored, nativeImage);
    }

    private static Row alternate(String bundle, String engine, boolean nativeImage, double seconds) {
        SnapshotBenchmarks bench = new SnapshotBenchmarks();
        bench.engine = engine;
        bench.bundle = bundle;
        bench.setUp();
        List<Double> cold = new ArrayList<>();
        List<Double> restored = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end || cold.size() < 2) {
            long t0 = System.nanoTime();
            bench.cold();
            long t1 = System.nanoTime();
            bench.fromSnapshot();
            long t2 = System.nanoTime();
            cold.add((t1 - t0) / 1e6);
            restored.add((t2 - t1) / 1e6);
        }
        System.err.println("  " + cold.size() + " rounds");
        return new Row(bundle, engine, medianOfSecondHalf(cold), medianOfSecondHalf(restored), nativeImage);
    }

    static double medianOfSecondHalf(List<Double> values) {
        List<Double> half = new ArrayList<>(values.subList(values.size() / 2, values.size()));
        half.sort(null);
        int n = half.size();
        return n % 2 == 1 ? half.get(n / 2) : (half.get(n / 2 - 1) + half.get(n / 2)) / 2;
    }

    /** The Markdown table of the rows. */
    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("| bundle | engine | cold ms | snapshot ms | ratio | image |\n|---|---|---:|---:|---:|---|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.1fx | %s |%n", r.bundle(), r.engine(),
                    r.coldMs(), r.snapshotMs(), r.ratio(), r.nativeImage() ? "native" : "journal replay"));
        }
        return out.toString();
    }
}
