package org.jsi4j;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
 * When the runtime closes, work still queued fails with {@link JsReleasedException}.
 */
public final class JsExecutor implements Executor {
    private static final ScheduledExecutorService TIMERS = timers();

    private final JsRuntime runtime;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

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

    /** The shared daemon scheduler behind timers and time limits. */
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
     * Runs {@code task} on the JS thread after {@code delay}; the returned handle cancels it. Until
     * it runs or is cancelled it counts as pending work for {@link JsRuntime#runEventLoop}.
     */
    public Cancellable schedule(Duration delay, Consumer<JsRuntime> task) {
        Objects.requireNonNull(task, "task");
        pending.incrementAndGet();
        Cancellable handle = new Cancellable(pending);
        handle.future = TIMERS.schedule(() -> {
            if (handle.finish()) enqueue(new Task(() -> task.accept(runtime), null));
        }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return handle;
    }

    /** How many tasks are queued or scheduled and not yet run. */
    public int pendingCount() {
        return queue.size() + pending.get();
    }

    /**
     * Counts work that will reach the queue later (an unsettled future becoming a promise);
     * the returned runnable marks it done.
     */
    Runnable holdPending() {
        pending.incrementAndGet();
        return pending::decrementAndGet;
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

    Runnable poll() {
        return queue.poll();
    }

    Runnable poll(long nanos) throws InterruptedException {
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
    }

    boolean hasPending() {
        return pending.get() > 0;
    }

    void failAll() {
        Runnable r;
        while ((r = queue.poll()) != null) ((Task) r).fail();
    }

    /** A scheduled task that can still be cancelled. */
    public static final class Cancellable {
        private final AtomicInteger pending;
        private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile ScheduledFuture<?> future;

        Cancellable(AtomicInteger pending) {
            this.pending = pending;
        }

        private boolean finish() {
            if (!done.compareAndSet(false, true)) return false;
            pending.decrementAndGet();
            return true;
        }

        /** Cancels the task if it has not started; returns whether it was cancelled. */
        public boolean cancel() {
            if (!finish()) return false;
            ScheduledFuture<?> f = future;
            if (f != null) f.cancel(false);
            return true;
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
