package org.jsi4j.benchmarks;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs the benchmarks without the {@code jsi} command:
 * {@code java -cp benchmarks/target/benchmarks.jar:$(cat benchmarks/target/classpath.txt)
 * org.jsi4j.benchmarks.BenchMain [REGEX]}, where REGEX is matched against
 * {@code engine.benchmark_flavor} (e.g. {@code rhino\.hostCall}). Prints the table.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Runs the benchmarks whose label matches the first argument (all when none). */
    public static void main(String[] args) throws Exception {
        Pattern filter = Pattern.compile(args.length > 0 ? args[0] : ".*");
        List<BenchRunner.Selected> selected = BenchRunner.select(label -> filter.matcher(label).find());
        BenchRunner.Settings settings = BenchRunner.Settings.quick();
        System.err.println("Running " + selected.size() + " benchmark methods, about "
                + BenchRunner.estimate(selected, settings).toSeconds() + " s");
        List<BenchRow> rows = BenchRunner.run(selected, settings, new BenchRunner.Listener() {
            @Override
            public void started(String engine, String benchmark, Flavor flavor, int index, int total) {
                System.err.printf("[%d/%d] %s %s (%s)%n", index + 1, total, engine, benchmark, flavor.suffix());
            }
        });
        System.out.print(BenchReport.table(rows));
    }
}
