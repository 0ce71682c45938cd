package org.jsi4j.v8;

import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetCompilationException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.exceptions.JavetScriptingError;
import com.caoccao.javet.exceptions.JavetTerminatedException;
import com.caoccao.javet.interfaces.IJavetEntityError;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.primitive.V8ValueUndefined;
import com.caoccao.javet.values.reference.V8ValueError;
import com.caoccao.javet.values.reference.V8ValueReference;
import java.util.Objects;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.SourceLocation;
import org.jsi4j.spi.RuntimeServices;

/**
 * Turns Javet's exceptions into jsi4j's, running no script code unguarded. Javet would report a
 * script's exception as a Java copy (name, message, stack, own enumerable properties), made by
 * calling getters, {@code toString} and Proxy traps inside native exception handling (which
 * aborted V8 or crashed the JVM when one of them threw), and drops the thrown value itself.
 * {@link V8ThrowCapture} stops that copy for thrown objects and keeps the value; {@link V8ThrownValue}
 * reads it safely. So:
 * <ul>
 *   <li>a thrown object, array, function or symbol comes back as itself: {@link V8ThrowCapture}
 *       keeps its handle before Javet closes it. Its name, message and stack are read from it as
 *       GraalJS's backend does ({@code e instanceof Error}: its {@code name}/{@code message}/{@code stack};
 *       otherwise {@code String(e)});</li>
 *   <li>a thrown string, number, boolean or bigint comes back exactly: Javet reports it as the Java
 *       value of the V8 primitive, never as text. {@code null} and {@code undefined} are the one
 *       exception: Javet reports both as Java {@code null}, so a thrown {@code undefined} comes back as
 *       {@code null} unless a host callback raised it;</li>
 *   <li>a value a host callback raised and nothing replaced is remembered at {@link #raised}, which
 *       settles null versus undefined and, when the capture is unavailable, an error's identity;</li>
 *   <li>when the capture is unavailable (a Javet version without the expected internals), any other
 *       thrown object comes back as the best reconstruction: an error of the same type with the same
 *       message, stack and own enumerable properties, or a plain object or array with the same data.</li>
 * </ul>
 */
final class V8Errors {
    private final V8Runtime rt;
    private final RuntimeServices services;
    private final V8Backend backend;
    private final V8ThrowCapture capture;
    private V8Value lastRaised;
    private JsTerminatedException pendingTermination;
    /** Whether the core is looking at a thrown error (a getter it meets may throw again). */
    private boolean describing;

    V8Errors(V8Runtime rt, RuntimeServices services, V8Backend backend) {
        this.rt = rt;
        this.services = services;
        this.backend = backend;
        this.capture = V8ThrowCapture.install(rt);
    }

    /** Whether thrown objects come back as themselves (see {@link V8ThrowCapture}). */
    boolean capturesThrownObjects() {
        return capture.installed();
    }

    /** Java starts running JavaScript; returns what {@link #leave} restores. */
    boolean enter() {
        return capture.enter();
    }

    /** A host callback starts; returns what {@link #leave} restores. */
    boolean enterCallback() {
        return capture.enterCallback();
    }

    void leave(boolean previous) {
        capture.leave(previous);
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
        V8Value captured = capture.take();
        boolean lost = capture.takeLost();
        try {
            if (rt.isClosed()) {
                return new JsReleasedException("The V8 runtime is closed: " + e.getMessage());
            }
            if (e instanceof JavetTerminatedException) return terminated();
            if (e instanceof BaseJavetScriptingException s) {
                JavetScriptingError error = s.getScriptingError();
                boolean compile = e instanceof JavetCompilationException;
                if (captured != null && isThrown(captured, error.getContext())) {
                    V8Value thrown = captured;
                    captured = null;
                    return described(thrown, location(error), error, compile);
                }
                if (lost) return unreadable(location(error), compile);
                if (compile) return syntax(error);
                return thrown(error);
            }
            return new JsEngineException("V8 failed: " + e.getMessage(), e);
        } catch (JavetException again) {
            return new JsEngineException("V8 failed while reporting an exception (" + e.getMessage() + "): "
                    + again.getMessage(), again);
        } finally {
            forgetRaisedQuietly();
            if (captured != null) closeQuietly(captured);
        }
    }

    /** A thrown object that could be neither converted (it is never converted, see V8ThrowCapture) nor kept. */
    private JsException unreadable(SourceLocation where, boolean compile) {
        if (compile) return new JsSyntaxError("the script does not parse (V8 gave no readable reason)", where);
        return services.error(JsValue.undefined(), "Error",
                "The script threw an object that jsi4j could not keep (V8 ran out of handles or memory)", null, where);
    }

    /**
     * Whether the captured handle is the value Javet converted into {@code context}: a thrown
     * primitive has no handle, and an error's copy has the same stack.
     */
    private static boolean isThrown(V8Value captured, Object context) throws JavetException {
        if (context instanceof String || context instanceof Number || context instanceof Boolean) return false;
        if (context instanceof IJavetEntityError entity) {
            return captured instanceof V8ValueError error && Objects.equals(entity.getStack(), error.getStack());
        }
        return true;
    }

    /**
     * The error for the thrown {@code v8} (owned by the current scope afterwards), named and
     * described from the value itself by {@link V8ThrownValue}, which runs no script code
     * unguarded. A native {@code SyntaxError} from code compiled at run time ({@code eval},
     * {@code new Function}) or from the script itself is a {@link JsSyntaxError}, also after a
     * script caught it and threw it again when {@link V8RunTimeSyntaxErrors} recognises it.
     */
    private JsException described(V8Value v8, SourceLocation where, JavetScriptingError error, boolean compile)
            throws JavetException {
        V8ThrownValue info = V8ThrownValue.read(rt, backend.bridge(), v8);
        SourceLocation rethrown = null;
        if (compile || info.syntaxError() && (compiledAtRunTime(where, info.stack())
                || (rethrown = V8RunTimeSyntaxErrors.madeBy(info.stack(), where, error.getSourceLine())) != null)) {
            closeQuietly(v8);
            String reason = info.message() == null || info.message().isEmpty()
                    ? "the script does not parse" : info.message();
            return new JsSyntaxError(reason, compile ? where : rethrown != null ? rethrown : runTimeLocation(where));
        }
        JsValue value = backend.toJs(v8);
        if (info.name() == null || !info.plain() || describing) {
            // The core's error() looks the value up again (instanceof Error, name, message, a host
            // error's cause), which on a Proxy or a non-error can run script code, loop or recurse.
            return new JsError(value, info.name(), info.message(), info.stack(), where, null);
        }
        describing = true;
        try {
            return services.error(value, info.name(), info.message(), info.stack(), where);
        } finally {
            describing = false;
        }
    }

    /**
     * Whether a SyntaxError comes from compiling code at run time ({@code eval},
     * {@code new Function}): V8 places it in code without a source name, and it was not raised by
     * {@code JSON.parse} (whose errors are located in the JSON text, also nameless, and stay
     * ordinary errors, as on every engine).
     */
    private static boolean compiledAtRunTime(SourceLocation where, String stack) {
        String name = where.sourceName();
        if (name != null && !name.isEmpty() && !name.equals("undefined")) return false;
        if (stack == null) return true;
        int at = stack.indexOf("\n    at ");
        return at < 0 || !stack.startsWith("JSON.", at + 8);
    }

    private static SourceLocation runTimeLocation(SourceLocation where) {
        return new SourceLocation("<eval>", where.line(), where.column());
    }

    private static String text(V8Value v) {
        return v instanceof V8ValueString s ? s.getValue() : null;
    }

    private static void closeQuietly(V8Value v) {
        try {
            v.close();
        } catch (JavetException ignored) {
            // the runtime is closing: nothing left to free
        }
    }

    private JsTerminatedException terminated() {
        JsTerminatedException pending = pendingTermination;
        pendingTermination = null;
        if (pending != null) return pending;
        JsTerminatedException memory = backend.takeMemoryLimitHit();
        if (memory != null) return memory;
        return new JsTerminatedException(JsTerminatedException.Reason.INTERRUPTED,
                "The script was terminated. The runtime is still usable.", true);
    }

    private static JsSyntaxError syntax(JavetScriptingError error) {
        return new JsSyntaxError(error.getMessage(), location(error));
    }

    private JsException thrown(JavetScriptingError error) throws JavetException {
        Object context = error.getContext();
        if (!(context instanceof IJavetEntityError || context instanceof java.util.Map<?, ?>
                || context instanceof java.util.List<?>)) {
            // a primitive: Javet's Java value of it is exact (null stands for null and undefined)
            return described(primitive(context), location(error), error, false);
        }
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
        return backend.toJs(rt.toV8Value(context));
    }

    /** The thrown primitive as V8 sees it; a host callback's raised value settles null versus undefined. */
    private V8Value primitive(Object context) throws JavetException {
        if (context == null && lastRaised instanceof V8ValueUndefined) return lastRaised;
        return rt.toV8Value(context);
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
