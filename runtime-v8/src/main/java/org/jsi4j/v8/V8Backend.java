package org.jsi4j.v8;

import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetCompilationException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.exceptions.JavetScriptingError;
import com.caoccao.javet.exceptions.JavetTerminatedException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.JavetPromiseRejectCallback;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueBigInteger;
import com.caoccao.javet.values.primitive.V8ValueBoolean;
import com.caoccao.javet.values.primitive.V8ValueDouble;
import com.caoccao.javet.values.primitive.V8ValueInteger;
import com.caoccao.javet.values.primitive.V8ValueLong;
import com.caoccao.javet.values.primitive.V8ValueNull;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.primitive.V8ValueUndefined;
import com.caoccao.javet.values.primitive.V8ValueZonedDateTime;
import com.caoccao.javet.values.reference.IV8ValueReference;
import com.caoccao.javet.values.reference.V8Script;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueGlobalObject;
import com.caoccao.javet.values.reference.V8ValueMap;
import com.caoccao.javet.values.reference.V8ValueSet;
import com.caoccao.javet.values.reference.V8ValueWeakMap;
import com.caoccao.javet.values.reference.V8ValueWeakSet;
import com.caoccao.javet.values.reference.V8ValueObject;
import com.caoccao.javet.values.reference.V8ValueReference;
import com.caoccao.javet.values.reference.V8ValueSymbol;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsException;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;
import org.jsi4j.spi.EngineBackend;
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RuntimeServices;

/**
 * One V8 isolate behind a {@link org.jsi4j.JsRuntime}. Handles are Javet {@link V8ValueReference}s,
 * each closed by its scope, reference or the runtime; calls into Java go through the
 * {@link V8Bridge} trampoline.
 */
final class V8Backend implements EngineBackend {
    private final V8Runtime rt;
    private final RuntimeServices services;
    private final V8Values values;
    private final V8Callback callback;
    private final V8Bridge bridge;
    private final V8Errors errors;
    private final V8Symbols symbols;
    private final V8Limits limits;
    private final Object terminateLock = new Object();
    private final Map<V8Script, V8SnapshotTaker.Source> sources = new IdentityHashMap<>();
    private final boolean restoredFromImage;
    private V8Script drain;
    private boolean imageTaken;

    /** A backend for {@code rt}; {@code image} is the native image {@code rt} was made from, or null. */
    V8Backend(V8Runtime rt, RuntimeServices services, long heapLimit, V8Image image) {
        this.rt = rt;
        this.services = services;
        this.limits = new V8Limits(rt, heapLimit);
        this.symbols = new V8Symbols(rt);
        this.values = new V8Values(rt, services, symbols);
        this.callback = new V8Callback(rt, services, this);
        this.bridge = new V8Bridge(rt, new V8HostFunction(rt, services.runtime(), values, callback),
                new V8HostObject(rt, services.runtime(), values, callback));
        values.bridge(bridge);
        this.errors = new V8Errors(rt, services, this);
        rt.setLogger(QuietJavetLogger.INSTANCE);
        // Javet's default logs every unhandled rejection to stderr with its own logger
        rt.setPromiseRejectCallback(new JavetPromiseRejectCallback(QuietJavetLogger.INSTANCE));
        try {
            if (image != null) {
                bridge.start(V8SnapshotTaker.unparkHelpers(rt));
                bridge.rebind(image, services.options().externals());
            } else {
                bridge.start(null);
            }
            drain = compiled("", "jsi4j:microtasks");
        } catch (JavetException e) {
            throw translate(e);
        }
        this.restoredFromImage = image != null;
    }

    private V8Script compiled(String source, String sourceName) throws JavetException {
        V8Script script = rt.getExecutor(source).setResourceName(sourceName).compileV8Script();
        sources.put(script, new V8SnapshotTaker.Source(source, sourceName));
        return script;
    }

    V8Bridge bridge() {
        return bridge;
    }

    /** The heap limit this isolate enforces, in bytes. */
    long heapLimit() {
        return limits.heapLimit();
    }

    // ---------------------------------------------------------------- scripts

    @Override
    public JsValue evaluate(String source, String sourceName) {
        return js(() -> toJs(rt.getExecutor(source).setResourceName(sourceName).execute()));
    }

    @Override
    public Object compile(String source, String sourceName) {
        return js(() -> compiled(source, sourceName));
    }

    @Override
    public JsValue run(Object compiled) {
        V8Script script = (V8Script) compiled;
        if (script.isClosed()) throw new JsReleasedException("This prepared script's V8 runtime is closed");
        return js(() -> toJs(script.execute()));
    }

    /**
     * {@code globalThis}: the global proxy that scripts see as {@code this}, not the inner global
     * object Javet's {@code getGlobalObject()} hands out (the two are never {@code ===}).
     */
    @Override
    public JsObject global() {
        return js(() -> (JsObject) toJs(bridge.helpers().invoke("global")));
    }

    // ---------------------------------------------------------------- properties

    @Override
    public JsValue get(Object object, JsValue key) {
        // getProperty, not get: Javet's Map and typed-array handles turn get() into Map.prototype.get / an index.
        return js(() -> toJs(obj(object).getProperty(toV8(key))));
    }

    @Override
    public void set(Object object, JsValue key, JsValue value) {
        // V8's Object::Set fails silently (sloppy semantics); a strict-mode helper throws the TypeError.
        js(() -> {
            bridge.helpers().invokeVoid("set", (V8Value) obj(object), toV8(key), toV8(value));
            return null;
        });
    }

    @Override
    public boolean has(Object object, JsValue key) {
        return js(() -> isCollection(object)
                ? Boolean.TRUE.equals(bridge.helpers().invokeBoolean("has", object, toV8(key)))
                : obj(object).has(toV8(key)));
    }

    @Override
    public boolean delete(Object object, JsValue key) {
        return js(() -> isCollection(object)
                ? Boolean.TRUE.equals(bridge.helpers().invokeBoolean("remove", object, toV8(key)))
                : obj(object).delete(toV8(key)));
    }

    /** Javet's handles whose has() and delete() mean the collection's methods, not property access. */
    private static boolean isCollection(Object handle) {
        return handle instanceof V8ValueMap || handle instanceof V8ValueSet
                || handle instanceof V8ValueWeakMap || handle instanceof V8ValueWeakSet;
    }

    @Override
    public List<String> propertyNames(Object object) {
        return js(() -> {
            try (V8ValueArray keys = bridge.helpers().invoke("keys", obj(object))) {
                List<String> names = new ArrayList<>(keys.getLength());
                keys.forEach(v -> names.add(((V8ValueString) v).getValue()));
                return names;
            }
        });
    }

    // ---------------------------------------------------------------- functions

    @Override
    public JsValue call(Object function, JsValue thisValue, List<JsValue> args) {
        return js(() -> toJs(((V8ValueFunction) function).call(toV8(thisValue), toV8(args))));
    }

    @Override
    public JsObject construct(Object function, List<JsValue> args) {
        JsValue made = js(() -> toJs(((V8ValueFunction) function).callAsConstructor(toV8(args))));
        if (made instanceof JsObject o) return o;
        throw new JsEngineException("V8 constructed a " + made.typeOf() + " instead of an object", null);
    }

    @Override
    public boolean instanceOf(Object object, Object constructor) {
        return js(() -> Boolean.TRUE.equals(bridge.helpers().invokeBoolean("instanceOf", object, constructor)));
    }

    @Override
    public boolean sameObject(Object a, Object b) {
        try {
            return ((V8Value) a).strictEquals((V8Value) b);
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    // ---------------------------------------------------------------- making values

    @Override
    public HostObject hostObjectOf(Object object) {
        try {
            return bridge.hostObjectOf((V8Value) object);
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    @Override
    public JsObject newObject() {
        try {
            return (JsObject) toJs(rt.createV8ValueObject());
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    @Override
    public JsArray newArray(List<JsValue> elements) {
        try {
            V8ValueArray array = rt.createV8ValueArray();
            if (!elements.isEmpty()) array.push((Object[]) toV8(elements));
            return (JsArray) toJs(array);
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    @Override
    public JsArrayBuffer newArrayBuffer(byte[] bytes) {
        try {
            V8ValueArrayBuffer buffer = rt.createV8ValueArrayBuffer(bytes.length);
            if (bytes.length > 0) buffer.getByteBuffer().duplicate().clear().put(bytes);
            return (JsArrayBuffer) toJs(buffer);
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    @Override
    public byte[] arrayBufferBytes(Object buffer) {
        // Javet's toBytes()/fromBytes() move the position of one shared ByteBuffer, so a second read
        // would underflow: read through a fresh view of the whole buffer instead.
        V8ValueArrayBuffer b = (V8ValueArrayBuffer) buffer;
        try {
            byte[] bytes = new byte[b.getByteLength()];
            b.getByteBuffer().duplicate().clear().get(bytes);
            return bytes;
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    @Override
    public JsSymbol newSymbol(String description) {
        return js(() -> {
            V8Value d = description == null ? rt.createV8ValueUndefined() : rt.createV8ValueString(description);
            return (JsSymbol) toJs(bridge.helpers().invoke("symbol", d));
        });
    }

    @Override
    public JsFunction newFunction(String name, int length, HostFunction function) {
        try {
            return (JsFunction) toJs(bridge.newFunction(name, length, function));
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    @Override
    public JsObject newHostObject(HostObject host) {
        try {
            return (JsObject) toJs(bridge.newHostObject(host));
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    @Override
    public Object raise(JsValue error) {
        try {
            V8Value value = toV8(error);
            errors.raised(value);
            rt.throwError(value);
            return rt.createV8ValueUndefined();
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    // ---------------------------------------------------------------- microtasks and limits

    @Override
    public void drainMicrotasks() {
        // V8 runs the microtask queue whenever the outermost script or call returns, so running an
        // empty script is an explicit checkpoint.
        js(() -> {
            drain.executeVoid();
            return null;
        });
    }

    /**
     * Nothing: V8 (automatic microtask policy) already ran the jobs when the outermost script or
     * call returned, and a checkpoint here would cost a second native trip on every call.
     */
    @Override
    public void afterOutermostEntry() {
    }

    @Override
    public void interrupt() {
        synchronized (terminateLock) {
            if (!rt.isClosed()) rt.terminateExecution();
        }
    }

    @Override
    public void resetInterrupt() {
        synchronized (terminateLock) {
            if (!rt.isClosed()) rt.cancelTerminateExecution();
        }
    }

    /** From inside a host callback: unwind the running script; the outer entry rethrows {@code e}. */
    void terminateFromCallback(JsTerminatedException e) {
        errors.terminatedBy(e);
        interrupt();
    }

    /**
     * When the heap reached its limit since the last call: the termination to report (the
     * runtime is reset to its limit first), else {@code null}.
     */
    JsTerminatedException takeMemoryLimitHit() {
        return limits.takeHit();
    }

    // ---------------------------------------------------------------- handles

    @Override
    public Object duplicate(Object handle) {
        try {
            return ((V8ValueReference) handle).toClone();
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    @Override
    public void release(Object handle) {
        if (handle instanceof V8Value v && !rt.isClosed()
                && !(v instanceof IV8ValueReference r && r.isClosed())) {  // a collected weak handle closes itself
            try {
                v.close();
            } catch (JavetException e) {
                throw translate(e);
            }
        }
    }

    @Override
    public Object weaken(Object handle) {
        try {
            V8ValueReference weak = ((V8ValueReference) handle).toClone();
            weak.setWeak();
            return weak;
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    @Override
    public Object deref(Object weak) {
        V8ValueReference w = (V8ValueReference) weak;
        if (w.isClosed()) return null;
        return duplicate(w);
    }

    @Override
    public ObjectKind kindOf(Object handle) {
        return V8Values.kindOf(handle);
    }

    @Override
    public void releaseWeak(Object weak) {
        release(weak);
    }

    @Override
    public void collectGarbage() {
        rt.lowMemoryNotification();
    }

    @Override
    public long engineReferences() {
        return rt.getReferenceCount();
    }

    /**
     * V8's native image: taken once per isolate (V8 allows no second one; later snapshots carry
     * only the journal), with every handle Java holds parked and given back (see
     * {@link V8SnapshotTaker}).
     */
    @Override
    public byte[] snapshotImage(Map<String, Object> externals) {
        if (imageTaken) return null;
        try {
            drainMicrotasks();  // lets go of the objects V8 keeps alive for the current job (WeakRef targets)
            V8Image image = new V8SnapshotTaker(rt, bridge, sources).take(externals);
            if (image == null) return null;
            imageTaken = true;
            return image.encode();
        } catch (JavetException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean restoredFromImage() {
        return restoredFromImage;
    }

    @Override
    public void close() {
        synchronized (terminateLock) {
            try {
                if (drain != null) drain.close();
                errors.close();
                symbols.close();
                bridge.close();
            } catch (JavetException e) {
                // closing anyway: the isolate below frees whatever is left
            } finally {
                try {
                    rt.close();
                } catch (JavetException e) {
                    throw new JsEngineException("V8 failed to close its runtime: " + e.getMessage(), e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- conversions

    /** A Javet value as a jsi4j value (see {@link V8Values#toJs(V8Value)}). */
    JsValue toJs(V8Value value) throws JavetException {
        return values.toJs(value);
    }

    /** A jsi4j value as a Javet value (see {@link V8Values#toV8(JsValue)}). */
    V8Value toV8(JsValue value) throws JavetException {
        return values.toV8(value);
    }

    private V8Value[] toV8(List<JsValue> args) throws JavetException {
        return values.toV8(args);
    }

    private static V8ValueObject obj(Object handle) {
        return (V8ValueObject) Objects.requireNonNull(handle, "handle");
    }

    /** Code that runs JavaScript from Java and may throw. */
    @FunctionalInterface
    private interface Entry<T> {
        T run() throws JavetException;
    }

    /**
     * Runs an entry into JavaScript, translating what it throws; the thrown value itself is kept
     * (see {@link V8ThrowCapture}).
     */
    private <T> T js(Entry<T> entry) {
        boolean outer = errors.enter();
        try {
            if (callback.inCallback()) bridge.reentered();
            T result = entry.run();
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

    /** A host callback starts running Java code; returns what {@link #callbackEnds} restores. */
    boolean callbackStarts() {
        return errors.enterCallback();
    }

    void callbackEnds(boolean outer) {
        errors.leave(outer);
    }

    /** Whether thrown objects come back as themselves (see {@link V8ThrowCapture}). */
    boolean capturesThrownObjects() {
        return errors.capturesThrownObjects();
    }

    /** Any Javet exception as the jsi4j exception it stands for. */
    JsException translate(JavetException e) {
        return errors.translate(e);
    }
}
