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
            // Everything the helper uses is captured now, at the runtime's first entry, before any script
            // runs, so that a script that later replaces or poisons a global (Error, Promise, Object.defineProperty,
            // Function.prototype.call, Error[Symbol.hasInstance]) never runs inside the core's helpers.
            // c === null: is m an Error (by the original Error)? c === undefined: a promise and its
            // resolving functions; c === false: error m gets the stack id; else: an error of type c with message m (and host error id).
            errorFactory = runtime.internalFunction("(function (g) { var E = g.Error, P = g.Promise,"
                    + " define = Object.defineProperty, R = typeof Reflect === 'object' ? Reflect : null,"
                    + " has = typeof Symbol === 'function' && Symbol.hasInstance ? Function.prototype[Symbol.hasInstance] : null,"
                    + " C = {Error: E, TypeError: g.TypeError, RangeError: g.RangeError, ReferenceError: g.ReferenceError,"
                    + " SyntaxError: g.SyntaxError, EvalError: g.EvalError, URIError: g.URIError};"
                    + " return function (c, m, id) {"
                    + " if (c === null) { try { return has && R ? R.apply(has, E, [m]) : m instanceof E; } catch (x) { return false; } }"
                    + " if (c === undefined) { var ok, fail, p = new P(function (a, b) { ok = a; fail = b; }); return [p, ok, fail]; }"
                    + " if (c === false) { define(m, 'stack', {value: id, writable: true, enumerable: false, configurable: true}); return m; }"
                    + " var e = new (C[c] || E)(m);"
                    + " define(e, 'message', {value: m, writable: true, enumerable: false, configurable: true});"
                    + " if (id >= 0) define(e, '" + HOST_ERROR_KEY + "', {value: id}); return e; }; })(this)");
            runtime.intrinsics().capture();
        }
    }

    /**
     * Makes the runtime's one stack-overflow {@code RangeError} in advance, when the first host
     * function or host object is made: made where the stack has just run out, it could fail.
     */
    void ensureStackOverflow() {
        ensureErrorFactory();
        if (stackOverflow == null) {
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
        if (stackOverflow == null) ensureStackOverflow(); // an external bound before any host function
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

    /** The message of {@code t}, or its class name when it has none or its {@code getMessage()} throws. */
    static String messageOf(Throwable t) {
        String m;
        try {
            m = t.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            m = null;
        }
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** A new promise and its resolve and reject functions, made by the engine's own {@code Promise}. */
    JsArray promiseCapability() {
        ensureErrorFactory();
        return runtime.engineBackend().call(errorFactory, JsValue.undefined(), List.of(JsValue.undefined())).asArray();
    }

    /**
     * What a host callback's exception {@code t} throws in JavaScript; an error made for it shows
     * {@code hostFunction} (when not null) as the innermost frame of its stack.
     */
    JsValue toJsException(Throwable t, String hostFunction) {
        if (t instanceof JsError e) {
            if (e.isHostMade()) return withHostFrame(newError(e.hostType().orElseThrow(), e.jsMessage(), e.getCause()), hostFunction);
            JsValue value = e.value();
            if (!(value instanceof JsObject o) || (o.runtime == runtime && !o.released)) return value;
            return withHostFrame(newError(JsErrorType.ERROR, e.jsMessage(), e), hostFunction);
        }
        // a script a host function evaluated did not parse: the calling script sees a real SyntaxError
        if (t instanceof JsSyntaxError e) return withHostFrame(newError(JsErrorType.SYNTAX_ERROR, e.getMessage(), e), hostFunction);
        return withHostFrame(newError(JsErrorType.ERROR, messageOf(t), t), hostFunction);
    }

    /**
     * Adds the frame {@code at NAME (host function)} to the stack of {@code error}, just made in a
     * host call, before its first frame outside jsi4j's own scripts: where V8 shows the host
     * function's wrapper. For engines whose stacks show no frame for a host function.
     */
    private JsObject withHostFrame(JsObject error, String hostFunction) {
        if (hostFunction == null || hostFunction.isEmpty()) return error; // V8 shows no frame for a nameless one either
        try {
            if (runtime.engineBackend().get(error.handle, JsValue.of("stack")) instanceof JsString s) {
                runtime.engineBackend().call(errorFactory, JsValue.undefined(),
                        List.of(JsBoolean.FALSE, error, JsValue.of(withHostFrame(s.value(), hostFunction))));
            }
        } catch (JsError | StackOverflowError noStackLeft) {
            // near a stack overflow: the error goes without the frame rather than not at all
        }
        return error;
    }

    /** {@code stack} with the line {@code at NAME (host function)} before its first frame outside jsi4j's scripts. */
    private static String withHostFrame(String stack, String hostFunction) {
        int at = 0;
        String indent = null;
        for (int end; at < stack.length(); at = end + 1) {
            end = stack.indexOf('\n', at);
            if (end < 0) end = stack.length();
            String line = stack.substring(at, end);
            String frame = line.stripLeading();
            if (!frame.startsWith("at ")) continue;
            if (indent == null) indent = line.substring(0, line.length() - frame.length());
            if (!frame.startsWith("at " + JsStackTraces.INTERNAL) && !frame.contains("(" + JsStackTraces.INTERNAL)) break;
        }
        String frame = (indent == null ? "    " : indent) + new JsStackFrame(hostFunction, null, 0, 0, true);
        return at >= stack.length()
                ? stack + (stack.isEmpty() || stack.endsWith("\n") ? "" : "\n") + frame
                : stack.substring(0, at) + frame + "\n" + stack.substring(at);
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
