package org.jsi4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jsi4j.benchmarks.BenchReport;
import org.jsi4j.benchmarks.BenchRow;
import org.jsi4j.benchmarks.BenchRunner;
import org.jsi4j.benchmarks.Flavor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jsi bench}: runs a short configuration of the JMH benchmarks (module {@code benchmarks})
 * and prints, per benchmark and engine, jsi4j's and the raw API's ns/op and their ratio (and
 * JSR-223's where the engine has one). A run of every benchmark is kept in
 * {@code benchmarks/RESULTS.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the benchmarks (jsi4j vs each engine's raw API vs JSR-223) and prints ns/op and ratios.",
                "Each method runs in its own JVM; all of them take a few minutes. A full run updates benchmarks/RESULTS.md."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--filter", paramLabel = "REGEX",
            description = "Run only the methods whose ENGINE.BENCHMARK_FLAVOR matches, e.g. 'rhino\\.' or 'hostCall|jsCall'.")
    String filter;

    @Option(names = {"-e", "--engine"}, paramLabel = "ID", description = "Only this engine (repeatable): rhino, v8, graal.")
    List<String> engines = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the rows as JSON to FILE.")
    Path json;

    @Option(names = "--results", paramLabel = "FILE",
            description = "The results file a full run updates. Default: benchmarks/RESULTS.md of this checkout.")
    Path results;

    @Option(names = "--no-results", description = "Do not update the results file.")
    boolean noResults;

    @Option(names = "--iterations", paramLabel = "N", description = "Measurement iterations per method (default ${DEFAULT-VALUE}).")
    int iterations = BenchRunner.Settings.quick().iterations();

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up iterations per method on Rhino and V8 (default ${DEFAULT-VALUE}).")
    int warmup = BenchRunner.Settings.quick().warmupIterations();

    @Option(names = "--graal-warmup", paramLabel = "N",
            description = "Warm-up iterations per GraalJS method (default ${DEFAULT-VALUE}: its JIT needs 4-6 s to settle on two cores).")
    int graalWarmup = BenchRunner.Settings.quick().graalWarmupIterations();

    @Option(names = "--time", paramLabel = "MS", description = "Milliseconds per iteration (default ${DEFAULT-VALUE}).")
    long millis = BenchRunner.Settings.quick().iterationTime().toMillis();

    @Option(names = "--forks", paramLabel = "N", description = "JVMs per method; 0 runs in this JVM, for debugging only (default ${DEFAULT-VALUE}).")
    int forks = 1;

    @Option(names = "--list", description = "List the methods that would run, and stop.")
    boolean list;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pattern pattern;
        BenchRunner.Settings settings;
        try {
            pattern = Pattern.compile(filter == null ? "" : filter);
            for (String e : engines) {
                if (!BenchRunner.ENGINES.containsKey(e)) {
                    throw new IllegalArgumentException("no benchmarks for engine '" + e + "'; there are "
                            + String.join(", ", BenchRunner.ENGINES.keySet()));
                }
            }
            var time = java.time.Duration.ofMillis(millis);
            settings = new BenchRunner.Settings(warmup, graalWarmup, time, iterations, time, forks);
        } catch (IllegalArgumentException e) {
            err.println("jsi bench: " + e.getMessage().lines().findFirst().orElse(""));
            err.flush();
            return Jsi.USAGE;
        }
        List<BenchRunner.Selected> selected = BenchRunner.select(label -> pattern.matcher(label).find()
                && (engines.isEmpty() || engines.contains(label.substring(0, label.indexOf('.')))));
        if (selected.isEmpty()) {
            err.println("jsi bench: no benchmark matches; try 'jsi bench --list'");
            err.flush();
            return Jsi.USAGE;
        }
        if (list) {
            selected.forEach(s -> out.println(s.label()));
            out.flush();
            return 0;
        }
        boolean full = filter == null && engines.isEmpty() && selected.size() == BenchRunner.select(l -> true).size();
        err.println("Running " + selected.size() + " benchmark methods, each in its own JVM: about "
                + BenchRunner.estimate(selected, settings).toSeconds() + " s.");
        double loadAtStart = BenchReport.loadAverage();
        List<BenchRow> rows;
        long steps = selected.size();
        try (ProgressDisplay progress = ProgressDisplay.start(err, "bench", steps)) {
            rows = BenchRunner.run(selected, settings, new BenchRunner.Listener() {
                @Override
                public void started(String engine, String benchmark, Flavor flavor, int index, int total) {
                    progress.step(index, engine + " " + benchmark + " (" + flavor.suffix() + ")");
                }
            });
        }
        out.print(BenchReport.table(rows));
        out.flush();
        if (json != null) writeJson(json, rows);
        if (full && !noResults) {
            Optional<Path> file = results != null ? Optional.of(results) : defaultResultsFile();
            if (file.isPresent()) {
                BenchReport.updateResults(file.get(), rows, settings, loadAtStart);
                err.println("Updated " + file.get());
            }
        }
        err.flush();
        boolean failed = rows.stream().anyMatch(r -> !r.failures().isEmpty());
        return failed ? Jsi.SCRIPT_FAILED : 0;
    }

    /** {@code [{"benchmark", "engine", "jsi_ns", "raw_ns", "ratio", "jsr223_ns"}]}; absent figures are null. */
    static void writeJson(Path file, List<BenchRow> rows) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (BenchRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benchmark", r.benchmark());
            m.put("engine", r.engine());
            m.put("jsi_ns", r.jsiNs());
            m.put("raw_ns", r.rawNs());
            m.put("ratio", r.ratio().orElse(null));
            m.put("jsr223_ns", r.jsr223Ns());
            out.add(m);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
    }

    /** benchmarks/RESULTS.md of the checkout this jsi runs from, when it runs from one. */
    private static Optional<Path> defaultResultsFile() {
        try {
            Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // cli/target/jsi.jar or cli/target/classes
            Path root = jar.getParent().getParent().getParent();
            Path dir = root.resolve("benchmarks");
            return Files.isRegularFile(dir.resolve("pom.xml")) ? Optional.of(dir.resolve("RESULTS.md")) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
