package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsException;
import org.jsi4j.JsTerminatedException;

/**
 * How Java enters V8 and how V8's failures come out: every entry that may run script goes
 * through {@link #js} (the stack pointer checked against V8's limit, the error capture switched on,
 * a heap-limit hit reported even when the script finished), every other Javet call through
 * {@link #v8} (translation only). Also the termination protocol shared with {@link V8Callback}.
 */
final class V8Entry {
    /** Code that calls Javet and may throw. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws JavetException;
    }

    private final V8Runtime rt;
    private final V8Limits limits;
    private final Object terminateLock = new Object();
    /** Watchdog calls between two repetitions of a stop (100 ms). */
    private static final int RESEND_WATCHES = 10;
    /** Whether the core stopped the running entry and has not reset it yet (under {@link #terminateLock}). */
    private boolean stopRequested;
    /** Watchdog calls since the stop (under {@link #terminateLock}). */
    private int watchesSinceStop;
    private V8Errors errors;
    private V8Callback callback;
    private V8Bridge bridge;
    /** Statement and depth counts restarted at each outermost entry, or null (no such limits). */
    private V8Counting counting;

    V8Entry(V8Runtime rt, V8Limits limits) {
        this.rt = rt;
        this.limits = limits;
    }

    /** Completes the wiring (the three need this entry, or the backend, to be made). */
    void wire(V8Errors errors, V8Callback callback, V8Bridge bridge) {
        this.errors = errors;
        this.callback = callback;
        this.bridge = bridge;
    }

    void counting(V8Counting counting) {
        this.counting = counting;
    }

    /**
     * Runs an entry into JavaScript, translating what it throws; the thrown value itself is kept
     * (see {@link V8ThrowCapture}).
     */
    <T> T js(Call<T> call) {
        if (limits.tooDeepToEnter()) {
            // Java frames (a host function's, or the caller's) went below V8's stack limit: V8 would abort
            throw JsError.of(JsErrorType.RANGE_ERROR, "Maximum call stack size exceeded: the Java stack of thread '"
                    + Thread.currentThread().getName() + "' is too deep to enter V8 (its limit is "
                    + V8Platform.STACK_SIZE_KB + " KB below the top of the thread's stack)");
        }
        if (callback.inCallback() && !V8ThreadStack.available()) armHeadroomProbe();
        boolean outer = errors.enter();
        if (counting != null && !callback.inCallback()) counting.restart();
        try {
            T result = call.run();
            if (limits.hit()) {
                // the script finished before V8 stopped it, but it went past the heap limit
                JsTerminatedException hit = limits.takeHit();
                if (hit != null) throw hit;
            }
            return result;
        } catch (JavetException e) {
            throw translate(e);
        } finally {
            errors.leave(outer);
        }
    }

    /**
     * Java code inside a host callback enters V8 again where the stack pointer cannot be read
     * ({@link V8ThreadStack}): from now on every crossing of this runtime runs the bridge's
     * JavaScript headroom probe.
     */
    private void armHeadroomProbe() {
        try {
            bridge.reentered();
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    /** Runs a Javet call that runs no script, translating what it throws. */
    <T> T v8(Call<T> call) {
        try {
            return call.run();
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    /** Any Javet exception as the jsi4j exception it stands for. */
    JsException translate(JavetException e) {
        JsException translated = errors.translate(e);
        return counting == null ? translated : counting.mapped(translated);
    }

    /** A host callback starts running Java code; returns what {@link #callbackEnds} restores. */
    boolean callbackStarts() {
        return errors.enterCallback();
    }

    void callbackEnds(boolean outer) {
        errors.leave(outer);
    }

    /** The core stops the running entry (any thread); {@link #watch} repeats it until {@link #resetInterrupt}. */
    void interrupt() {
        synchronized (terminateLock) {
            stopRequested = true;
            watchesSinceStop = 0;
            if (!rt.isClosed()) rt.terminateExecution();
        }
    }

    /** The stopped entry ended (owner thread): no repetition of the stop may land after this. */
    void resetInterrupt() {
        synchronized (terminateLock) {
            stopRequested = false;
            if (!rt.isClosed()) rt.cancelTerminateExecution();
        }
    }

    /**
     * The runtime's watchdog, every {@link V8Limits#SAMPLE_NANOS} while an entry runs or is being
     * stopped: samples the memory limit, and repeats a stop the script has not ended on every
     * 100 ms. V8 keeps a termination request in per-thread interrupt state that it saves and
     * restores when its lock changes threads, so a request that lands in such a switch is lost.
     */
    void watch() {
        limits.sample();
        synchronized (terminateLock) {
            if (stopRequested && ++watchesSinceStop % RESEND_WATCHES == 0 && !rt.isClosed()) rt.terminateExecution();
        }
    }

    /** From inside a host callback: unwind the running script; the outer entry rethrows {@code e}. */
    void terminateFromCallback(JsTerminatedException e) {
        errors.terminatedBy(e);
        synchronized (terminateLock) {
            // on the owner thread, inside V8: this request cannot be lost, and nothing resets it but V8's unwinding
            if (!rt.isClosed()) rt.terminateExecution();
        }
    }

    /** Runs {@code close} while no interrupt can reach the isolate. */
    void closing(Runnable close) {
        synchronized (terminateLock) {
            close.run();
        }
    }
}
