package org.jsi4j.rhino;

import java.io.IOException;
import java.io.NotSerializableException;
import java.lang.ref.WeakReference;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;
import org.jsi4j.Snapshot;
import org.jsi4j.SourceLocation;
import org.jsi4j.spi.EngineBackend;
import org.jsi4j.spi.JvmGarbage;
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RuntimeServices;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EcmaError;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.JSFunction;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.Undefined;
import org.mozilla.javascript.typedarrays.NativeArrayBuffer;

/**
 * One Rhino runtime: a Context (entered on the owner thread for each operation) and a global scope
 * made by {@code initSafeStandardObjects}. Handles are {@link ObjectHandle}s over the Rhino objects.
 *
 * <p>Each runtime has its own standard objects rather than sharing one sealed scope: making them
 * costs about 0.45 ms (measured warm, create and close), against about 3 ms to compile even a
 * one-line script, and a sealed shared scope would forbid scripts to extend built-in prototypes.
 *
 * <p>Limits are enforced by Rhino's instruction observer, which Rhino calls every
 * {@link #OBSERVER_THRESHOLD} units of work. {@link org.jsi4j.RuntimeOptions#statementLimit()}
 * counts Rhino's own instruction units: in compiled mode (the default) Rhino adds roughly the
 * size in JVM bytecode bytes of each statement it runs (a loop iteration of {@code s += i} costs
 * about 60 units, a call about 300); in the interpreter about one unit per bytecode instruction.
 *
 * <p>{@link org.jsi4j.RuntimeOptions#maxStackDepth()} switches the runtime to Rhino's interpreter,
 * the only mode in which Rhino can bound the JavaScript call depth; a deeper call then throws a
 * catchable {@code RangeError}. In compiled mode JavaScript calls are JVM calls, so a runaway
 * recursion ends in a {@link StackOverflowError}; it becomes a {@code RangeError} {@link JsError}
 * at the boundary, and inside JavaScript it is catchable only when the recursion passes through a
 * host function (compiled code has no hook at function entry, and its {@code catch} ignores Java
 * errors unless {@code FEATURE_ENHANCED_JAVA_ACCESS} is on, which would let scripts catch
 * terminations too).
 *
 * <p>A runtime that records its setup for snapshots ({@link org.jsi4j.RuntimeOptions#journaling()})
 * also runs in the interpreter, because only interpreted functions can be serialized, and keeps
 * two scopes: the standard objects, and on top of them (as its prototype) the global scope that
 * scripts see and that holds all user state. {@link #snapshotImage} serializes that user scope
 * ({@link RhinoImage}); a restore from an image of the same Rhino version deserializes it instead
 * of replaying the setup. When the state cannot be imaged faithfully (the setup changed the
 * standard objects, a host function made by a host callback is reachable, a {@code Map} or
 * {@code Set} has an object key, a generator or an object literal with a computed key is
 * reachable, or the object graph is too deep to serialize), the snapshot holds no image and a
 * restore replays the journal.
 */
final class RhinoBackend implements EngineBackend {
    /** How often (in Rhino instruction units) the observer checks for interrupts and limits. */
    static final int OBSERVER_THRESHOLD = 10_000;

    private final SandboxContextFactory factory;
    private final RuntimeServices services;
    private final Context cx;
    /** The standard objects. */
    private final ScriptableObject standard;
    /** The global scope scripts see: {@link #standard} itself, or for snapshots a user scope on top of it. */
    private final ScriptableObject global;
    private final boolean imaging;
    private final Map<String, Scriptable> restoredFaces = new HashMap<>();
    private boolean restoredFromImage;
    private boolean unobserved;
    private final long statementLimit;
    private HostObjectTraps hostTraps;
    private Callable objectKeys;
    private Callable symbolConstructor;
    private Callable strictSet;
    private volatile boolean interrupted;
    private long instructionsUsed;
    private int staleInstructions;
    private boolean deleteFromJava;
    private int entries;
    private boolean closed;

    RhinoBackend(SandboxContextFactory factory, RuntimeServices services, String engineVersion) {
        this.factory = factory;
        this.services = services;
        this.statementLimit = services.options().statementLimit();
        this.imaging = services.options().journaling();
        this.cx = factory.enterContext();
        try {
            cx.putThreadLocal(SandboxContextFactory.BACKEND_KEY, this);
            int threshold = statementLimit > 0 ? (int) Math.min(OBSERVER_THRESHOLD, statementLimit) : OBSERVER_THRESHOLD;
            cx.setInstructionObserverThreshold(threshold);
            int maxDepth = services.options().maxStackDepth();
            if (maxDepth > 0) {
                cx.setInterpretedMode(true);
                cx.setMaximumInterpreterStackDepth(maxDepth);
                cx.setErrorReporter(new StackDepthReporter(cx.getErrorReporter()));
            }
            if (imaging) cx.setInterpretedMode(true);
            this.standard = cx.initSafeStandardObjects();
            this.global = imaging ? userScope(engineVersion) : standard;
        } finally {
            Context.exit();
        }
    }

    /** The user scope of a snapshotting runtime: from the snapshot's image when it has one for this Rhino, else empty. */
    private ScriptableObject userScope(String engineVersion) {
        Snapshot restore = services.options().restore();
        byte[] image = restore != null && RhinoRuntimeFactory.ID.equals(restore.engineId())
                && engineVersion.equals(restore.engineVersion()) ? restore.nativeImage().orElse(null) : null;
        if (image != null) {
            unobserved = true;
            try {
                ScriptableObject user = RhinoImage.read(cx, standard, image, this::restoredFace);
                restoredFromImage = true;
                return user;
            } finally {
                unobserved = false;
            }
        }
        NativeObject user = new NativeObject();
        user.setPrototype(standard);
        user.setParentScope(null);
        user.defineProperty("globalThis", user, ScriptableObject.DONTENUM);
        return user;
    }

    /** The new face of a named external found in an image, one per name. */
    private Scriptable restoredFace(ImageToken.External token) {
        return restoredFaces.computeIfAbsent(token.name(), name -> {
            Object impl = services.options().externals().get(name);
            if (token.function() && impl instanceof HostFunction f) {
                return new HostFunctionAdapter(this, standard, name, token.length(), f);
            }
            if (!token.function() && impl instanceof HostObject h) {
                if (hostTraps == null) hostTraps = new HostObjectTraps(this, cx, standard);
                return hostTraps.newProxy(cx, h);
            }
            throw new JsSnapshotException("Cannot restore the snapshot: its Rhino image refers to the named external '" + name
                    + "' as a " + (token.function() ? "HostFunction" : "HostObject") + ", and "
                    + (impl == null ? "none was given" : "a " + impl.getClass().getName() + " was given")
                    + "; pass it with RuntimeOptions.fromSnapshot(blob).externals(Map.of(name, ...))", null);
        });
    }

    /** Whether this runtime serializes its scope for snapshots (and so needs Java serialization enabled). */
    boolean imaging() {
        return imaging;
    }

    RuntimeServices services() {
        return services;
    }

    // ---------------------------------------------------------------- entering Rhino

    /** Runs {@code body} with this runtime's Context entered, turning Rhino's exceptions into jsi4j ones. */
    private <T> T inContext(Function<Context, T> body) {
        boolean enter = Context.getCurrentContext() != cx;
        if (enter) factory.enterContext(cx);
        if (entries++ == 0) instructionsUsed = 0;
        try {
            return body.apply(cx);
        } catch (JsException e) {
            throw e;
        } catch (Termination t) {
            throw new JsTerminatedException(t.reason, t.getMessage(), true);
        } catch (StackOverflowError e) {
            throw toJsError(ScriptRuntime.rangeError(StackDepthReporter.MESSAGE));
        } catch (RhinoException e) {
            throw toJsError(e);
        } catch (RuntimeException e) {
            throw new JsEngineException("Rhino failed: " + e, e);
        } finally {
            entries--;
            if (enter) Context.exit();
        }
    }

    /**
     * Called by Rhino every few thousand instructions on the thread running the script. Rhino
     * resets its count only when the observer returns normally, so after a {@link Termination} the
     * next call still includes the units already counted; those are subtracted here.
     */
    void observe(int instructionCount) {
        if (unobserved) return;
        int fresh = instructionCount - staleInstructions;
        staleInstructions = 0;
        if (interrupted) {
            throw stop(instructionCount, JsTerminatedException.Reason.INTERRUPTED, "The script was interrupted");
        }
        if (statementLimit > 0) {
            instructionsUsed += fresh;
            if (instructionsUsed > statementLimit) {
                throw stop(instructionCount, JsTerminatedException.Reason.STATEMENT_LIMIT, "The script executed more than "
                        + statementLimit + " Rhino instruction units (RuntimeOptions.statementLimit) and was stopped."
                        + " Raise the limit or make the script do less. The runtime is still usable.");
            }
        }
    }

    private Termination stop(int instructionCount, JsTerminatedException.Reason reason, String message) {
        staleInstructions = instructionCount;
        return new Termination(reason, message);
    }

    // ---------------------------------------------------------------- scripts

    @Override
    public JsValue evaluate(String source, String sourceName) {
        Script script = (Script) compile(source, sourceName);
        return run(script);
    }

    @Override
    public Object compile(String source, String sourceName) {
        return inContext(c -> {
            try {
                return c.compileString(source, sourceName, 1, null);
            } catch (EvaluatorException e) {
                throw syntaxError(e, sourceName);
            }
        });
    }

    @Override
    public JsValue run(Object compiled) {
        return inContext(c -> toJs(((Script) compiled).exec(c, global, global)));
    }

    @Override
    public JsObject global() {
        return (JsObject) toJs(global);
    }

    // ---------------------------------------------------------------- properties

    @Override
    public JsValue get(Object object, JsValue key) {
        Scriptable target = object(object);
        Object k = toKey(key);
        return inContext(c -> toJs(ScriptRuntime.getObjectElem(target, k, c, global)));
    }

    /**
     * Writes through a strict-mode JavaScript function, so that a failed write (a frozen object, a
     * read-only or getter-only property) throws a {@code TypeError} as the SPI asks.
     */
    @Override
    public void set(Object object, JsValue key, JsValue value) {
        Object[] args = {object(object), toKey(key), toRhino(value)};
        inContext(c -> {
            if (strictSet == null) {
                strictSet = c.compileFunction(global, "function jsi4jStrictSet(o, k, v) { 'use strict'; o[k] = v; }",
                        "jsi4j-set.js", 1, null);
            }
            return strictSet.call(c, global, global, args);
        });
    }

    @Override
    public boolean has(Object object, JsValue key) {
        Scriptable target = object(object);
        Object k = toKey(key);
        return inContext(c -> ScriptRuntime.in(k, target, c));
    }

    /** Sloppy-mode {@code delete}: false, never a TypeError, for a property that stays. */
    @Override
    public boolean delete(Object object, JsValue key) {
        Scriptable target = object(object);
        Object k = toKey(key);
        return inContext(c -> {
            deleteFromJava = true;
            try {
                return ScriptRuntime.toBoolean(ScriptRuntime.delete(target, k, c, global, false));
            } finally {
                deleteFromJava = false;
            }
        });
    }

    /** For the host-object delete trap: whether this delete came from {@link #delete} (read once). */
    boolean takeDeleteFromJava() {
        boolean fromJava = deleteFromJava;
        deleteFromJava = false;
        return fromJava;
    }

    @Override
    public List<String> propertyNames(Object object) {
        return inContext(c -> {
            if (objectKeys == null) {
                Scriptable objectConstructor = (Scriptable) ScriptableObject.getProperty(standard, "Object");
                objectKeys = (Callable) ScriptableObject.getProperty(objectConstructor, "keys");
            }
            Scriptable keys = (Scriptable) objectKeys.call(c, global, global, new Object[] {object(object)});
            List<String> names = new ArrayList<>();
            for (Object id : ((NativeArray) keys).toArray()) names.add(ScriptRuntime.toString(id));
            return names;
        });
    }

    // ---------------------------------------------------------------- functions

    @Override
    public JsValue call(Object function, JsValue thisValue, List<JsValue> args) {
        Callable callable = (Callable) object(function);
        Object self = toRhino(thisValue);
        Object[] argv = toRhino(args);
        return inContext(c -> toJs(callable.call(c, global, thisFor(c, callable, self), argv)));
    }

    /**
     * The {@code this} Rhino's own {@code Function.prototype.call} would pass: a sloppy function
     * called with {@code undefined} or {@code null} gets the global object, a strict one keeps the
     * value. Rhino boxes primitive {@code this} values for every function (its
     * {@code Callable.call} takes a {@code Scriptable}), strict or not.
     */
    private Scriptable thisFor(Context c, Callable callable, Object self) {
        if (self instanceof Scriptable s) return s;
        if (self == null || self == Undefined.instance) {
            if (callable instanceof JSFunction f && !f.isStrict()) return global;
            return self == null ? null : Undefined.SCRIPTABLE_UNDEFINED;
        }
        return ScriptRuntime.toObject(c, global, self);
    }

    @Override
    public JsObject construct(Object function, List<JsValue> args) {
        Scriptable constructor = object(function);
        Object[] argv = toRhino(args);
        return inContext(c -> {
            if (!(constructor instanceof org.mozilla.javascript.Function f)) {
                throw toJsError(ScriptRuntime.typeError("not a constructor"));
            }
            return (JsObject) toJs(f.construct(c, global, argv));
        });
    }

    @Override
    public boolean instanceOf(Object object, Object constructor) {
        Scriptable o = object(object);
        Scriptable f = object(constructor);
        return inContext(c -> ScriptRuntime.instanceOf(o, f, c));
    }

    @Override
    public boolean sameObject(Object a, Object b) {
        return object(a) == object(b);
    }

    // ---------------------------------------------------------------- making values

    @Override
    public HostObject hostObjectOf(Object object) {
        return object(object) instanceof ScriptableObject s && s.getAssociatedValue(HostObjectTraps.HOST_KEY) instanceof HostObject h
                ? h : null;
    }

    @Override
    public JsObject newObject() {
        return inContext(c -> (JsObject) toJs(c.newObject(global)));
    }

    @Override
    public JsArray newArray(List<JsValue> elements) {
        Object[] values = toRhino(elements);
        return inContext(c -> (JsArray) toJs(c.newArray(global, values)));
    }

    @Override
    public JsArrayBuffer newArrayBuffer(byte[] bytes) {
        return inContext(c -> {
            NativeArrayBuffer buffer = (NativeArrayBuffer) c.newObject(global, "ArrayBuffer", new Object[] {bytes.length});
            System.arraycopy(bytes, 0, buffer.getBuffer(), 0, bytes.length);
            return (JsArrayBuffer) toJs(buffer);
        });
    }

    @Override
    public byte[] arrayBufferBytes(Object buffer) {
        return ((NativeArrayBuffer) object(buffer)).getBuffer().clone();
    }

    @Override
    public JsSymbol newSymbol(String description) {
        return inContext(c -> {
            if (symbolConstructor == null) symbolConstructor = (Callable) ScriptableObject.getProperty(standard, "Symbol");
            Object[] args = description == null ? new Object[0] : new Object[] {description};
            return (JsSymbol) toJs(symbolConstructor.call(c, global, null, args));
        });
    }

    @Override
    public JsFunction newFunction(String name, int length, HostFunction function) {
        return inContext(c -> (JsFunction) toJs(new HostFunctionAdapter(this, standard, name, length, function)));
    }

    @Override
    public JsObject newHostObject(HostObject host) {
        return inContext(c -> {
            if (hostTraps == null) hostTraps = new HostObjectTraps(this, c, standard);
            return (JsObject) toJs(hostTraps.newProxy(c, host));
        });
    }

    @Override
    public Object raise(JsValue error) {
        throw new JavaScriptException(toRhino(error), null, 0);
    }

    // ---------------------------------------------------------------- control

    @Override
    public void drainMicrotasks() {
        inContext(c -> {
            c.processMicrotasks();
            return null;
        });
    }

    @Override
    public void interrupt() {
        interrupted = true;
    }

    @Override
    public void resetInterrupt() {
        interrupted = false;
    }

    // ---------------------------------------------------------------- handles

    @Override
    public Object duplicate(Object handle) {
        return new ObjectHandle(object(handle));
    }

    /** Drops the handle's reference; the garbage collector frees the object once nothing else holds it. */
    @Override
    public void release(Object handle) {
        ((ObjectHandle) handle).release();
    }

    @Override
    public Object weaken(Object handle) {
        return new WeakReference<>(object(handle));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deref(Object weak) {
        Scriptable object = ((WeakReference<Scriptable>) weak).get();
        return object == null ? null : new ObjectHandle(object);
    }

    @Override
    public ObjectKind kindOf(Object handle) {
        return kind(object(handle));
    }

    private static ObjectKind kind(Scriptable object) {
        if (object instanceof NativeArrayBuffer) return ObjectKind.ARRAY_BUFFER;
        if (object instanceof NativeArray) return ObjectKind.ARRAY;
        if (object instanceof Callable) return ObjectKind.FUNCTION;
        return ObjectKind.OBJECT;
    }

    private static Scriptable object(Object handle) {
        return ((ObjectHandle) handle).object();
    }

    @Override
    public void releaseWeak(Object weak) {
        ((WeakReference<?>) weak).clear();
    }

    @Override
    public void collectGarbage() {
        JvmGarbage.collect();
    }

    @Override
    public long engineReferences() {
        return -1;
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    public byte[] snapshotImage(Map<String, Object> externals) {
        if (!imaging) return null;
        return inContext(c -> {
            unobserved = true;
            try {
                return RhinoImage.write(c, standard, global, externals);
            } catch (RhinoImage.Unrepresentable | NotSerializableException | StackOverflowError e) {
                return null; // the journal still restores it
            } catch (IOException e) {
                throw new JsSnapshotException("Rhino could not serialize the global scope for the snapshot: " + e, e);
            } finally {
                unobserved = false;
            }
        });
    }

    @Override
    public boolean restoredFromImage() {
        return restoredFromImage;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        boolean enter = Context.getCurrentContext() != cx;
        if (enter) factory.enterContext(cx);
        try {
            cx.removeThreadLocal(SandboxContextFactory.BACKEND_KEY);
        } finally {
            Context.exit();
        }
    }

    // ---------------------------------------------------------------- conversions

    /** A Rhino value as a jsi4j value; objects become handles in the current scope. */
    JsValue toJs(Object value) {
        if (value == null) return JsNull.INSTANCE;
        if (value == Undefined.instance || value == Scriptable.NOT_FOUND || Undefined.isUndefined(value)) {
            return JsUndefined.INSTANCE;
        }
        if (value instanceof Boolean b) return JsValue.of(b.booleanValue());
        if (value instanceof BigInteger b) return new JsBigInt(b);
        if (value instanceof Number n) return new JsNumber(n.doubleValue());
        if (value instanceof CharSequence s) return new JsString(s.toString());
        if (value instanceof Symbol s) return new JsSymbol(describe(s), s);
        if (value instanceof Scriptable s) return services.wrap(new ObjectHandle(s), kind(s));
        throw new JsEngineException("Rhino returned a value jsi4j does not know: " + value.getClass().getName(), null);
    }

    /** A jsi4j value as a Rhino value. */
    Object toRhino(JsValue value) {
        return switch (value) {
            case JsUndefined u -> Undefined.instance;
            case JsNull n -> null;
            case JsBoolean b -> b.value();
            case JsNumber n -> n.value();
            case JsBigInt b -> b.value();
            case JsString s -> s.value();
            case JsSymbol s -> s.token();
            case JsObject o -> object(services.unwrap(o));
        };
    }

    private Object[] toRhino(List<JsValue> values) {
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = toRhino(values.get(i));
        return out;
    }

    private Object toKey(JsValue key) {
        if (key instanceof JsNumber n && n.value() == Math.rint(n.value()) && n.value() >= 0 && n.value() <= Integer.MAX_VALUE) {
            return (int) n.value();
        }
        return toRhino(key);
    }

    private static String describe(Symbol symbol) {
        String name = symbol.getName();
        return name == null || name.isEmpty() && symbol.getKind() == Symbol.Kind.REGULAR ? null : name;
    }

    // ---------------------------------------------------------------- errors

    private JsSyntaxError syntaxError(EvaluatorException e, String sourceName) {
        String name = e.sourceName() == null ? sourceName : e.sourceName();
        return new JsSyntaxError(e.details(), new SourceLocation(name, Math.max(e.lineNumber(), 0), Math.max(e.columnNumber(), 0)));
    }

    /** The {@link JsError} for an exception a script threw, with the real JavaScript value. */
    private JsError toJsError(RhinoException e) {
        Object thrown = e instanceof JavaScriptException js ? js.getValue() : ScriptRuntime.wrapException(e, global, cx);
        JsValue value = toJs(thrown);
        String name = null;
        String message;
        String stack = null;
        if (thrown instanceof Scriptable error && "Error".equals(error.getClassName())) {
            name = stringProperty(error, "name");
            message = stringProperty(error, "message");
            stack = stringProperty(error, "stack");
        } else {
            message = describeThrown(thrown);
        }
        if (stack == null || stack.isEmpty()) stack = e.getScriptStackTrace();
        SourceLocation location = e.sourceName() == null && e.lineNumber() <= 0 ? null
                : new SourceLocation(e.sourceName(), Math.max(e.lineNumber(), 0), Math.max(e.columnNumber(), 0));
        return services.error(value, name, message == null ? "" : message, stack, location);
    }

    private static String stringProperty(Scriptable object, String name) {
        Object value = ScriptableObject.getProperty(object, name);
        return value instanceof CharSequence s ? s.toString() : null;
    }

    private static String describeThrown(Object thrown) {
        if (thrown instanceof Scriptable s) {
            Object message = ScriptableObject.getProperty(s, "message");
            return message instanceof CharSequence m ? m.toString() : "[object " + s.getClassName() + "]";
        }
        if (thrown instanceof Symbol s) return "Symbol(" + s.getName() + ")";
        return ScriptRuntime.toString(thrown);
    }
}
