package org.jsi4j.graal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.management.ExecutionEvent;
import org.graalvm.polyglot.management.ExecutionListener;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsTerminatedException.Reason;

/**
 * Uncatchable stops and statement limits for the contexts of one {@link Engine}, through a
 * polyglot {@link ExecutionListener} on statements that throws a {@link GraalStop}.
 *
 * <p>Stops: {@code Context.interrupt} alone is not enough, since a JavaScript {@code catch}
 * catches the engine's interrupt and runs a statement or two before it fires again. While a
 * context is being stopped, the listener stops it at its next statement. It is attached only while
 * a stop is pending, because an attached listener slows hot loops down about threefold.
 *
 * <p>Statement limits: on an engine made for them the listener stays attached and counts each
 * statement against the {@link Budget} of the runtime running on the thread (see {@link #enter}).
 * GraalJS's own {@code ResourceLimits} would cancel the whole context instead.
 */
final class GraalStopper {
    private final Engine engine;
    private final boolean counting;
    private final List<Context> stopping = new CopyOnWriteArrayList<>();
    /** Contexts whose entry passed its stack-depth limit: stopped at every statement until released. */
    private final List<Context> overDepth = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Budget> budgets = new ThreadLocal<>();
    private ExecutionListener listener;
    /** The frame counter of an engine for depth-limited runtimes, else null. */
    private final GraalDepth depth;

    /**
     * @param counting true for an engine whose runtimes have statement limits: the listener is
     *     attached for good
     */
    GraalStopper(Engine engine, boolean counting) {
        this(engine, counting, false);
    }

    /**
     * @param counting true for an engine whose runtimes have statement limits: the listener is
     *     attached for good
     * @param depthLimited true for an engine whose runtimes have stack-depth limits ({@link GraalDepth})
     */
    GraalStopper(Engine engine, boolean counting, boolean depthLimited) {
        this.engine = engine;
        this.counting = counting;
        this.depth = depthLimited ? new GraalDepth(engine, this) : null;
        if (counting) listener = attach();
    }

    /** The frame counter of this engine, or null when its runtimes have no stack-depth limit. */
    GraalDepth depth() {
        return depth;
    }

    /** The engine whose contexts this stops. */
    Engine engine() {
        return engine;
    }

    /** A statement budget of one runtime; counting restarts at each outermost entry. */
    static final class Budget {
        private final long limit;
        private long executed;

        Budget(long limit) {
            this.limit = limit;
        }

        void restart() {
            executed = 0;
        }

        GraalStop exceeded() {
            return new GraalStop(new JsTerminatedException(Reason.STATEMENT_LIMIT, "The script executed more than "
                    + limit + " statements (RuntimeOptions.statementLimit) and was stopped. Raise the limit"
                    + " or make the script do less. The runtime is still usable.", true));
        }
    }

    /**
     * Makes {@code budget} the one charged for statements that run on this thread; returns the
     * previous one, for {@link #leave}. Runtimes nest on a thread (a host callback of one runtime
     * may run code in another), so each entry swaps its own budget in and back out.
     */
    Budget enter(Budget budget) {
        Budget previous = budgets.get();
        budgets.set(budget);
        return previous;
    }

    /** Puts back the budget {@link #enter} returned. */
    void leave(Budget previous) {
        budgets.set(previous);
    }

    /** Stops {@code context} at its next statement, until {@link #release}. Blocks while the listener attaches. */
    void stop(Context context) {
        stopping.add(context);
        synchronized (this) {
            if (listener == null) listener = attach();
        }
    }

    /**
     * Stops the current context at its next statement, until {@link #releaseOverDepth}: its entry
     * passed its stack-depth limit, and a JavaScript {@code catch} or {@code finally} of the unwinding
     * calls must not run on.
     */
    void stopOverDepth(Context context) {
        overDepth.add(context);
        synchronized (this) {
            if (listener == null) listener = attach();
        }
    }

    /** Ends the stop of {@link #stopOverDepth}. */
    void releaseOverDepth(Context context) {
        overDepth.remove(context);
        detachIfIdle();
    }

    /** Ends a stop of {@code context}; the last one detaches the listener (unless counting). */
    void release(Context context) {
        stopping.remove(context);
        detachIfIdle();
    }

    private void detachIfIdle() {
        synchronized (this) {
            if (!counting && stopping.isEmpty() && overDepth.isEmpty() && listener != null) {
                listener.close();
                listener = null;
            }
        }
    }

    /** Whether the listener is attached now. */
    synchronized boolean listening() {
        return listener != null;
    }

    private ExecutionListener attach() {
        return ExecutionListener.newBuilder().statements(true).onEnter(this::onStatement).attach(engine);
    }

    private void onStatement(ExecutionEvent event) {
        if (counting) {
            Budget budget = budgets.get();
            if (budget != null && ++budget.executed > budget.limit) throw budget.exceeded();
        }
        if (!stopping.isEmpty() && stopping.contains(Context.getCurrent())) throw interrupted();
        if (!overDepth.isEmpty() && overDepth.contains(Context.getCurrent())) throw depth.overDepth();
    }

    private static GraalStop interrupted() {
        return new GraalStop(new JsTerminatedException(Reason.INTERRUPTED,
                "The script was interrupted. The runtime is still usable.", true));
    }
}
