package org.jsi4j;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The way into a runtime from other threads: the runtime's JS thread, in the sense of a task
 * runner. Work submitted from any thread is queued and runs on the runtime's owner thread when
 * it pumps the queue ({@link JsRuntime#runPendingTasks()} or {@link JsRuntime#runEventLoop}).
 * <pre>{@code
 * CompletableFuture<Double> f = rt.executor().submit(r -> r.evaluate("6 * 7", "x.js").asNumber());
 * }</pre>
 * Scheduled tasks ({@link #schedule}) run in the order they fall due, and those due at the same
 * moment in the order they were scheduled. What keeps {@link JsRuntime#runEventLoop} waiting is
 * <em>referenced</em> work: scheduled tasks not {@linkplain Cancellable#unref() unreferenced},
 * promises of unsettled Java futures ({@link JsRuntime#promise}) and open {@linkplain #hold() holds}.
 * When the runtime closes, work still queued fails with {@link JsReleasedException}.
 */
public final class JsExecutor implements Executor {
    private static final ScheduledExecutorService TIMERS = timers();
    /** Wakes a waiting event loop; runs nothing. */
    private static final Runnable WAKE = () -> { };

    private final JsRuntime runtime;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final TimerQueue timers = new TimerQueue();

    JsExecutor(JsRuntime runtime) {
        this.runtime = runtime;
    }

    private static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jsi4j-timers");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    /** The shared daemon scheduler behind time limits. */
    static ScheduledExecutorService scheduler() {
        return TIMERS;
    }

    /**
     * Runs {@code task} on the JS thread and completes the future with its result (or its
     * exception). Callable from any thread.
     */
    public <T> CompletableFuture<T> submit(Function<JsRuntime, T> task) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> future = new CompletableFuture<>();
        enqueue(new Task(() -> {
            try {
                future.complete(task.apply(runtime));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, future));
        return future;
    }

    /**
     * Runs {@code task} on the JS thread. An exception it throws comes out of the call that
     * pumps the queue. Callable from any thread.
     */
    @Override
    public void execute(Runnable task) {
        enqueue(new Task(Objects.requireNonNull(task, "task"), null));
    }

    /**
     * Runs {@code task} on the JS thread once {@code delay} has passed, after the tasks scheduled
     * earlier for the same moment or before; the returned handle cancels or unreferences it. Until
     * it runs or is cancelled it counts as pending work for {@link JsRuntime#runEventLoop}, unless
     * unreferenced. Callable from any thread.
     */
    public Cancellable schedule(Duration delay, Consumer<JsRuntime> task) {
        Objects.requireNonNull(task, "task");
        long due = System.nanoTime() + Math.max(0, Math.min(delay.toNanos(), Long.MAX_VALUE / 4));
        Cancellable handle = new Cancellable(this, task, due);
        pending.incrementAndGet();
        timers.add(handle);
        if (Thread.currentThread() != runtime.owner()) queue.add(WAKE); // a loop waiting for a later timer re-plans
        return handle;
    }

    /**
     * Keeps {@link JsRuntime#runEventLoop} running until the returned hold is closed: for work that
     * another thread will hand to this executor later (a reply still on its way, a host callback
     * in progress). Callable from any thread; closing more than once does nothing.
     */
    public Hold hold() {
        pending.incrementAndGet();
        return new Hold(this);
    }

    /** How many tasks are queued, scheduled (referenced or not) or held, and not yet run. */
    public int pendingCount() {
        int wakes = 0;
        for (Runnable r : queue) if (r == WAKE) wakes++;
        return queue.size() - wakes + pending.get() + timers.unreferenced();
    }

    /**
     * Counts work that will reach the queue later (an unsettled future becoming a promise);
     * the returned runnable marks it done.
     */
    Runnable holdPending() {
        return hold()::close;
    }

    private void release() {
        pending.decrementAndGet();
        if (Thread.currentThread() != runtime.owner()) queue.add(WAKE);
    }

    private void enqueue(Task task) {
        if (runtime.isClosed()) {
            task.fail();
            return;
        }
        queue.add(task);
        // close() marks the runtime closed, then drains the queue: a task added after that drain
        // must fail here, exactly once (whoever removes it from the queue fails it)
        if (runtime.isClosed() && queue.remove(task)) task.fail();
    }

    /** The next queued task, or a scheduled one that is due; null when there is none now. */
    Runnable poll() {
        return pollAt(System.nanoTime());
    }

    /**
     * The next queued task, or a scheduled one due at {@code now}; null when there is none. A pass
     * that keeps {@code now} fixed ends even when tasks schedule more (an interval falls due again
     * only later).
     */
    Runnable pollAt(long now) {
        Runnable r;
        while ((r = queue.poll()) == WAKE) {
            // nothing to run: it only woke a waiting loop
        }
        if (r != null) return r;
        Cancellable due = timers.pollDue(now);
        return due == null ? null : due.runnable();
    }

    /** Waits up to {@code nanos} (less when a scheduled task falls due sooner) for a task; null when none came. */
    Runnable poll(long nanos) throws InterruptedException {
        Runnable r = poll();
        if (r != null) return r;
        long untilTimer = timers.nanosUntilNext(System.nanoTime());
        r = queue.poll(Math.min(nanos, untilTimer), TimeUnit.NANOSECONDS);
        if (r == WAKE || r == null) return poll();
        return r;
    }

    /** Whether referenced work is scheduled or held. */
    boolean hasPending() {
        return pending.get() > 0;
    }

    void failAll() {
        Runnable r;
        while ((r = queue.poll()) != null) {
            if (r instanceof Task t) t.fail();
        }
        timers.clear();
    }

    /** A handle that keeps the event loop running until closed; see {@link #hold()}. */
    public static final class Hold implements AutoCloseable {
        private final JsExecutor executor;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        private Hold(JsExecutor executor) {
            this.executor = executor;
        }

        /** Lets the event loop finish (once nothing else keeps it). Idempotent, any thread. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) executor.release();
        }
    }

    /** A scheduled task that can still be cancelled, and unreferenced so that it does not keep the loop alive. */
    public static final class Cancellable implements Comparable<Cancellable> {
        private static final AtomicInteger SEQUENCE = new AtomicInteger();

        private final JsExecutor executor;
        private final Consumer<JsRuntime> task;
        private final long due;
        private final int sequence = SEQUENCE.getAndIncrement();
        private boolean done;
        private boolean referenced = true;

        private Cancellable(JsExecutor executor, Consumer<JsRuntime> task, long due) {
            this.executor = executor;
            this.task = task;
            this.due = due;
        }

        /** Cancels the task if it has not started; returns whether it was cancelled. Any thread. */
        public boolean cancel() {
            synchronized (executor.timers) {
                if (done) return false;
                done = true;
                executor.timers.remove(this);
                if (referenced) executor.pending.decrementAndGet();
            }
            return true;
        }

        /** Stops this task from keeping {@link JsRuntime#runEventLoop} running; it still runs when due if the loop does. */
        public Cancellable unref() {
            synchronized (executor.timers) {
                if (!done && referenced) {
                    referenced = false;
                    executor.timers.unreferenced++;
                    executor.release();
                }
            }
            return this;
        }

        /** Makes this task keep the event loop running again (the default). */
        public Cancellable ref() {
            synchronized (executor.timers) {
                if (!done && !referenced) {
                    referenced = true;
                    executor.timers.unreferenced--;
                    executor.pending.incrementAndGet();
                }
            }
            return this;
        }

        /** Whether this task keeps the event loop running (true until run, cancelled or unreferenced). */
        public boolean hasRef() {
            synchronized (executor.timers) {
                return !done && referenced;
            }
        }

        /** The body, to run on the owner thread. */
        private Runnable runnable() {
            return () -> task.accept(executor.runtime);
        }

        private void finish() {
            done = true;
            if (referenced) executor.pending.decrementAndGet();
            else executor.timers.unreferenced--;
        }

        @Override
        public int compareTo(Cancellable o) {
            int byDue = Long.compare(due - o.due, 0);
            return byDue != 0 ? byDue : Integer.compare(sequence, o.sequence);
        }
    }

    /** The scheduled tasks of one executor, earliest due first, then in scheduling order. */
    private static final class TimerQueue {
        private final java.util.PriorityQueue<Cancellable> heap = new java.util.PriorityQueue<>();
        private int unreferenced;

        synchronized void add(Cancellable c) {
            heap.add(c);
        }

        synchronized void remove(Cancellable c) {
            if (!c.referenced) unreferenced--;
            heap.remove(c);
        }

        synchronized Cancellable pollDue(long now) {
            Cancellable first = heap.peek();
            if (first == null || first.due - now > 0) return null;
            heap.poll();
            first.finish();
            return first;
        }

        synchronized long nanosUntilNext(long now) {
            Cancellable first = heap.peek();
            return first == null ? Long.MAX_VALUE : Math.max(0, first.due - now);
        }

        synchronized int unreferenced() {
            return unreferenced;
        }

        /** Drops every task, releasing what each kept referenced. */
        synchronized void clear() {
            for (Cancellable c : heap) {
                if (!c.done) c.finish();
            }
            heap.clear();
        }
    }

    private record Task(Runnable body, CompletableFuture<?> future) implements Runnable {
        @Override
        public void run() {
            body.run();
        }

        void fail() {
            if (future != null) {
                future.completeExceptionally(new JsReleasedException("the runtime closed before this task ran"));
            }
        }
    }
}
