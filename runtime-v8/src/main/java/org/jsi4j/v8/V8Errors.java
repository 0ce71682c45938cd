package org.jsi4j.v8;

import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetCompilationException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.exceptions.JavetScriptingError;
import com.caoccao.javet.exceptions.JavetTerminatedException;
import com.caoccao.javet.interfaces.IJavetEntityError;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueError;
import com.caoccao.javet.values.reference.V8ValueReference;
import java.util.Objects;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsException;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.SourceLocation;
import org.jsi4j.spi.RuntimeServices;

/**
 * Turns Javet's exceptions into jsi4j's. Javet reports a script's exception as a Java copy
 * (name, message, stack, own enumerable properties) and drops the thrown value itself, so:
 * <ul>
 *   <li>a value that a host callback raised and nothing replaced comes back as itself (it is
 *       remembered at {@link #raised}); this keeps the Java cause of a host exception;</li>
 *   <li>primitives come back exactly;</li>
 *   <li>any other thrown object comes back as the best reconstruction: an error of the same
 *       type with the same message, stack and own enumerable properties, or a plain object or
 *       array with the same data. Its {@code name}, {@code message}, stack and location are exact;
 *       its identity and class (for a subclass of {@code Error}) are not.</li>
 * </ul>
 */
final class V8Errors {
    private final V8Runtime rt;
    private final RuntimeServices services;
    private final V8Backend backend;
    private V8Value lastRaised;
    private JsTerminatedException pendingTermination;

    V8Errors(V8Runtime rt, RuntimeServices services, V8Backend backend) {
        this.rt = rt;
        this.services = services;
        this.backend = backend;
    }

    /** Remembers the value a host callback is about to throw into the script. */
    void raised(V8Value value) throws JavetException {
        forgetRaised();
        lastRaised = value instanceof V8ValueReference r ? r.toClone() : value;
    }

    /** Remembers a termination to rethrow when the script has unwound. */
    void terminatedBy(JsTerminatedException e) {
        pendingTermination = e;
    }

    JsException translate(JavetException e) {
        try {
            if (rt.isClosed()) {
                return new JsReleasedException("The V8 runtime is closed: " + e.getMessage());
            }
            if (e instanceof JavetTerminatedException) return terminated();
            if (e instanceof JavetCompilationException c) return syntax(c.getScriptingError());
            if (e instanceof BaseJavetScriptingException s) return thrown(s.getScriptingError());
            return new JsEngineException("V8 failed: " + e.getMessage(), e);
        } catch (JavetException again) {
            return new JsEngineException("V8 failed while reporting an exception (" + e.getMessage() + "): "
                    + again.getMessage(), again);
        } finally {
            forgetRaisedQuietly();
        }
    }

    private JsTerminatedException terminated() {
        JsTerminatedException pending = pendingTermination;
        pendingTermination = null;
        if (pending != null) return pending;
        if (backend.takeMemoryLimitHit()) {
            return new JsTerminatedException(JsTerminatedException.Reason.MEMORY_LIMIT,
                    "The script was stopped because the V8 heap reached its limit of " + (backend.heapLimit() >> 20)
                            + " MB. Raise RuntimeOptions.maxHeapBytes or make the script keep less alive."
                            + " The runtime is still usable.", true);
        }
        return new JsTerminatedException(JsTerminatedException.Reason.INTERRUPTED,
                "The script was terminated. The runtime is still usable.", true);
    }

    private static JsSyntaxError syntax(JavetScriptingError error) {
        return new JsSyntaxError(error.getMessage(), location(error));
    }

    private JsException thrown(JavetScriptingError error) throws JavetException {
        Object context = error.getContext();
        String stack = error.getStack();
        String message;
        String name = null;
        if (context instanceof IJavetEntityError entity) {
            message = Objects.requireNonNullElse(entity.getMessage(), "");
            name = nameOf(entity.getDetailedMessage(), message);
        } else {
            message = error.getMessage();
            if (message != null && message.startsWith("Uncaught ")) message = message.substring(9);
            stack = null;
        }
        JsValue value = valueOf(context, stack);
        return services.error(value, name, message, stack, location(error));
    }

    /** The error's {@code name}, from its {@code toString()} ({@code name + ": " + message}). */
    private static String nameOf(String detailed, String message) {
        if (detailed == null) return "Error";
        if (!message.isEmpty() && detailed.endsWith(": " + message)) {
            return detailed.substring(0, detailed.length() - message.length() - 2);
        }
        return message.isEmpty() ? detailed : "Error";
    }

    private JsValue valueOf(Object context, String stack) throws JavetException {
        if (lastRaised instanceof V8ValueError raised && stack != null && stack.equals(raised.getString("stack"))) {
            V8Value same = lastRaised;
            lastRaised = null;
            return backend.toJs(same);
        }
        if (context instanceof IJavetEntityError entity) {
            String type = entity.getType() == null ? "Error" : entity.getType().name();
            try (V8Value props = rt.toV8Value(entity.getContext())) {
                return backend.toJs(backend.bridge().helpers().invoke("error", rt.createV8ValueString(type),
                        rt.createV8ValueString(Objects.requireNonNullElse(entity.getMessage(), "")),
                        stack == null ? rt.createV8ValueUndefined() : rt.createV8ValueString(stack), props));
            }
        }
        if (context instanceof java.util.Map<?, ?>
                || context instanceof java.util.List<?>) {
            return backend.toJs(rt.toV8Value(context));
        }
        if (lastRaised != null && !(lastRaised instanceof V8ValueReference)) {
            JsValue primitive = backend.toJs(lastRaised);
            if (sameValue(primitive, context)) return primitive;
        }
        return backend.toJs(rt.toV8Value(context));
    }

    private static boolean sameValue(JsValue value, Object context) {
        return switch (value) {
            case org.jsi4j.JsString s -> s.value().equals(context);
            case org.jsi4j.JsNumber n -> context instanceof Number c && c.doubleValue() == n.value();
            default -> false;
        };
    }

    private static SourceLocation location(JavetScriptingError error) {
        int column = error.getStartColumn();
        return new SourceLocation(error.getResourceName(), Math.max(0, error.getLineNumber()),
                column < 0 ? 0 : column + 1);
    }

    private void forgetRaised() throws JavetException {
        if (lastRaised != null) {
            V8Value v = lastRaised;
            lastRaised = null;
            v.close();
        }
    }

    private void forgetRaisedQuietly() {
        try {
            forgetRaised();
        } catch (JavetException ignored) {
            // the runtime is going away; nothing to release
        }
    }

    void close() throws JavetException {
        forgetRaised();
    }
}
