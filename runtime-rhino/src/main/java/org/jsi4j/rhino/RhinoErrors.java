package org.jsi4j.rhino;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.SourceLocation;
import org.jsi4j.spi.RuntimeServices;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EcmaError;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.Undefined;

/**
 * Turns whatever Rhino throws out of an operation into a {@link JsException}: a thrown value
 * into a {@link JsError} carrying it, a syntax error (also one raised at run time by a nested
 * {@code eval} or {@code new Function}) into a {@link JsSyntaxError}, a stop into a
 * {@link JsTerminatedException}, a Java stack overflow into a {@code RangeError}, a host
 * callback's Java error into a {@link JsEngineException} with that error as its cause.
 *
 * <p>In compiled mode JavaScript calls are JVM calls, so a runaway recursion ends in a
 * {@link StackOverflowError}; it becomes a {@code RangeError} at the boundary, and inside
 * JavaScript it is catchable only when the recursion passes through a host function (compiled
 * code has no hook at function entry, and its {@code catch} ignores Java errors unless
 * {@code FEATURE_ENHANCED_JAVA_ACCESS} is on, which would let scripts catch terminations too).
 * {@link org.jsi4j.RuntimeOptions#maxStackDepth()} switches a runtime to Rhino's interpreter,
 * which bounds the depth with a catchable {@code RangeError} ({@link StackDepthReporter}).
 *
 * <p>Conversion runs no script code: the name, message and stack of a thrown object are read
 * only where they are data properties of ordinary Rhino objects (never a getter, a
 * {@code Proxy} trap, a host object, {@code toString} or {@code valueOf}), and any failure while
 * reading falls back to what Rhino's exception says.
 */
final class RhinoErrors {
    /** Rhino's {@code Proxy} class (not public). */
    private static final Class<?> PROXY = rhinoClass("org.mozilla.javascript.NativeProxy");
    /** Rhino's error objects' class (not public). */
    private static final Class<?> NATIVE_ERROR = rhinoClass("org.mozilla.javascript.NativeError");
    /** {@code NativeError.stackProvider} (private): the exception an error object was made from. */
    private static final VarHandle STACK_PROVIDER = NATIVE_ERROR == null ? null : stackProvider();

    private final RuntimeServices services;
    private final RhinoValues values;
    private final Scriptable global;

    RhinoErrors(RuntimeServices services, RhinoValues values, Scriptable global) {
        this.services = services;
        this.values = values;
        this.global = global;
    }

    /**
     * The exception to throw for {@code t}, which an operation caught. Virtual machine errors
     * other than a stack overflow are rethrown. A stop or a stack overflow during the conversion
     * itself wins over the exception being converted.
     */
    RuntimeException convert(Throwable t, Context cx) {
        RuntimeException converted;
        try {
            converted = convertUnguarded(t, cx);
        } catch (Termination s) {
            converted = terminated(s);
        } catch (StackOverflowError e) {
            return new JsEngineException("Rhino ran out of Java stack while reporting " + t.getClass().getSimpleName()
                    + "; run scripts on a thread with a larger stack", e);
        }
        // a stopped entry's promise jobs die with it; left queued, the next entry would run them on
        if (converted instanceof JsTerminatedException && cx instanceof SandboxContext own) own.dropMicrotasks();
        return converted;
    }

    private RuntimeException convertUnguarded(Throwable t, Context cx) {
        if (t instanceof JsException e) return e;
        if (t instanceof Termination s) return terminated(s);
        if (t instanceof StackOverflowError) return stackOverflow();
        if (t instanceof EcmaError e && "SyntaxError".equals(e.getName()) && raisedByTheParser(e)) return runtimeSyntaxError(e);
        if (t instanceof JavaScriptException js && parsersSyntaxError(js.getValue()) instanceof EcmaError e) {
            return runtimeSyntaxError(e); // the parser's own error, caught by a script and thrown again
        }
        if (t instanceof RhinoException e) return toJsError(e, cx);
        if (t instanceof HostFailure f) {
            return new JsEngineException("A host callback failed with " + f.getCause() + "; the script was stopped"
                    + " (a Java error is never turned into a JavaScript exception)", f.getCause());
        }
        if (t instanceof VirtualMachineError e) throw e;
        if (t instanceof IllegalStateException && "FAILED ASSERTION".equals(t.getMessage()) && fromInterpreterFrame(t)) {
            return new JsEngineException("This script is too large for Rhino: past the JVM's class-file limits Rhino"
                    + " runs it in its interpreter, whose call frame cannot hold it (seen past about 32,000 top-level"
                    + " declarations in one script). Split it into several scripts, or run it on another engine", t);
        }
        return new JsEngineException("Rhino failed: " + t, t);
    }

    /** Whether Rhino's own assertion failed while setting up an interpreter call frame. */
    private static boolean fromInterpreterFrame(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 4); i++) {
            if (frames[i].getClassName().startsWith("org.mozilla.javascript.Interpreter")) return true;
        }
        return false;
    }

    private static JsTerminatedException terminated(Termination s) {
        return new JsTerminatedException(s.reason, s.getMessage(), true);
    }

    /** A compile-time syntax error of a script. */
    JsSyntaxError syntaxError(EvaluatorException e, String sourceName) {
        String name = e.sourceName() == null ? sourceName : e.sourceName();
        return new JsSyntaxError(e.details(), new SourceLocation(name, Math.max(e.lineNumber(), 0), Math.max(e.columnNumber(), 0)));
    }

    /** A SyntaxError Rhino raised while running (nested {@code eval}, {@code new Function}): where the bad source says it is. */
    private JsSyntaxError runtimeSyntaxError(EcmaError e) {
        return new JsSyntaxError(e.getErrorMessage(),
                new SourceLocation(e.sourceName(), Math.max(e.lineNumber(), 0), Math.max(e.columnNumber(), 0)));
    }

    /**
     * Whether a {@code SyntaxError} came from compiling code at run time ({@code eval},
     * {@code new Function}): Rhino's parser reports it, while {@code JSON.parse} and a regular
     * expression make theirs elsewhere. Only looked at for an uncaught SyntaxError.
     */
    private static boolean raisedByTheParser(EcmaError e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            if (type.equals("org.mozilla.javascript.Parser") || type.equals("org.mozilla.javascript.DefaultErrorReporter")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The parser's error behind {@code thrown}, when {@code thrown} is the error object a script's
     * {@code catch} received for a SyntaxError Rhino's parser raised at run time, else null. Rhino
     * keeps the original exception in the error object (as {@code NativeError}'s stack provider,
     * until a script assigns {@code stack}); reading that field runs no script code.
     */
    private static EcmaError parsersSyntaxError(Object thrown) {
        if (STACK_PROVIDER == null || !NATIVE_ERROR.isInstance(thrown)) return null;
        return STACK_PROVIDER.get(thrown) instanceof EcmaError e && "SyntaxError".equals(e.getName())
                && raisedByTheParser(e) ? e : null;
    }

    private static VarHandle stackProvider() {
        try {
            return MethodHandles.privateLookupIn(NATIVE_ERROR, MethodHandles.lookup())
                    .findVarHandle(NATIVE_ERROR, "stackProvider", RhinoException.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // Rhino on the module path, or another version: a rethrown one stays a JsError
        }
    }

    private JsError stackOverflow() {
        return toJsError(ScriptRuntime.rangeError(StackDepthReporter.MESSAGE), null);
    }

    /** The {@link JsError} for an exception a script threw, with the real JavaScript value. */
    private JsError toJsError(RhinoException e, Context cx) {
        Object thrown;
        if (e instanceof JavaScriptException js) {
            thrown = js.getValue();
        } else {
            try {
                thrown = ScriptRuntime.wrapException(e, global, cx == null ? Context.getCurrentContext() : cx);
            } catch (StackOverflowError failed) {
                // no stack left to make the error object: reported as the stack overflow it is (see convert),
                // never as a thrown undefined that a script's catch would see
                throw failed;
            } catch (RuntimeException failed) {
                thrown = Undefined.instance;
            }
        }
        JsValue value = values.toJs(thrown);
        String name = null;
        String message = null;
        String stack = null;
        if (thrown instanceof ScriptableObject error && "Error".equals(error.getClassName())) {
            name = dataString(error, "name");
            message = dataString(error, "message");
            stack = dataString(error, "stack");
            if (name == null) name = "Error";
        } else if (thrown instanceof Scriptable object) {
            message = dataString(object, "message");
            if (message == null) message = "[object " + className(object) + "]";
        } else if (thrown instanceof Symbol s) {
            message = "Symbol(" + (s.getName() == null ? "" : s.getName()) + ")";
        } else if (thrown == null || thrown instanceof CharSequence || thrown instanceof Number || thrown instanceof Boolean
                || thrown == Undefined.instance) {
            message = ScriptRuntime.toString(thrown); // primitives: no script code runs
        } else {
            message = String.valueOf(thrown);
        }
        if (stack == null || stack.isEmpty()) stack = scriptStack(e);
        SourceLocation location = e.sourceName() == null && e.lineNumber() <= 0 ? null
                : new SourceLocation(e.sourceName(), Math.max(e.lineNumber(), 0), Math.max(e.columnNumber(), 0));
        return services.error(value, name, message == null ? "" : message, stack, location);
    }

    private static String scriptStack(RhinoException e) {
        try {
            return e.getScriptStackTrace();
        } catch (RuntimeException | StackOverflowError failed) {
            return null;
        }
    }

    private static String className(Scriptable object) {
        try {
            return object.getClassName();
        } catch (RuntimeException | StackOverflowError failed) {
            return "Object";
        }
    }

    /**
     * The string value of a data property found along the prototype chain of ordinary Rhino
     * objects, or null: a getter, a {@code Proxy} or a host object on the way ends the search
     * without running anything.
     */
    static String dataString(Scriptable object, String name) {
        try {
            for (Scriptable o = object; o != null; o = o.getPrototype()) {
                if (!(o instanceof ScriptableObject so) || isProxy(o)) return null;
                if (!so.has(name, so)) continue;
                if (so.getGetterOrSetter(name, 0, so, false) instanceof Function) return null;
                Object value = so.get(name, so);
                return value instanceof CharSequence s ? s.toString() : null;
            }
            return null;
        } catch (RuntimeException | StackOverflowError failed) {
            return null;
        }
    }

    /** Whether {@code object} is a JavaScript {@code Proxy} (whose every property access runs traps). */
    static boolean isProxy(Object object) {
        return PROXY != null && PROXY.isInstance(object);
    }

    private static Class<?> rhinoClass(String name) {
        try {
            return Class.forName(name, false, Scriptable.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
