package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsException;
import org.jsi4j.JsTerminatedException;

/**
 * How Java enters V8 and how V8's failures come out: every entry that may run script goes
 * through {@link #js} (the error capture switched on, a nested entry checked against V8's stack
 * limit, a heap-limit hit reported even when the script finished), every other Javet call through
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
    private V8Errors errors;
    private V8Callback callback;
    private V8Bridge bridge;

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

    /**
     * Runs an entry into JavaScript, translating what it throws; the thrown value itself is kept
     * (see {@link V8ThrowCapture}).
     */
    <T> T js(Call<T> call) {
        if (callback.inCallback()) nestedEntry();
        boolean outer = errors.enter();
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
     * Before Java code inside a host callback enters V8 again. Where the thread's stack pointer
     * can be read ({@link V8ThreadStack}), an entry too close to V8's stack limit (V8 would abort
     * the process) fails with a RangeError here; elsewhere the bridge's JavaScript headroom probe
     * is armed for every later crossing of this runtime.
     */
    private void nestedEntry() {
        if (limits.tooDeepToReenter()) {
            throw JsError.of(JsErrorType.RANGE_ERROR, "Maximum call stack size exceeded (a host function called"
                    + " back into JavaScript too close to V8's stack limit)");
        }
        if (!V8ThreadStack.available()) {
            try {
                bridge.reentered();
            } catch (JavetException e) {
                throw translate(e);
            }
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
        return errors.translate(e);
    }

    /** A host callback starts running Java code; returns what {@link #callbackEnds} restores. */
    boolean callbackStarts() {
        return errors.enterCallback();
    }

    void callbackEnds(boolean outer) {
        errors.leave(outer);
    }

    void interrupt() {
        synchronized (terminateLock) {
            if (!rt.isClosed()) rt.terminateExecution();
        }
    }

    void resetInterrupt() {
        synchronized (terminateLock) {
            if (!rt.isClosed()) rt.cancelTerminateExecution();
        }
    }

    /** From inside a host callback: unwind the running script; the outer entry rethrows {@code e}. */
    void terminateFromCallback(JsTerminatedException e) {
        errors.terminatedBy(e);
        interrupt();
    }

    /** Runs {@code close} while no interrupt can reach the isolate. */
    void closing(Runnable close) {
        synchronized (terminateLock) {
            close.run();
        }
    }
}
