package org.jsi4j.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jsi4j.JsException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.RuntimeOptions;

/**
 * A bounded pool of ready runtimes of one engine, for servers that run many short pieces of work:
 * <pre>{@code
 * try (JsRuntimePool pool = JsRuntimePool.builder(factory).size(4)
 *         .options(RuntimeOptions.fromSnapshot(blob).externals(externals))   // warm start
 *         .afterUse(AfterUse.DISCARD).build()) {
 *     double v = pool.execute(rt -> rt.evaluate("render(1)", "req.js").asNumber());
 * }
 * }</pre>
 *
 * <p><b>Why threads.</b> A {@link JsRuntime} belongs to the thread that made it. So the pool is
 * {@code size} JS threads, each owning one runtime at a time; {@link #submit} hands work to an
 * idle one, and the caller gets the result through a future. Work must not leak handles out of
 * its function: everything it returns should be plain Java (or primitive {@code JsValue}s).
 *
 * <p><b>After use.</b> {@link AfterUse#KEEP} reuses a runtime as it is (fastest; state a piece of
 * work leaves behind is seen by the next). {@link AfterUse#DISCARD} closes it and makes the
 * next one at once, on the pool's thread, after the caller has its result: every piece of work
 * starts from the same state (the options' snapshot, if any), and the cost of making a runtime is
 * off the caller's path whenever the pool is not saturated. Either way a runtime is discarded
 * when its work closed it, when a termination left it unusable, or after
 * {@link Builder#maxUses(int)} uses.
 *
 * <p>Thread-safe. {@link #stats()} tells idle, busy, created and evicted runtimes.
 */
public final class JsRuntimePool implements AutoCloseable {
    /** What happens to a runtime after a piece of work. */
    public enum AfterUse {
        /** Keep it for the next piece of work, as the work left it. */
        KEEP,
        /** Close it and make a fresh one for the next piece of work. */
        DISCARD
    }

    private final JsRuntimeFactory factory;
    private final RuntimeOptions options;
    private final AfterUse afterUse;
    private final int maxUses;
    private final String name;
    private final LinkedBlockingQueue<Job<?>> jobs;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicInteger idle = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failedCreations = new AtomicLong();
    private volatile boolean closed;

    private JsRuntimePool(Builder b) {
        this.factory = b.factory;
        this.options = b.options;
        this.afterUse = b.afterUse;
        this.maxUses = b.maxUses;
        this.name = b.name;
        this.jobs = new LinkedBlockingQueue<>(b.maxWaiting);
        for (int i = 0; i < b.size; i++) {
            Thread t = new Thread(this::work, name + "-" + i);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
    }

    /** A builder for a pool of {@code factory}'s runtimes. */
    public static Builder builder(JsRuntimeFactory factory) {
        return new Builder(factory);
    }

    /**
     * Runs {@code work} on a pooled runtime and returns a future of its result.
     *
     * @throws RejectedExecutionException when the pool is closed or {@link Builder#maxWaiting} pieces
     *     of work already wait
     */
    public <T> CompletableFuture<T> submit(Function<JsRuntime, T> work) {
        Objects.requireNonNull(work, "work");
        if (closed) throw new RejectedExecutionException("The runtime pool '" + name + "' is closed");
        Job<T> job = new Job<>(work, new CompletableFuture<>());
        if (!jobs.offer(job)) {
            throw new RejectedExecutionException("The runtime pool '" + name + "' has " + jobs.size()
                    + " pieces of work waiting, its limit; raise Builder.maxWaiting or size, or retry later");
        }
        if (closed && jobs.remove(job)) job.fail(new RejectedExecutionException("The runtime pool '" + name + "' is closed"));
        return job.result;
    }

    /**
     * Runs {@code work} on a pooled runtime and waits for its result.
     *
     * @throws JsException what the work threw when it is a jsi4j exception (a script error, a
     *     termination), unchanged
     * @throws IllegalStateException when {@code timeout} passed first (the work still runs; stop
     *     runaway scripts with {@link RuntimeOptions#timeLimit()}) or the wait was interrupted
     * @throws RuntimeException any other exception the work threw, unchanged
     */
    public <T> T execute(Duration timeout, Function<JsRuntime, T> work) {
        CompletableFuture<T> f = submit(work);
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("No result from the runtime pool '" + name + "' within " + timeout.toMillis()
                    + " ms; the work goes on. Give the runtimes a RuntimeOptions.timeLimit to stop runaway scripts", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the runtime pool '" + name + "'", e);
        }
    }

    /** {@link #execute(Duration, Function)} waiting at most a minute. */
    public <T> T execute(Function<JsRuntime, T> work) {
        return execute(Duration.ofMinutes(1), work);
    }

    /** The pool's counters now. */
    public PoolStats stats() {
        return new PoolStats(workers.size(), idle.get(), busy.get(), jobs.size(), created.get(), evicted.get(),
                completed.get(), failedCreations.get());
    }

    /**
     * Stops taking work, fails the work still waiting with {@link RejectedExecutionException}, lets
     * running work finish (interrupting it after {@code grace}), and closes every runtime.
     */
    public void close(Duration grace) {
        closed = true;
        List<Job<?>> left = new ArrayList<>();
        jobs.drainTo(left);
        for (Job<?> j : left) j.fail(new RejectedExecutionException("The runtime pool '" + name + "' closed before this work ran"));
        for (Thread t : workers) t.interrupt();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@link #close(Duration)} with five seconds of grace. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private void work() {
        JsRuntime rt = null;
        int uses = 0;
        try {
            while (!closed) {
                if (rt == null) {
                    rt = fresh();
                    uses = 0;
                    if (rt == null) continue;
                }
                idle.incrementAndGet();
                Job<?> job;
                try {
                    job = jobs.take();
                } catch (InterruptedException e) {
                    Thread.interrupted();
                    continue; // closed is checked at the top
                } finally {
                    idle.decrementAndGet();
                }
                busy.incrementAndGet();
                Outcome outcome = job.run(rt);
                busy.decrementAndGet();
                completed.incrementAndGet();
                boolean keep = outcome.runtimeUsable() && afterUse == AfterUse.KEEP && ++uses < maxUses && !rt.isClosed();
                job.settle(outcome); // after the counters, so that a caller who has the result sees them
                if (!keep) {
                    dispose(rt);
                    rt = null;
                }
            }
        } finally {
            if (rt != null) dispose(rt);
        }
    }

    private JsRuntime fresh() {
        try {
            JsRuntime rt = factory.create(options);
            created.incrementAndGet();
            return rt;
        } catch (RuntimeException e) {
            // a broken snapshot or options: fail the next piece of work with the reason, do not spin
            failedCreations.incrementAndGet();
            Job<?> job = jobs.poll();
            if (job != null) job.fail(e);
            else sleepQuietly();
            return null;
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispose(JsRuntime rt) {
        evicted.incrementAndGet();
        try {
            rt.close();
        } catch (RuntimeException ignored) {
            // a host object's release hook failed; the runtime is closed regardless
        }
    }

    /** What a piece of work ended with: its value or its exception, and whether its runtime may be used again. */
    private record Outcome(Object value, Throwable failure, boolean runtimeUsable) {
    }

    /** One piece of work and its future. */
    private record Job<T>(Function<JsRuntime, T> work, CompletableFuture<T> result) {
        Outcome run(JsRuntime rt) {
            try {
                return new Outcome(work.apply(rt), null, true);
            } catch (JsTerminatedException e) {
                return new Outcome(null, e, e.runtimeUsable());
            } catch (Throwable t) {
                return new Outcome(null, t, t instanceof RuntimeException);
            }
        }

        @SuppressWarnings("unchecked")
        void settle(Outcome o) {
            if (o.failure() == null) result.complete((T) o.value());
            else result.completeExceptionally(o.failure());
        }

        void fail(Throwable t) {
            result.completeExceptionally(t);
        }
    }

    /** Configures a {@link JsRuntimePool}. */
    public static final class Builder {
        private final JsRuntimeFactory factory;
        private RuntimeOptions options = RuntimeOptions.defaults();
        private AfterUse afterUse = AfterUse.KEEP;
        private int size = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int maxUses = Integer.MAX_VALUE;
        private int maxWaiting = 10_000;
        private String name = "jsi4j-pool";

        private Builder(JsRuntimeFactory factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
        }

        /** The options every runtime is made with, e.g. {@link RuntimeOptions#fromSnapshot} for a warm start. */
        public Builder options(RuntimeOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** What happens to a runtime after each piece of work (default {@link AfterUse#KEEP}). */
        public Builder afterUse(AfterUse afterUse) {
            this.afterUse = Objects.requireNonNull(afterUse, "afterUse");
            return this;
        }

        /** How many runtimes (and JS threads) the pool holds (default: the number of cores). */
        public Builder size(int size) {
            if (size < 1) throw new IllegalArgumentException("a pool needs at least one runtime, size was " + size);
            this.size = size;
            return this;
        }

        /** With {@link AfterUse#KEEP}: discard a runtime after this many pieces of work. */
        public Builder maxUses(int maxUses) {
            if (maxUses < 1) throw new IllegalArgumentException("maxUses must be >= 1, was " + maxUses);
            this.maxUses = maxUses;
            return this;
        }

        /** How many pieces of work may wait for a runtime before {@link #submit} refuses more (default 10,000). */
        public Builder maxWaiting(int maxWaiting) {
            if (maxWaiting < 1) throw new IllegalArgumentException("maxWaiting must be >= 1, was " + maxWaiting);
            this.maxWaiting = maxWaiting;
            return this;
        }

        /** The prefix of the pool's thread names (default {@code jsi4j-pool}). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Starts the pool's threads; each makes its runtime at once, so the pool is warm when work arrives. */
        public JsRuntimePool build() {
            return new JsRuntimePool(this);
        }
    }
}
