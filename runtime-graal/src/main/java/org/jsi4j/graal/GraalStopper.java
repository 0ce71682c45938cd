package org.jsi4j.graal;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.management.ExecutionEvent;
import org.graalvm.polyglot.management.ExecutionListener;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsTerminatedException.Reason;

/**
 * Uncatchable stops and statement limits for the contexts of one {@link Engine}.
 *
 * <p>Stops: {@link GraalStopInstrument} throws a {@link GraalStop} at every safepoint and function
 * entry of the stopped context until the stop is released. It attaches nothing when a stop
 * starts, so stopping never waits for a lock the script holds.
 *
 * <p>Statement limits: on an engine made for them a polyglot {@link ExecutionListener} on
 * statements stays attached for good (attached only there: it slows hot loops down about
 * threefold) and counts each statement against the {@link Budget} of the runtime running on the
 * thread (see {@link #enter}). GraalJS's own {@code ResourceLimits} would cancel the whole context
 * instead. It is never attached or closed while scripts run: changing instrumentation makes
 * every function update its probes under its root node's lock, which a script overflowing its
 * stack can leave locked forever (see {@link GraalStopInstrument}).
 */
final class GraalStopper {
    private final Engine engine;
    private final GraalStopInstrument.Stops stops;
    private final ThreadLocal<Budget> budgets = new ThreadLocal<>();
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
        this.stops = GraalStopInstrument.Stops.of(engine);
        this.depth = depthLimited ? new GraalDepth(engine, this) : null;
        if (counting) ExecutionListener.newBuilder().statements(true).onEnter(this::onStatement).attach(engine);
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

    /** The engine-side handle of {@code context} (of this engine), for {@link #stop}. */
    Object handleOf(Context context) {
        return stops.handleOf(context);
    }

    /**
     * Stops the context of {@code handle} with {@code stop} at its next safepoint or call, and at
     * every one after, until the returned release runs. Never blocks.
     */
    Runnable stop(Object handle, GraalStop stop) {
        return stops.stop(handle, stop);
    }

    /**
     * Stops the context entered on this thread (inside guest code) like {@link #stop}: its entry
     * passed its stack-depth limit, and the unwinding calls must not run on.
     */
    Runnable stopCurrent(GraalStop stop) {
        return stop(stops.current(), stop);
    }

    private void onStatement(ExecutionEvent event) {
        Budget budget = budgets.get();
        if (budget != null && ++budget.executed > budget.limit) throw budget.exceeded();
    }

}
