package org.jsi4j.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs tests on engines in a pool of {@link WorkerMain} JVMs, like test262-harness's workers:
 * each of {@code workers} threads owns one worker JVM and takes (test, engine) tasks from a shared
 * queue. When a worker dies (an engine crash), that task is reported as {@link Verdict#CRASH}, and
 * when it gives no answer within the hard limit (the time limit per scenario, twice, plus a grace)
 * as {@link Verdict#TIMEOUT}; either way a new worker takes over and the run goes on.
 */
public final class WorkerPool {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Requests a worker has at a time: the one it runs and the next, so that it never waits for the
     * parent between tests; a worker that dies costs only the first, the other goes back to the queue.
     */
    private static final int IN_FLIGHT = 2;
    /**
     * Worker JVMs compile Java with C1 only ({@code -XX:TieredStopAtLevel=1}): a worker runs each
     * engine's Java code (and GraalJS's compiler, itself Java) for minutes, not hours, and C2 spent
     * more CPU compiling than the tests ran (docs/compare.md, "Speed"). This system property set to
     * {@code true} gives workers the full tiered JIT.
     */
    public static final String FULL_JIT_PROPERTY = "jsi.compare.fullJit";

    private final List<String> engines;
    private final int workers;
    private final Duration timeLimit;
    private final Path test262Root;
    private final List<String> jvmFlags;

    /**
     * A pool for {@code engines}, with {@code workers} worker JVMs (at least 1), each runtime entry
     * limited to {@code timeLimit}; {@code test262Root} is the checkout of test262 tests ({@code null}
     * if none); {@code jvmFlags} go to each worker JVM.
     */
    public WorkerPool(List<String> engines, int workers, Duration timeLimit, Path test262Root, List<String> jvmFlags) {
        if (engines.isEmpty()) throw new IllegalArgumentException("no engine to run the tests on");
        this.engines = List.copyOf(engines);
        this.workers = Math.max(1, workers);
        this.timeLimit = timeLimit;
        this.test262Root = test262Root;
        this.jvmFlags = List.copyOf(jvmFlags);
    }

    private record Task(int index, TestCase test, String engine) {
    }

    /**
     * Runs every test on every engine; {@code listener} sees each result as it comes (from the
     * pool's threads, one at a time). The results come back ordered by test, then engine.
     *
     * @throws IllegalStateException when a worker JVM cannot be started at all
     */
    public List<TestResult> run(List<TestCase> tests, Consumer<TestResult> listener) throws InterruptedException {
        ConcurrentLinkedDeque<Task> queue = new ConcurrentLinkedDeque<>();
        int i = 0;
        for (TestCase t : tests) for (String e : engines) queue.add(new Task(i++, t, e));
        Map<Integer, TestResult> results = new ConcurrentHashMap<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        int n = Math.min(workers, Math.max(1, queue.size()));
        for (int w = 0; w < n; w++) {
            Thread t = new Thread(() -> {
                try {
                    serve(queue, results, listener);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    queue.clear();
                } catch (InterruptedException e) {
                    queue.clear();
                }
            }, "jsi-compare-worker-" + w);
            t.start();
            threads.add(t);
        }
        try {
            for (Thread t : threads) t.join();
        } catch (InterruptedException e) {
            queue.clear();
            for (Thread t : threads) t.interrupt();
            throw e;
        }
        if (failure.get() != null) throw failure.get();
        List<Map.Entry<Integer, TestResult>> sorted = new ArrayList<>(results.entrySet());
        sorted.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        return sorted.stream().map(Map.Entry::getValue).toList();
    }

    private void serve(ConcurrentLinkedDeque<Task> queue, Map<Integer, TestResult> results, Consumer<TestResult> listener)
            throws InterruptedException {
        WorkerProcess child = null;
        Deque<Task> sent = new ArrayDeque<>();
        try {
            while (true) {
                Task next;
                while (sent.size() < IN_FLIGHT && (next = queue.pollFirst()) != null) {
                    if (child == null) child = startWorker();
                    child.send(request(next));
                    sent.addLast(next);
                }
                Task task = sent.pollFirst();
                if (task == null) break;
                TestResult r = answer(child, task);
                if (r.verdict() == Verdict.CRASH || (r.verdict() == Verdict.TIMEOUT && !child.alive())) {
                    child.close();
                    child = null;
                    // the tasks sent after it never ran: they go back to the front of the queue for a fresh worker
                    while (!sent.isEmpty()) queue.offerFirst(sent.pollLast());
                }
                results.put(task.index(), r);
                synchronized (listener) {
                    listener.accept(r);
                }
            }
        } finally {
            if (child != null) child.close();
        }
    }

    private WorkerProcess startWorker() throws InterruptedException {
        List<String> flags = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:-CreateCoredumpOnCrash",
                "-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/jsi-compare-hs_err_pid%p.log",
                "-Dpolyglot.engine.WarnInterpreterOnly=false"));
        if (!Boolean.getBoolean(FULL_JIT_PROPERTY)) flags.add("-XX:TieredStopAtLevel=1");
        flags.addAll(jvmFlags);
        List<String> command = WorkerProcess.javaCommand(flags, WorkerMain.class.getName(),
                List.of(WorkerMain.enginesArgument(engines), test262Root == null ? "-" : test262Root.toString()));
        try {
            return WorkerProcess.start(command, WorkerMain.PREFIX, START);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a worker JVM: " + e.getMessage(), e);
        }
    }

    private String request(Task task) {
        try {
            return JSON.writeValueAsString(new WorkerMain.Request(task.engine(), task.test().id(),
                    task.test().path().toString(), task.test().test262(), timeLimit.toMillis()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestResult answer(WorkerProcess child, Task task) throws InterruptedException {
        Duration hard = timeLimit.multipliedBy(2).plus(GRACE);
        long start = System.nanoTime();
        WorkerProcess.Answer answer = child.await(hard);
        double millis = (System.nanoTime() - start) / 1e6;
        String id = task.test().id();
        return switch (answer) {
            case WorkerProcess.Answer.Reply reply -> read(reply.line(), task, millis);
            case WorkerProcess.Answer.Died died -> new TestResult(id, task.engine(), Verdict.CRASH, "crash",
                    "the worker JVM died: " + died.what(), millis);
            case WorkerProcess.Answer.Silent silent -> new TestResult(id, task.engine(), Verdict.TIMEOUT, "timeout",
                    "no answer within " + silent.waited().toSeconds() + " s: the worker JVM was killed", millis);
        };
    }

    private static TestResult read(String line, Task task, double millis) {
        try {
            return JSON.readValue(line, TestResult.class);
        } catch (IOException e) {
            return new TestResult(task.test().id(), task.engine(), Verdict.CRASH, "crash", "unreadable answer from the worker: "
                    + (line.length() > 200 ? line.substring(0, 200) : line), millis);
        }
    }
}
