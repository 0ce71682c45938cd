package org.jsi4j.v8;

import com.caoccao.javet.enums.V8ValueErrorType;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.spi.RuntimeServices;

/**
 * The protocol every call from JavaScript into Java follows (host functions and host-object
 * traps alike): a nesting guard, the error capture switched to callback mode, the core's
 * {@link RuntimeServices#hostCall} (scope for the handles made inside, Java exceptions turned
 * into JavaScript ones) and a termination raised inside unwinding the whole script.
 */
final class V8Callback {
    /** Host calls that may nest; V8 needs about 5 KB of its stack per level. */
    static final int MAX_NESTING = 48;

    /** Java code run for one callback; Javet's failures become jsi4j exceptions through {@link #translate}. */
    @FunctionalInterface
    interface Body {
        V8Value run() throws JavetException;
    }

    private final V8Runtime rt;
    private final RuntimeServices services;
    private final V8Entry entry;
    private int nesting;

    V8Callback(V8Runtime rt, RuntimeServices services, V8Entry entry) {
        this.rt = rt;
        this.services = services;
        this.entry = entry;
    }

    /** Whether Java code is running inside a host callback (so an entry into V8 is a nested one). */
    boolean inCallback() {
        return nesting > 0;
    }

    /** Runs {@code body} as a host callback and returns what V8 gets back. */
    V8Value run(Body body) {
        if (nesting >= MAX_NESTING) {
            // V8 aborts the process when it finds its stack exhausted while re-entered from a callback.
            rt.throwError(V8ValueErrorType.RangeError,
                    "Maximum call stack size exceeded (more than " + MAX_NESTING + " nested calls between JavaScript and Java)");
            return rt.createV8ValueUndefined();
        }
        nesting++;
        boolean outer = entry.callbackStarts();
        try {
            return (V8Value) services.hostCall(() -> {
                try {
                    return body.run();
                } catch (JavetException e) {
                    throw entry.translate(e);
                }
            });
        } catch (JsTerminatedException e) {
            // A nested entry was stopped: unwind the whole script, uncatchably, and rethrow it outside.
            entry.terminateFromCallback(e);
            return rt.createV8ValueUndefined();
        } catch (RuntimeException e) {
            // Raising the callback's exception failed itself: building the error object is an entry
            // into JavaScript, refused when the callback started too close to V8's stack limit. V8
            // makes this one natively, running no script.
            boolean range = e instanceof JsError j && j.hostType().orElse(null) == JsErrorType.RANGE_ERROR;
            rt.throwError(range ? V8ValueErrorType.RangeError : V8ValueErrorType.Error,
                    e instanceof JsError j ? j.jsMessage() : String.valueOf(e.getMessage()));
            return rt.createV8ValueUndefined();
        } finally {
            entry.callbackEnds(outer);
            nesting--;
        }
    }
}
