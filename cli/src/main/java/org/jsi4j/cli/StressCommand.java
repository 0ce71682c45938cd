package org.jsi4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsi4j.JsEngines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jsi stress}: N threads create, use, interrupt and close runtimes and submit executor work
 * at random for a while, then report rates, outstanding futures, leaked handles and RSS over time.
 * Exit 0 when nothing went wrong; 1 on an unexpected exception (a raw engine or JDK type, a wrong
 * kind), a hung future or a leaked handle; 2 for bad usage.
 */
@Command(name = "stress", mixinStandardHelpOptions = true,
        header = "Stress-tests the engines from many threads and reports throughput, hung futures, leaks and RSS.",
        description = {"Stress-tests the engines: THREADS threads each create a runtime of a random engine, run random work on it"
                + " (scripts with host calls, handles and references, an interrupt from another thread, executor tasks submitted"
                + " from other threads, a script error), check it left no handle, and close it - sometimes while tasks are still"
                + " being submitted - until DURATION has passed. Prints runtimes/s, host calls/s, hung futures, leaked handles and"
                + " the RSS (VmRSS from /proc/self/status) sampled over time.",
                "Exit 0 when clean; 1 on an unexpected exception, a hung future or a leaked handle; 2 on bad usage."
                + " A JVM crash ends the process with the JVM's own exit code.",
                "Example: jsi stress --threads 16 --duration 60s"})
final class StressCommand implements Callable<Integer> {
    /** How long futures may take to settle after the run before they count as hung. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--engine"}, paramLabel = "ID", split = ",",
            description = "Engines to stress (repeat or comma-separate). Default: every engine found.")
    List<String> engines = new ArrayList<>();

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "4", description = "Threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to run: 500ms, 5s, 2m (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--sample", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "How often to sample and print progress (default ${DEFAULT-VALUE}).")
    Duration sample;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random choices (default: random).")
    Long seed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> chosen = engines.isEmpty() ? JsEngines.ids() : List.copyOf(engines);
        if (threads < 1) return usage(err, "--threads must be at least 1, was " + threads);
        try {
            for (String id : chosen) JsEngines.factory(id);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return usage(err, e.getMessage());
        }
        if (chosen.isEmpty()) return usage(err, "no JavaScript engine on the class path");
        long baseSeed = seed != null ? seed : System.nanoTime();
        out.printf(Locale.ROOT, "stress: %d threads on %s for %s (seed %d)%n", threads, String.join(", ", chosen),
                human(duration), baseSeed);
        out.flush();

        StressTally tally = new StressTally();
        StressSampler sampler = new StressSampler();
        ScheduledExecutorService interrupter = Executors.newSingleThreadScheduledExecutor(daemon("stress-interrupter"));
        ExecutorService submitters = Executors.newFixedThreadPool(2, daemon("stress-submitter"));
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        List<StressWorker> bodies = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            StressWorker body = new StressWorker(chosen, deadline, tally, baseSeed + i, interrupter, submitters);
            bodies.add(body);
            Thread t = new Thread(body, "stress-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        sampler.sample(0, tally);
        while (workers.stream().anyMatch(Thread::isAlive)) {
            long waitNanos = Math.max(1, Math.min(sample.toNanos(), deadline + SETTLE.toNanos() - System.nanoTime()));
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(waitNanos) + 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            StressSampler.Sample s = sampler.sample(seconds, tally);
            out.printf(Locale.ROOT, "  %6.1fs  runtimes %8d  host calls %11d  outstanding futures %5d  rss %s%n", seconds,
                    s.runtimes(), s.hostCalls(), s.outstanding(), mb(s.rssKb()));
            out.flush();
            if (System.nanoTime() > deadline + SETTLE.toNanos()) break;
        }
        int stuckThreads = 0;
        for (int i = 0; i < workers.size(); i++) {
            Thread t = workers.get(i);
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline + SETTLE.toNanos() - System.nanoTime())));
            if (t.isAlive()) {
                stuckThreads++;
                tally.unexpected.decrement();
                tally.unexpected(t.getName() + " still running (" + bodies.get(i).doing() + ") at " + java.util.Arrays.stream(t.getStackTrace()).limit(10)
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining(" < ")), null);
            }
        }
        submitters.shutdown();
        submitters.awaitTermination(SETTLE.toSeconds(), TimeUnit.SECONDS);
        long settleEnd = System.nanoTime() + SETTLE.toNanos();
        while (tally.outstanding.get() > 0 && System.nanoTime() < settleEnd) Thread.sleep(20);
        interrupter.shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        return report(out, tally, sampler.samples(), Math.min(seconds, duration.toNanos() / 1e9), stuckThreads);
    }

    private int report(PrintWriter out, StressTally tally, List<StressSampler.Sample> samples, double seconds, int stuckThreads) {
        int hung = tally.outstanding.get();
        long leaked = tally.leakedHandles.sum();
        long unexpected = tally.unexpected.sum();
        out.printf(Locale.ROOT, "runtimes        %10d  %10.1f/s%n", tally.runtimes.sum(), tally.runtimes.sum() / seconds);
        out.printf(Locale.ROOT, "host calls      %10d  %10.1f/s%n", tally.hostCalls.sum(), tally.hostCalls.sum() / seconds);
        out.printf(Locale.ROOT, "evaluations     %10d%n", tally.evaluations.sum());
        out.printf(Locale.ROOT, "handles made    %10d%n", tally.handles.sum());
        out.printf(Locale.ROOT, "interrupts      %10d%n", tally.interrupts.sum());
        out.printf(Locale.ROOT, "tasks run       %10d%n", tally.tasks.sum());
        out.printf(Locale.ROOT, "script errors   %10d%n", tally.scriptErrors.sum());
        out.printf(Locale.ROOT, "live handles    %10d  (left in runtimes just before close)%n", leaked);
        out.printf(Locale.ROOT, "hung futures    %10d  (not settled %d s after the run)%n", hung, SETTLE.toSeconds());
        out.printf(Locale.ROOT, "stuck threads   %10d%n", stuckThreads);
        out.printf(Locale.ROOT, "unexpected      %10d%n", unexpected);
        out.printf(Locale.ROOT, "rss             %s%n", rssSummary(samples));
        for (String f : tally.failures()) out.println("  unexpected: " + f);
        boolean failed = hung > 0 || leaked > 0 || unexpected > 0 || stuckThreads > 0;
        out.println(failed ? "FAILED: " + reasons(hung, leaked, unexpected, stuckThreads) : "OK");
        out.flush();
        return failed ? 1 : 0;
    }

    /** RSS first, after 10 s, max and last, so a reader sees whether it stays flat after warm-up. */
    static String rssSummary(List<StressSampler.Sample> samples) {
        if (samples.isEmpty() || samples.get(0).rssKb() < 0) return "unavailable (no /proc/self/status)";
        StressSampler.Sample first = samples.get(0);
        StressSampler.Sample last = samples.get(samples.size() - 1);
        StressSampler.Sample warm = samples.stream().filter(s -> s.seconds() >= 10).findFirst().orElse(null);
        long max = samples.stream().mapToLong(StressSampler.Sample::rssKb).max().orElse(-1);
        return "start " + mb(first.rssKb()) + (warm == null ? "" : ", at 10 s " + mb(warm.rssKb())) + ", max " + mb(max)
                + ", end " + mb(last.rssKb()) + (warm == null ? ""
                : String.format(Locale.ROOT, " (%+.1f%% after 10 s)", 100.0 * (last.rssKb() - warm.rssKb()) / warm.rssKb()));
    }

    private static String reasons(int hung, long leaked, long unexpected, int stuck) {
        List<String> r = new ArrayList<>();
        if (hung > 0) r.add(hung + " hung future(s)");
        if (leaked > 0) r.add(leaked + " leaked handle(s)");
        if (unexpected > 0) r.add(unexpected + " unexpected exception(s)");
        if (stuck > 0) r.add(stuck + " thread(s) still running");
        return String.join(", ", r);
    }

    private static String mb(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private int usage(PrintWriter err, String message) {
        err.println("jsi: " + message);
        err.flush();
        return 2;
    }
}
