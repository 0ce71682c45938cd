package org.jsi4j;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jsi4j.spi.EngineBackend;
import org.jsi4j.spi.RejectedPromise;

/**
 * The unhandled-rejection reporting of one {@link JsRuntime}: asks the backend, after each outermost
 * entry, for the promises still rejected without a handler and tells the listener. Made when the
 * first listener is set; until then no engine tracks anything.
 */
final class Rejections {
    private final JsRuntime runtime;
    private final EngineBackend backend;
    private UnhandledRejectionListener listener;
    private Object thrower;
    private boolean reporting;

    Rejections(JsRuntime runtime, EngineBackend backend, UnhandledRejectionListener listener) {
        this.runtime = runtime;
        this.backend = backend;
        this.listener = Objects.requireNonNull(listener, "listener");
        backend.trackRejections();
    }

    void listener(UnhandledRejectionListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Reports what the backend recorded; a listener's exception comes out of here. */
    void report() {
        if (reporting) return; // the listener itself used the runtime
        reporting = true;
        try {
            runtime.inInternalScope(() -> {
                List<RejectedPromise> rejected = backend.takeRejections();
                for (RejectedPromise r : rejected) {
                    listener.onUnhandledRejection(runtime, new UnhandledRejection(r.reason(),
                            Optional.ofNullable(r.promise()), asError(r.reason())));
                }
                return null;
            });
        } finally {
            reporting = false;
        }
    }

    /** The reason as the engine would describe it thrown: name, message, stack. */
    private JsError asError(JsValue reason) {
        if (thrower == null) thrower = runtime.internalFunction("(function (e) { throw e; })");
        try {
            backend.call(thrower, JsValue.undefined(), List.of(reason));
        } catch (JsError e) {
            return e;
        } catch (JsException e) {
            // the engine refused to throw it again (stopped, out of stack): describe it plainly
        }
        return new JsError(reason, null, String.valueOf(reason), null, null, null);
    }

    void release() {
        if (thrower != null) backend.release(thrower);
        thrower = null;
    }
}
