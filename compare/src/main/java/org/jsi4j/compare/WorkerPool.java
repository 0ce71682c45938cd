package org.jsi4j.compare;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs tests on engines in a pool of {@link WorkerMain} JVMs, like test262-harness's workers:
 * {@code workers} <em>lanes</em> (test threads) in all, in one worker JVM per
 * {@link #LANES_PER_JVM} lanes unless told how many JVMs, so that the lanes of a JVM share its
 * engines' compiled code and its JIT's work. One thread of this JVM serves each worker JVM
 * ({@link WorkerJvm}), taking (test, engine) tasks from a shared queue. When a worker dies (an
 * engine crash), the tasks that ran on it go back to the queue as suspects, and each suspect is
 * run again alone on a JVM: the one that kills a JVM alone is reported as {@link Verdict#CRASH}.
 * A task with no answer within the hard limit (the time limit per scenario, twice, plus a grace)
 * is reported as {@link Verdict#TIMEOUT} and its JVM killed, the other tasks on it re-queued.
 * Either way a new worker takes over and the run goes on.
 */
public final class WorkerPool {
    /**
     * Lanes one worker JVM gets at most when the number of JVMs is not given: more lanes share more
     * warm-up but put more tasks at stake in a crash (they are re-run) and on one heap.
     */
    public static final int LANES_PER_JVM = 8;
    /**
     * Worker JVMs compile Java with C1 only ({@code -XX:TieredStopAtLevel=1}): a worker runs each
     * engine's Java code (and GraalJS's compiler, itself Java) for minutes, not hours, and C2 spent
     * more CPU compiling than the tests ran (docs/compare.md, "Speed"). This system property set to
     * {@code true} gives workers the full tiered JIT.
     */
    public static final String FULL_JIT_PROPERTY = "jsi.compare.fullJit";

    private final List<String> engines;
    private final int lanes;
    private final int jvms;
    private final Duration timeLimit;
    private final Path test262Root;
    private final List<String> jvmFlags;

    /**
     * A pool for {@code engines} with {@code workers} lanes (at least 1) in one JVM per
     * {@link #LANES_PER_JVM}, each runtime entry limited to {@code timeLimit}; {@code test262Root}
     * is the checkout of test262 tests ({@code null} if none); {@code jvmFlags} go to each worker JVM.
     */
    public WorkerPool(List<String> engines, int workers, Duration timeLimit, Path test262Root, List<String> jvmFlags) {
        this(engines, workers, 0, timeLimit, test262Root, jvmFlags);
    }

    /**
     * Like {@link #WorkerPool(List, int, Duration, Path, List)} with the {@code workers} lanes spread
     * over {@code jvms} worker JVMs (at most {@code workers}; 0: one per {@link #LANES_PER_JVM}).
     */
    public WorkerPool(List<String> engines, int workers, int jvms, Duration timeLimit, Path test262Root, List<String> jvmFlags) {
        if (engines.isEmpty()) throw new IllegalArgumentException("no engine to run the tests on");
        if (jvms < 0) throw new IllegalArgumentException("the number of worker JVMs must not be negative: " + jvms);
        this.engines = List.copyOf(engines);
        this.lanes = Math.max(1, workers);
        this.jvms = jvms == 0 ? (lanes + LANES_PER_JVM - 1) / LANES_PER_JVM : Math.min(jvms, lanes);
        this.timeLimit = timeLimit;
        this.test262Root = test262Root;
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    /** One test on one engine; {@code index} orders the results. */
    record Task(int index, TestCase test, String engine) {
    }

    /**
     * What the worker JVMs share: the tasks to run, the suspects to run alone, the results, who
     * sees them.
     */
    record Work(ConcurrentLinkedDeque<Task> queue, ConcurrentLinkedDeque<Task> suspects, Map<Integer, TestResult> results,
                Consumer<TestResult> listener) {
        void done(Task task, TestResult result) {
            results.put(task.index(), result);
            synchronized (listener) {
                listener.accept(result);
            }
        }

        void stop() {
            queue.clear();
            suspects.clear();
        }
    }

    /**
     * Runs every test on every engine; {@code listener} sees each result as it comes (from the
     * pool's threads, one at a time). The results come back ordered by test, then engine.
     *
     * @throws IllegalStateException when a worker JVM cannot be started at all
     */
    public List<TestResult> run(List<TestCase> tests, Consumer<TestResult> listener) throws InterruptedException {
        Work work = new Work(new ConcurrentLinkedDeque<>(), new ConcurrentLinkedDeque<>(), new ConcurrentHashMap<>(), listener);
        int i = 0;
        for (TestCase t : tests) for (String e : engines) work.queue().add(new Task(i++, t, e));
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        int n = Math.min(jvms, Math.max(1, work.queue().size()));
        for (int w = 0; w < n; w++) {
            int lanesHere = lanes / jvms + (w < lanes % jvms ? 1 : 0);
            WorkerJvm jvm = new WorkerJvm(engines, lanesHere, timeLimit, test262Root, jvmFlags);
            Thread t = new Thread(() -> {
                try {
                    jvm.serve(work);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    work.stop();
                } catch (InterruptedException e) {
                    work.stop();
                }
            }, "jsi-compare-worker-" + w);
            t.start();
            threads.add(t);
        }
        try {
            for (Thread t : threads) t.join();
        } catch (InterruptedException e) {
            work.stop();
            for (Thread t : threads) t.interrupt();
            throw e;
        }
        if (failure.get() != null) throw failure.get();
        List<Map.Entry<Integer, TestResult>> sorted = new ArrayList<>(work.results().entrySet());
        sorted.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        return sorted.stream().map(Map.Entry::getValue).toList();
    }

    /** The number of worker JVMs the lanes are spread over. */
    public int jvms() {
        return jvms;
    }
}
