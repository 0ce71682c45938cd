package org.jsi4j.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One worker JVM of a {@link WorkerPool} with its lanes, seen from the parent, on one thread of
 * the parent: keeps up to two requests per lane in flight (so that no lane waits for the parent
 * between tests), takes the answers in the order they come, and starts a new JVM when one dies or
 * is killed. A request's hard limit runs from when a lane says it started it. When the JVM dies,
 * the tasks that had started on it become suspects (re-run alone, on whichever JVM takes them
 * first), those that had not go back to the queue; a suspect that kills the JVM while it is the
 * only task in flight is the crash. Not thread-safe: one thread serves it.
 */
final class WorkerJvm {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** Deaths in a row of a JVM that started no task before the run gives up. */
    private static final int MAX_DEATHS_WITHOUT_A_TASK = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> engines;
    private final int lanes;
    private final Duration timeLimit;
    private final Duration hard;
    private final Path test262Root;
    private final List<String> jvmFlags;
    /** The requests in flight by number, in the order they were sent. */
    private final Map<Long, InFlight> inFlight = new LinkedHashMap<>();
    private WorkerProcess child;
    /** The suspect in flight alone, or {@code null}. */
    private InFlight alone;
    private long nextSeq;
    private int deathsWithoutATask;

    private static final class InFlight {
        final WorkerPool.Task task;
        final long sent = System.nanoTime();
        long started = -1;

        InFlight(WorkerPool.Task task) {
            this.task = task;
        }

        long since() {
            return started >= 0 ? started : sent;
        }
    }

    WorkerJvm(List<String> engines, int lanes, Duration timeLimit, Path test262Root, List<String> jvmFlags) {
        this.engines = engines;
        this.lanes = lanes;
        this.timeLimit = timeLimit;
        this.hard = timeLimit.multipliedBy(2).plus(GRACE);
        this.test262Root = test262Root;
        this.jvmFlags = jvmFlags;
    }

    /** Runs tasks of {@code work} until none is left to take and none is in flight here. */
    void serve(WorkerPool.Work work) throws InterruptedException {
        try {
            while (true) {
                fill(work);
                if (inFlight.isEmpty()) {
                    if (work.queue().isEmpty() && work.suspects().isEmpty()) return;
                    continue;
                }
                handle(work, child.await(untilFirstDeadline()));
            }
        } finally {
            if (child != null) child.close();
        }
    }

    /**
     * Sends what this JVM may take: a suspect alone when nothing is in flight; nothing more while a
     * suspect runs alone or waits for a JVM to drain; else tasks up to two per lane.
     */
    private void fill(WorkerPool.Work work) throws InterruptedException {
        if (inFlight.isEmpty()) {
            WorkerPool.Task suspect = work.suspects().pollFirst();
            if (suspect != null) {
                alone = send(suspect);
                return;
            }
        }
        if (alone != null || !work.suspects().isEmpty()) return;
        WorkerPool.Task next;
        while (inFlight.size() < 2 * lanes && (next = work.queue().pollFirst()) != null) send(next);
    }

    private InFlight send(WorkerPool.Task task) throws InterruptedException {
        if (child == null) child = startWorker();
        long seq = nextSeq++;
        InFlight f = new InFlight(task);
        inFlight.put(seq, f);
        child.send(WorkerMain.line(new WorkerMain.Request(seq, task.engine(), task.test().id(), task.test().path().toString(),
                task.test().test262(), timeLimit.toMillis())));
        return f;
    }

    /**
     * How long until the first hard limit of a started task; when none has started (all lanes are
     * free, so one should start at once), of the first task sent.
     */
    private Duration untilFirstDeadline() {
        return Duration.ofNanos(Math.max(1_000_000, first().since() + hard.toNanos() - System.nanoTime()));
    }

    /** The task in flight whose hard limit comes first. */
    private InFlight first() {
        InFlight first = null;
        boolean anyStarted = inFlight.values().stream().anyMatch(f -> f.started >= 0);
        for (InFlight f : inFlight.values()) {
            if (anyStarted && f.started < 0) continue;
            if (first == null || f.since() < first.since()) first = f;
        }
        return first;
    }

    private void handle(WorkerPool.Work work, WorkerProcess.Answer answer) throws InterruptedException {
        switch (answer) {
            case WorkerProcess.Answer.Reply reply -> reply(work, reply.line());
            case WorkerProcess.Answer.Died died -> died(work, died.what());
            case WorkerProcess.Answer.Silent silent -> silent(work);
        }
    }

    private void reply(WorkerPool.Work work, String line) {
        WorkerMain.Reply reply;
        try {
            reply = JSON.readValue(line, WorkerMain.Reply.class);
        } catch (IOException e) {
            // not an answer (no test prints the protocol prefix, as its output is captured): the hard limit still holds
            return;
        }
        InFlight f = inFlight.get(reply.seq());
        if (f == null) return;
        if (reply.result() == null) {
            f.started = System.nanoTime();
            deathsWithoutATask = 0;
            return;
        }
        inFlight.remove(reply.seq());
        if (f == alone) alone = null;
        work.done(f.task, reply.result());
    }

    /**
     * The JVM died: a suspect alone is the crash; else the tasks that started become suspects, the
     * others go back to the front of the queue.
     */
    private void died(WorkerPool.Work work, String what) throws InterruptedException {
        dropChild();
        if (alone != null) {
            InFlight f = alone;
            inFlight.clear();
            alone = null;
            work.done(f.task, new TestResult(f.task.test().id(), f.task.engine(), Verdict.CRASH, "crash",
                    "the worker JVM died: " + what, millis(f)));
            return;
        }
        List<InFlight> was = new ArrayList<>(inFlight.values());
        inFlight.clear();
        boolean anyStarted = false;
        for (int i = was.size() - 1; i >= 0; i--) {
            InFlight f = was.get(i);
            if (f.started >= 0) {
                anyStarted = true;
                work.suspects().addLast(f.task);
            } else {
                work.queue().offerFirst(f.task);
            }
        }
        if (!anyStarted && ++deathsWithoutATask >= MAX_DEATHS_WITHOUT_A_TASK) {
            throw new IllegalStateException("the worker JVM died " + deathsWithoutATask + " times before it started a test: " + what);
        }
    }

    /**
     * The task whose hard limit passed is a timeout (the JVM was killed); the others in flight go
     * back to the front of the queue, as they were.
     */
    private void silent(WorkerPool.Work work) throws InterruptedException {
        dropChild();
        InFlight late = first();
        List<InFlight> was = new ArrayList<>(inFlight.values());
        inFlight.clear();
        alone = null;
        for (int i = was.size() - 1; i >= 0; i--) {
            if (was.get(i) != late) work.queue().offerFirst(was.get(i).task);
        }
        work.done(late.task, new TestResult(late.task.test().id(), late.task.engine(), Verdict.TIMEOUT, "timeout",
                "no answer within " + hard.toSeconds() + " s: the worker JVM was killed", millis(late)));
    }

    private static double millis(InFlight f) {
        return (System.nanoTime() - f.since()) / 1e6;
    }

    private void dropChild() {
        child.close();
        child = null;
    }

    private WorkerProcess startWorker() throws InterruptedException {
        List<String> flags = new ArrayList<>(List.of(heapFlag(lanes), "-XX:+UseSerialGC", "-XX:-CreateCoredumpOnCrash",
                "-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/jsi-compare-hs_err_pid%p.log",
                "-Dpolyglot.engine.WarnInterpreterOnly=false"));
        if (!Boolean.getBoolean(WorkerPool.FULL_JIT_PROPERTY)) flags.add("-XX:TieredStopAtLevel=1");
        flags.addAll(jvmFlags);
        List<String> command = WorkerProcess.javaCommand(flags, WorkerMain.class.getName(),
                List.of(WorkerMain.enginesArgument(engines), test262Root == null ? "-" : test262Root.toString(), String.valueOf(lanes)));
        try {
            return WorkerProcess.start(command, WorkerMain.PREFIX, START);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a worker JVM: " + e.getMessage(), e);
        }
    }

    /** The heap of a worker with {@code lanes} lanes: 1 GB for one, 256 MB more for each other lane. */
    static String heapFlag(int lanes) {
        return "-Xmx" + (768 + 256 * lanes) + "m";
    }
}
