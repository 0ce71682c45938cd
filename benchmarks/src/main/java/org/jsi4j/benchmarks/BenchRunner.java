package org.jsi4j.benchmarks;

import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jsi4j.JsEngines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks through JMH, engine by engine, and gathers one {@link BenchRow} per
 * benchmark and engine. Each benchmark method runs in its own forked JVM with fixed options; the
 * forks that run GraalJS get the Graal compiler on their upgrade module path.
 */
public final class BenchRunner {
    /** The engines, in the order they are run and shown, with their benchmark classes. */
    public static final Map<String, Class<? extends EngineBenchmark>> ENGINES = engines();
    /** The benchmarks, in the order they are shown. */
    public static final List<String> BENCHMARKS = List.of("hostCall", "jsCall", "propertyGet", "propertySet",
            "createRuntime", "pooledRuntime", "evalPrepared", "graphRoundTrip", "graphWalk");
    /** The system property naming the directory of the Graal compiler jars. */
    public static final String GRAAL_JIT_DIR = "jsi.graal.jitDir";

    /**
     * The forks' JVM options. The collector is the JVM's default (G1), the one a server running
     * jsi4j has: its write barrier makes a store of a young object into an old one cost far more
     * than under the parallel collector the forks once used, which hid a 2-4x steady-state cost of
     * Rhino's host-object crossing (benchmarks/RESULTS.md). See also {@code shouldDoGC} in
     * {@link #options}.
     */
    private static final List<String> FORK_ARGS = List.of("-Xms256m", "-Xmx1g",
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

    /**
     * How long to measure. GraalJS gets {@code graalWarmupIterations}: its JIT compiles the
     * scripts in the background and needs longer to settle (on two cores jsi4j's jsCall path reaches
     * its steady 100-120 ns only after 4-6 s: three JS functions and the polyglot entry to compile
     * where the raw call has two; with 2.4 s of warm-up the forks measured 1-2 us).
     */
    public record Settings(int warmupIterations, int graalWarmupIterations, Duration warmupTime, int iterations,
                           Duration iterationTime, int forks) {
        /** Checks the values. */
        public Settings {
            if (warmupIterations < 0 || graalWarmupIterations < 0 || iterations < 1 || forks < 0) {
                throw new IllegalArgumentException("iterations must be >= 1 and warm-up iterations and forks >= 0");
            }
            Objects.requireNonNull(warmupTime, "warmupTime");
            Objects.requireNonNull(iterationTime, "iterationTime");
        }

        /** The short configuration of {@code ./jsi bench}: a few minutes in all on two cores. */
        public static Settings quick() {
            return new Settings(2, 15, Duration.ofMillis(400), 3, Duration.ofMillis(400), 1);
        }

        /** Seconds of warm-up and measurement of one method, without the fork's start. */
        double secondsPerMethod(boolean graal) {
            return ((graal ? graalWarmupIterations : warmupIterations) * warmupTime.toMillis()
                    + iterations * iterationTime.toMillis()) / 1000.0;
        }
    }

    /** What the runner reports while it runs. */
    public interface Listener {
        /** A benchmark method starts: the {@code index}-th (from 0) of {@code total}. */
        default void started(String engine, String benchmark, Flavor flavor, int index, int total) {
        }

        /** A warm-up or measurement iteration of the running method ended. */
        default void iterationDone(int iteration, int iterations) {
        }

        /** A line of JMH's own output (for a verbose log). */
        default void log(String line) {
        }
    }

    /** One benchmark method to run. */
    public record Selected(String engine, String benchmark, Flavor flavor, Class<? extends EngineBenchmark> type) {
        /** JMH's name of the method. */
        public String jmhName() {
            return type.getName() + "." + benchmark + "_" + flavor.suffix();
        }

        /** {@code engine.benchmark_flavor}, what a filter matches. */
        public String label() {
            return engine + "." + benchmark + "_" + flavor.suffix();
        }
    }

    private BenchRunner() {
    }

    private static Map<String, Class<? extends EngineBenchmark>> engines() {
        Map<String, Class<? extends EngineBenchmark>> m = new LinkedHashMap<>();
        m.put("rhino", RhinoBenchmarks.class);
        m.put("v8", V8Benchmarks.class);
        m.put("graal", GraalBenchmarks.class);
        return m;
    }

    /**
     * The benchmark methods to run: every one whose label ({@code engine.benchmark_flavor})
     * {@code filter} accepts, leaving out jsi4j flavors of engines that jsi4j does not find on the
     * class path.
     */
    public static List<Selected> select(Predicate<String> filter) {
        List<String> jsiEngines = JsEngines.ids();
        List<Selected> out = new ArrayList<>();
        for (Map.Entry<String, Class<? extends EngineBenchmark>> e : ENGINES.entrySet()) {
            Map<String, List<Flavor>> methods = new TreeMap<>();
            for (Method m : e.getValue().getMethods()) {
                if (!m.isAnnotationPresent(Benchmark.class)) continue;
                Flavor flavor = Flavor.of(m.getName());
                String benchmark = m.getName().substring(0, m.getName().length() - flavor.suffix().length() - 1);
                methods.computeIfAbsent(benchmark, k -> new ArrayList<>()).add(flavor);
            }
            for (String benchmark : BENCHMARKS) {
                for (Flavor flavor : Flavor.values()) {
                    if (!methods.getOrDefault(benchmark, List.of()).contains(flavor)) continue;
                    if (flavor == Flavor.JSI && !jsiEngines.contains(e.getKey())) continue;
                    Selected s = new Selected(e.getKey(), benchmark, flavor, e.getValue());
                    if (filter.test(s.label())) out.add(s);
                }
            }
        }
        return out;
    }

    /** A rough duration of {@link #run}, for the user. */
    public static Duration estimate(List<Selected> selected, Settings settings) {
        double seconds = 0;
        for (Selected s : selected) seconds += 2.5 + settings.secondsPerMethod(s.engine().equals("graal"));
        return Duration.ofMillis((long) (seconds * 1000) * Math.max(1, settings.forks()));
    }

    /**
     * Runs the selected methods and returns one row per benchmark and engine, in the order of
     * {@link #ENGINES} and {@link #BENCHMARKS}.
     *
     * @throws RunnerException when JMH itself cannot run
     */
    public static List<BenchRow> run(List<Selected> selected, Settings settings, Listener listener) throws RunnerException {
        Map<String, Double> scores = new TreeMap<>();
        Map<String, String> failures = new TreeMap<>();
        Progress progress = new Progress(listener, selected.size());
        for (String engine : ENGINES.keySet()) {
            List<Selected> mine = selected.stream().filter(s -> s.engine().equals(engine)).toList();
            if (mine.isEmpty()) continue;
            ChainedOptionsBuilder options = options(engine, settings);
            for (Selected s : mine) options.include("^" + java.util.regex.Pattern.quote(s.jmhName()) + "$");
            progress.expect(mine);
            Collection<RunResult> results = new Runner(options.build(), progress).run();
            for (RunResult r : results) {
                scores.put(r.getParams().getBenchmark(), r.getPrimaryResult().getScore());
            }
            for (Selected s : mine) {
                if (!scores.containsKey(s.jmhName())) {
                    failures.put(s.jmhName(), progress.failureOf(s.jmhName()));
                }
            }
        }
        return rows(selected, scores, failures);
    }

    private static List<BenchRow> rows(List<Selected> selected, Map<String, Double> scores, Map<String, String> failures) {
        List<BenchRow> rows = new ArrayList<>();
        for (String engine : ENGINES.keySet()) {
            for (String benchmark : BENCHMARKS) {
                List<Selected> these = selected.stream()
                        .filter(s -> s.engine().equals(engine) && s.benchmark().equals(benchmark)).toList();
                if (these.isEmpty()) continue;
                Map<Flavor, Double> ns = new EnumMap<>(Flavor.class);
                Map<Flavor, String> failed = new EnumMap<>(Flavor.class);
                for (Selected s : these) {
                    Double score = scores.get(s.jmhName());
                    if (score != null) ns.put(s.flavor(), score);
                    else failed.put(s.flavor(), failures.getOrDefault(s.jmhName(), "no result"));
                }
                rows.add(new BenchRow(benchmark, engine, ns.get(Flavor.JSI), ns.get(Flavor.RAW), ns.get(Flavor.JSR223), failed));
            }
        }
        return rows;
    }

    /**
     * JMH options for {@code engine}'s forks under {@code settings}, before the benchmarks are
     * chosen. A full collection before every iteration moves the runtime and everything it keeps
     * to the old generation, as in a process that has run for a while; without it a short fork
     * measures a runtime whose objects are all still young, which is faster than any real use.
     */
    static ChainedOptionsBuilder options(String engine, Settings settings) {
        return new OptionsBuilder()
                .forks(settings.forks())
                .warmupIterations(engine.equals("graal") ? settings.graalWarmupIterations() : settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupTime().toMillis()))
                .measurementIterations(settings.iterations())
                .measurementTime(TimeValue.milliseconds(settings.iterationTime().toMillis()))
                .timeUnit(TimeUnit.NANOSECONDS)
                .shouldFailOnError(false)
                .shouldDoGC(true)
                .jvmArgs(forkArgs(engine).toArray(String[]::new));
    }

    /** The JVM options of the forks that run {@code engine}. */
    static List<String> forkArgs(String engine) {
        List<String> args = new ArrayList<>(FORK_ARGS);
        if (engine.equals("graal")) {
            graalJitDir().ifPresent(dir -> {
                args.add("--upgrade-module-path=" + dir);
                args.add("-XX:+UnlockExperimentalVMOptions");
                args.add("-XX:+EnableJVMCI");
            });
        }
        return args;
    }

    /**
     * The directory of the Graal compiler jars, when they fit this JDK (the compiler runs only on
     * the JDK of its own version): the {@value #GRAAL_JIT_DIR} system property, else
     * {@code graal-jit} beside the benchmarks' own jar or classes (the Maven build puts it there).
     */
    static Optional<Path> graalJitDir() {
        Path dir;
        String property = System.getProperty(GRAAL_JIT_DIR);
        if (property != null && !property.isBlank()) {
            dir = Path.of(property).toAbsolutePath();
        } else {
            try {
                Path here = Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                dir = here.getParent().resolve("graal-jit");
            } catch (URISyntaxException | RuntimeException e) {
                return Optional.empty();
            }
        }
        Path compiler = dir.resolve("compiler-" + System.getProperty("java.version") + ".jar");
        return Files.isRegularFile(compiler) ? Optional.of(dir) : Optional.empty();
    }

    /** JMH's output, turned into progress and failure reasons. */
    private static final class Progress implements OutputFormat {
        private final Listener listener;
        private final int total;
        private final Map<String, Selected> expected = new LinkedHashMap<>();
        private final Map<String, StringBuilder> output = new LinkedHashMap<>();
        private int started;
        private String current;
        private StringBuilder line = new StringBuilder();

        Progress(Listener listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        void expect(List<Selected> selected) {
            for (Selected s : selected) expected.put(s.jmhName(), s);
        }

        String failureOf(String jmhName) {
            StringBuilder text = output.get(jmhName);
            if (text == null) return "did not run";
            for (String l : text.toString().split("\n")) {
                String t = l.strip();
                if (t.matches("^[\\w.$]+(Exception|Error)(:.*)?$")) return t;
            }
            return "failed (no exception in JMH's output)";
        }

        @Override
        public void startBenchmark(BenchmarkParams params) {
            current = params.getBenchmark();
            output.put(current, new StringBuilder());
            Selected s = expected.get(current);
            if (s != null) listener.started(s.engine(), s.benchmark(), s.flavor(), started, total);
            started++;
        }

        @Override
        public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        }

        @Override
        public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
            listener.iterationDone(iteration, params.getCount());
        }

        @Override
        public void endBenchmark(BenchmarkResult result) {
            current = null;
        }

        @Override
        public void startRun() {
        }

        @Override
        public void endRun(Collection<RunResult> result) {
        }

        @Override
        public void print(String s) {
            for (char c : s.toCharArray()) write(c);
        }

        @Override
        public void println(String s) {
            print(s);
            write('\n');
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public void verbosePrintln(String s) {
            listener.log(s);
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                String text = line.toString();
                line = new StringBuilder();
                listener.log(text);
                if (current != null) output.get(current).append(text).append('\n');
            } else {
                line.append((char) b);
            }
        }

        @Override
        public void write(byte[] b) {
            for (byte x : b) write(x & 0xff);
        }
    }
}
