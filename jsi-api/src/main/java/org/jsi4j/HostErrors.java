package org.jsi4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.spi.EngineBackend;
import org.jsi4j.spi.ObjectKind;

/**
 * The host-error bookkeeping of one {@link JsRuntime}: the helper that makes JavaScript errors
 * for Java exceptions thrown by host callbacks, the Java causes of the latest such errors (by an
 * id stored on the error), and the pre-made stack overflow error.
 */
final class HostErrors {
    static final String HOST_ERROR_KEY = "__jsi4jHostError";
    private static final String STACK_OVERFLOW = "Maximum call stack size exceeded";
    private static final int HOST_ERRORS_KEPT = 256;

    private final JsRuntime runtime;
    private final Map<Integer, Throwable> hostErrors = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Throwable> eldest) {
            return size() > HOST_ERRORS_KEPT;
        }
    };
    private int nextHostErrorId;
    private Object errorFactory;
    private Object stackOverflow;

    HostErrors(JsRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Compiles the helper that makes errors for host exceptions before any host callback can run:
     * made lazily during a callback, it could be compiled near a stack overflow and fail there.
     */
    void ensureErrorFactory() {
        if (errorFactory == null) {
            // the constructors are captured now, so a script that later replaces a global Error
            // type never runs inside the conversion of a host exception
            errorFactory = runtime.internalFunction("(function (g) { var E = g.Error, define = Object.defineProperty,"
                    + " C = {Error: E, TypeError: g.TypeError, RangeError: g.RangeError, ReferenceError: g.ReferenceError,"
                    + " SyntaxError: g.SyntaxError};"
                    + " return function (c, m, id) {"
                    + " if (c === null) { try { return m instanceof E; } catch (x) { return false; } }"
                    + " var e = new (C[c] || E)(m);"
                    + " if (id >= 0) define(e, '" + HOST_ERROR_KEY + "', {value: id}); return e; }; })(this)");
            EngineBackend backend = runtime.engineBackend();
            stackOverflow = runtime.inInternalScope(() -> {
                JsObject error = backend.call(errorFactory, JsValue.undefined(), List.of(JsValue.of("RangeError"),
                        JsValue.of(STACK_OVERFLOW), JsValue.of(-1))).asObject();
                return backend.duplicate(runtime.handleOf(error));
            });
        }
    }

    /** Releases the helper and the stack overflow error (an engine image must not hold them). */
    void release() {
        EngineBackend backend = runtime.engineBackend();
        if (errorFactory != null) backend.release(errorFactory);
        if (stackOverflow != null) backend.release(stackOverflow);
        errorFactory = null;
        stackOverflow = null;
    }

    /**
     * Raises the runtime's one {@code RangeError} for a stack overflow in a host callback. It is
     * made in advance because making an error where the stack has just run out fails on some
     * engines; every such overflow in a runtime throws the same object.
     */
    Object raiseStackOverflow() {
        return runtime.engineBackend().raise(runtime.newHandle(ObjectKind.OBJECT, stackOverflow));
    }

    JsObject newError(JsErrorType type, String message, Throwable cause) {
        ensureErrorFactory();
        int id = -1;
        if (cause != null) {
            id = nextHostErrorId++;
            hostErrors.put(id, cause);
        }
        return runtime.engineBackend().call(errorFactory, JsValue.undefined(),
                List.of(JsValue.of(type.constructorName()), JsValue.of(message), JsValue.of(id))).asObject();
    }

    /**
     * Whether {@code o} is an {@code Error} by the engine's own {@code Error} (captured before any
     * script ran, not today's global {@code Error}, which a script may have replaced). A proxy trap
     * that throws counts as "not an error".
     */
    boolean isError(JsObject o) {
        ensureErrorFactory();
        return runtime.engineBackend().call(errorFactory, JsValue.undefined(), List.of(JsValue.nullValue(), o))
                instanceof JsBoolean b && b.value();
    }

    static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** What a host callback's exception {@code t} throws in JavaScript. */
    JsValue toJsException(Throwable t) {
        if (t instanceof JsError e) {
            if (e.isHostMade()) return newError(e.hostType().orElseThrow(), e.jsMessage(), e.getCause());
            JsValue value = e.value();
            if (!(value instanceof JsObject o) || (o.runtime == runtime && !o.released)) return value;
            return newError(JsErrorType.ERROR, e.jsMessage(), e);
        }
        return newError(JsErrorType.ERROR, messageOf(t), t);
    }

    /**
     * The Java cause of the error {@code o} when a host callback's exception made it, else null.
     *
     * @throws JsException when a proxy or getter refuses the lookup
     */
    Throwable causeOf(JsObject o) {
        if (!hostErrors.isEmpty()) {
            JsValue id = runtime.engineBackend().get(o.handle, JsValue.of(HOST_ERROR_KEY));
            if (id instanceof JsNumber n) return hostErrors.get((int) n.value());
        }
        return null;
    }
}
