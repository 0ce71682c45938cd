package org.jsi4j.rhino;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;
import org.jsi4j.spi.JsonGraphs;
import org.jsi4j.spi.RuntimeServices;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.TopLevel;
import org.mozilla.javascript.typedarrays.NativeArrayBuffer;

/**
 * One Rhino runtime behind the jsi4j SPI. Its parts: {@link RhinoScopes} (the standard objects and
 * the global scope), {@link RhinoThreadContext} (the Context, kept current on the owner thread),
 * {@link RhinoValues} (conversions), {@link RhinoHostFunction} and {@link RhinoHostObject} (the
 * crossing from JavaScript into Java), {@link RhinoErrors}, {@link RhinoLimits} and
 * {@link RhinoImage} (snapshots).
 *
 * <p>Every operation from Java is the Rhino call itself between {@link #enter()} (one field read
 * when the Context is already current, the common case) and {@link #leave}, with whatever Rhino
 * throws turned into a {@code JsException} by {@link RhinoErrors}. Property names that are plain
 * strings go straight to the object's own {@code get}/{@code put} (its slot map); array indices
 * and symbols take Rhino's matching overloads. See {@code runtime-rhino/CROSSING.md}.
 */
final class RhinoBackend extends RhinoHandles {
    private final RuntimeServices services;
    private final RhinoLimits limits;
    private final RhinoThreadContext thread;
    private final Context cx;
    private final boolean imaging;
    private final RhinoScopes scopes;
    /** The standard objects (where built-ins are looked up: a script cannot replace them there in a snapshotting runtime). */
    private final ScriptableObject standard;
    /** The global scope scripts see. */
    private final ScriptableObject global;
    private final RhinoValues values;
    private final RhinoErrors errors;
    private final Callable symbolConstructor;
    private final RhinoScripts scripts;
    private final JsonGraphs jsonGraphs;
    /** {@link org.jsi4j.MicrotaskPolicy#EXPLICIT}: jobs run only in {@link #drainMicrotasks()}. */
    private final boolean explicitMicrotasks;
    private boolean closed;

    RhinoBackend(SandboxContextFactory factory, RhinoScripts scripts, RuntimeServices services, String engineVersion) {
        this.services = services;
        this.scripts = scripts;
        this.imaging = services.options().journaling();
        this.explicitMicrotasks = services.options().microtasks() == org.jsi4j.MicrotaskPolicy.EXPLICIT;
        this.limits = new RhinoLimits(services.options().statementLimit());
        this.thread = new RhinoThreadContext(factory, this);
        this.cx = thread.context();
        try {
            cx.putThreadLocal(SandboxContextFactory.BACKEND_KEY, this);
            if (cx instanceof SandboxContext own) {
                own.backend = this;
                own.explicitJobs = explicitMicrotasks;
            }
            cx.setInstructionObserverThreshold(limits.threshold());
            RhinoOptions.apply(cx, services.options());
            int maxDepth = services.options().maxStackDepth();
            if (maxDepth > 0) {
                cx.setInterpretedMode(true);
                cx.setMaximumInterpreterStackDepth(maxDepth);
                cx.setErrorReporter(new StackDepthReporter(cx.getErrorReporter()));
                InterpreterDepth acrossLoops = InterpreterDepth.of(maxDepth);
                if (acrossLoops != null) cx.setDebugger(acrossLoops, null);
            }
            this.scopes = new RhinoScopes(this, cx, engineVersion);
            this.standard = scopes.standard();
            this.global = scopes.global();
            this.values = new RhinoValues(services, global);
            this.errors = new RhinoErrors(services, values, global);
            this.symbolConstructor = (Callable) ScriptableObject.getProperty(standard, "Symbol");
            this.jsonGraphs = jsonGraphs(new RhinoJsonGraphs(cx, standard, limits));
            thread.created();
        } catch (RuntimeException | Error e) {
            cx.removeThreadLocal(SandboxContextFactory.BACKEND_KEY);
            thread.failed();
            throw e;
        }
    }

    RuntimeServices services() {
        return services;
    }

    RhinoValues values() {
        return values;
    }

    RhinoLimits limits() {
        return limits;
    }

    RhinoThreadContext threadContext() {
        return thread;
    }

    Context context() {
        return cx;
    }

    /** Whether this runtime serializes its scope for snapshots (and so needs Java serialization enabled). */
    boolean imaging() {
        return imaging;
    }

    /** True while an operation of this runtime is in progress on its thread. */
    boolean busy() {
        return limits.busy();
    }

    // ---------------------------------------------------------------- entering Rhino

    private RhinoThreadContext.Suspended enter() {
        RhinoThreadContext.Suspended restore = thread.enter();
        limits.begin();
        return restore;
    }

    private void leave(RhinoThreadContext.Suspended restore) {
        limits.end();
        thread.leave(restore);
    }

    /** The body of an operation that is not on a hot path. */
    @FunctionalInterface
    private interface Operation<T> {
        T run() throws Exception;
    }

    private <T> T op(Operation<T> body) {
        RhinoThreadContext.Suspended restore = enter();
        try {
            return body.run();
        } catch (Throwable t) {
            throw errors.convert(t, cx);
        } finally {
            leave(restore);
        }
    }

    // ---------------------------------------------------------------- scripts

    @Override
    public JsValue evaluate(String source, String sourceName) {
        return run(compile(source, sourceName));
    }

    @Override
    public Object compile(String source, String sourceName) {
        return op(() -> {
            return scripts.get(cx, source, sourceName, () -> {
                try {
                    return cx.compileString(source, sourceName, 1, null);
                } catch (EvaluatorException e) {
                    throw errors.syntaxError(e, sourceName);
                }
            });
        });
    }

    @Override
    public JsValue run(Object compiled) {
        Script script = (Script) compiled;
        RhinoThreadContext.Suspended restore = enter();
        try {
            return values.toJs(script.exec(cx, global, global));
        } catch (Throwable t) {
            throw errors.convert(t, cx);
        } finally {
            leave(restore);
        }
    }

    @Override
    public JsObject global() {
        return values.wrap(global);
    }

    // ---------------------------------------------------------------- properties

    @Override
    public JsValue get(Object object, JsValue key) {
        Scriptable target = object(object);
        Object k = RhinoValues.toKey(key);
        RhinoThreadContext.Suspended restore = enter();
        try {
            Object value = k instanceof String name ? ScriptableObject.getProperty(target, name)
                    : k instanceof Integer index ? ScriptableObject.getProperty(target, index)
                    : ScriptableObject.getProperty(target, (Symbol) k);
            return values.toJs(value);
        } catch (Throwable t) {
            throw errors.convert(t, cx);
        } finally {
            leave(restore);
        }
    }

    /**
     * {@code object[key] = value} with strict-mode failure: straight to the object's own
     * {@code put} when that cannot fail silently (a writable own data property, a new property on
     * an extensible object whose prototypes do not have it, a host object), else through a
     * strict-mode JavaScript function that throws the {@code TypeError} a failed write must.
     */
    @Override
    public void set(Object object, JsValue key, JsValue value) {
        Scriptable target = object(object);
        Object k = RhinoValues.toKey(key);
        Object v = values.toRhino(value);
        RhinoThreadContext.Suspended restore = enter();
        try {
            if (k instanceof String name && RhinoScopes.canPutDirectly(target, name)) {
                target.put(name, target, v);
            } else {
                scopes.strictSet(cx, target, k, v);
            }
        } catch (Throwable t) {
            throw errors.convert(t, cx);
        } finally {
            leave(restore);
        }
    }

    @Override
    public boolean has(Object object, JsValue key) {
        Scriptable target = object(object);
        Object k = RhinoValues.toKey(key);
        return op(() -> k instanceof String name ? ScriptableObject.hasProperty(target, name)
                : k instanceof Integer index ? ScriptableObject.hasProperty(target, index)
                : ScriptableObject.hasProperty(target, (Symbol) k));
    }

    /** Sloppy-mode {@code delete}: false, never a TypeError, for a property that stays. */
    @Override
    public boolean delete(Object object, JsValue key) {
        Scriptable target = object(object);
        Object k = RhinoValues.toKey(key);
        return op(() -> {
            if (target instanceof RhinoHostObject host && !(k instanceof Symbol)) return host.remove(String.valueOf(k));
            return ScriptRuntime.deleteObjectElem(target, k, cx);
        });
    }

    @Override
    public List<String> propertyNames(Object object) {
        Scriptable target = object(object);
        return op(() -> {
            Object[] ids = target.getIds();
            List<String> names = new ArrayList<>(ids.length);
            for (Object id : ids) {
                if (!(id instanceof Symbol)) names.add(ScriptRuntime.toString(id));
            }
            return names;
        });
    }

    // ---------------------------------------------------------------- functions

    @Override
    public JsValue call(Object function, JsValue thisValue, List<JsValue> args) {
        Callable callable = (Callable) object(function);
        Object self = values.toRhino(thisValue);
        Object[] argv = values.toRhino(args);
        RhinoThreadContext.Suspended restore = enter();
        try {
            return values.toJs(callable.call(cx, global, values.thisFor(cx, callable, self), argv));
        } catch (Throwable t) {
            throw errors.convert(t, cx);
        } finally {
            leave(restore);
        }
    }

    @Override
    public JsObject construct(Object function, List<JsValue> args) {
        Scriptable constructor = object(function);
        Object[] argv = values.toRhino(args);
        return op(() -> {
            if (!(constructor instanceof org.mozilla.javascript.Function f)) throw ScriptRuntime.typeError("not a constructor");
            if (ScriptRuntime.hasTopCall(cx)) return values.wrap(f.construct(cx, global, argv));
            // an interpreted function (made by eval or new Function) runs only inside a top call, which
            // call() gets from Function.call itself but construct() does not
            return values.wrap((Scriptable) ScriptRuntime.doTopCall((c, scope, self, a) -> f.construct(c, scope, a),
                    cx, global, null, argv, false));
        });
    }

    @Override
    public boolean instanceOf(Object object, Object constructor) {
        Scriptable o = object(object);
        Scriptable f = object(constructor);
        return op(() -> ScriptRuntime.instanceOf(o, f, cx));
    }

    // ---------------------------------------------------------------- making values

    @Override
    public JsonGraphs jsonGraphs() {
        return jsonGraphs;
    }

    /** The SPI face of Rhino's own graph walk: each conversion is one operation in the Context. */
    private JsonGraphs jsonGraphs(RhinoJsonGraphs walk) {
        return new JsonGraphs() {
            @Override
            public Object toJava(Object handle) {
                Scriptable target = object(handle);
                return op(() -> walk.toJava(target));
            }

            @Override
            public JsValue toEngine(Object data) {
                return values.toJs(walk.toRhino(data, 0)); // no script runs, nothing to enter; not JSON data is the caller's to explain
            }
        };
    }

    @Override
    public JsObject newObject() {
        NativeObject o = new NativeObject();
        ScriptRuntime.setBuiltinProtoAndParent(o, standard, TopLevel.Builtins.Object);
        return values.wrap(o);
    }

    @Override
    public JsArray newArray(List<JsValue> elements) {
        NativeArray array = new NativeArray(values.toRhino(elements));
        ScriptRuntime.setBuiltinProtoAndParent(array, standard, TopLevel.Builtins.Array);
        return (JsArray) values.wrap(array);
    }

    @Override
    public JsArrayBuffer newArrayBuffer(byte[] bytes) {
        return op(() -> {
            NativeArrayBuffer buffer = (NativeArrayBuffer) cx.newObject(standard, "ArrayBuffer", new Object[] {bytes.length});
            System.arraycopy(bytes, 0, buffer.getBuffer(), 0, bytes.length);
            return (JsArrayBuffer) values.wrap(buffer);
        });
    }

    @Override
    public JsSymbol newSymbol(String description) {
        return op(() -> {
            Object[] args = description == null ? ScriptRuntime.emptyArgs : new Object[] {description};
            return (JsSymbol) values.toJs(symbolConstructor.call(cx, standard, null, args));
        });
    }

    @Override
    public JsFunction newFunction(String name, int length, HostFunction function) {
        return (JsFunction) values.wrap(new RhinoHostFunction(this, standard, name, length, function));
    }

    @Override
    public JsObject newHostObject(HostObject host) {
        return values.wrap(new RhinoHostObject(this, host, standard));
    }

    /** Makes a function or host-object face for a named external restored from an image. */
    Scriptable newFace(Object impl, boolean function, String name, int length, Scriptable scope) {
        if (function) return new RhinoHostFunction(this, scope, name, length, (HostFunction) impl);
        return new RhinoHostObject(this, (HostObject) impl, scope);
    }

    @Override
    public Object raise(JsValue error) {
        throw new JavaScriptException(values.toRhino(error), null, 0);
    }

    // ---------------------------------------------------------------- control

    @Override
    public void drainMicrotasks() {
        drainMicrotasks(-1);
    }

    /**
     * Under {@link org.jsi4j.MicrotaskPolicy#EXPLICIT}, runs at most {@code maxMicrotasksHint} jobs
     * of the runtime's own queue (all for -1) and answers whether it is empty; otherwise Rhino's
     * queue runs whole.
     */
    @Override
    public boolean drainMicrotasks(int maxMicrotasksHint) {
        return op(() -> {
            if (!explicitMicrotasks || !(cx instanceof SandboxContext own)) {
                cx.processMicrotasks();
                return true;
            }
            java.util.ArrayDeque<Runnable> jobs = own.jobs;
            for (int ran = 0; maxMicrotasksHint < 0 || ran < maxMicrotasksHint; ran++) {
                Runnable job = jobs.poll();
                if (job == null) break;
                job.run();
            }
            return jobs.isEmpty();
        });
    }

    @Override
    public void trackRejections() {
        op(() -> {
            cx.setTrackUnhandledPromiseRejections(true);
            return null;
        });
    }

    /** Rhino's tracker gives the reasons only (it drops a promise once a handler is attached). */
    @Override
    public List<org.jsi4j.spi.RejectedPromise> takeRejections() {
        return op(() -> {
            List<org.jsi4j.spi.RejectedPromise> taken = new ArrayList<>();
            cx.getUnhandledPromiseTracker().process(reason ->
                    taken.add(new org.jsi4j.spi.RejectedPromise(null, values.toJs(reason))));
            return taken;
        });
    }

    /**
     * Runs pending promise jobs in the same entry (the core ends a stopped entry with its
     * termination); nothing under {@link org.jsi4j.MicrotaskPolicy#EXPLICIT}, where Rhino keeps
     * them queued in its {@code Context} (it never runs them itself) until {@link #drainMicrotasks()}.
     */
    @Override
    public void afterOutermostEntry() {
        if (explicitMicrotasks) return;
        RhinoThreadContext.Suspended restore = enter();
        try {
            cx.processMicrotasks();
        } catch (Throwable t) {
            throw errors.convert(t, cx);
        } finally {
            leave(restore);
        }
    }

    @Override
    public void interrupt() {
        limits.interrupt();
    }

    @Override
    public void resetInterrupt() {
        limits.reset();
    }

    /** Called by the Context's instruction observer. */
    void observe(int instructionCount) {
        limits.observe(instructionCount);
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    public byte[] snapshotImage(Map<String, Object> externals) {
        if (!imaging) return null;
        return op(() -> scopes.image(cx, externals));
    }

    @Override
    public boolean restoredFromImage() {
        return scopes.restoredFromImage();
    }

    /** Exits the runtime's Context on its thread. */
    @Override
    public boolean heapOnJvm() {
        return true;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        cx.removeThreadLocal(SandboxContextFactory.BACKEND_KEY);
        thread.close();
    }
}
