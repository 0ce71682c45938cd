package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
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
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueReference;
import com.caoccao.javet.values.reference.V8ValueSymbol;
import java.math.BigInteger;
import com.caoccao.javet.values.reference.V8ValueMap;
import com.caoccao.javet.values.reference.V8ValueObject;
import com.caoccao.javet.values.reference.V8ValueSet;
import com.caoccao.javet.values.reference.V8ValueWeakMap;
import com.caoccao.javet.values.reference.V8ValueWeakSet;
import java.util.ArrayList;
import java.util.Objects;
import java.util.List;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;
import org.jsi4j.spi.HostArguments;
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RuntimeServices;

/**
 * Conversions between Javet values and jsi4j values, and the handle operations behind them. Primitives become plain Java values with no
 * handle (Javet already hands them over as Java objects); objects become handles in the current
 * scope; symbols go through {@link V8Symbols} so equal symbols are equal in Java.
 */
final class V8Values {
    private static final JsValue[] NONE = new JsValue[0];

    private final V8Runtime rt;
    private final RuntimeServices services;
    private final V8Symbols symbols;
    private V8Bridge bridge;
    private final java.util.Set<V8ValueReference> weakHandles =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private int compactWeakAt = 64;

    V8Values(V8Runtime rt, RuntimeServices services, V8Symbols symbols) {
        this.rt = rt;
        this.services = services;
        this.symbols = symbols;
    }

    /** The bridge whose helpers rebuild dates; set once, before any conversion. */
    void bridge(V8Bridge bridge) {
        this.bridge = bridge;
    }

    /**
     * A Javet value as a jsi4j value; objects become handles in the current scope. A plain
     * {@code instanceof} chain, most frequent first: a pattern {@code switch} over these classes
     * compiles to a type-switch bootstrap that showed as a quarter of a host call's Java time.
     */
    JsValue toJs(V8Value value) throws JavetException {
        if (value instanceof V8ValueInteger i) return JsValue.of(i.getValue());
        if (value instanceof V8ValueDouble d) return JsValue.of(d.getValue());
        if (value instanceof V8ValueString s) return JsValue.of(s.getValue());
        if (value instanceof V8ValueBoolean b) return JsValue.of(b.getValue());
        if (value instanceof V8ValueUndefined) return JsValue.undefined();
        if (value instanceof V8ValueNull) return JsValue.nullValue();
        if (value instanceof V8ValueSymbol s) return symbols.of(s);
        if (value instanceof IV8ValueReference r) return services.wrap(r, kindOf(r));
        if (value instanceof V8ValueLong l) return JsValue.of(BigInteger.valueOf(l.getValue()));
        if (value instanceof V8ValueBigInteger b) return JsValue.of(b.getValue());
        if (value instanceof V8ValueZonedDateTime z) return dateObject(z);
        if (value == null) throw new JsReleasedException("The V8 runtime is closed");
        throw new JsEngineException("jsi4j cannot represent the V8 value " + value.getClass().getSimpleName(), null);
    }

    /**
     * A host call's arguments from index {@code from} on, as an unmodifiable list over one array
     * (no intermediate list, no copy).
     */
    List<JsValue> toJs(V8Value[] args, int from) throws JavetException {
        int n = args == null ? 0 : args.length - from;
        if (n <= 0) return HostArguments.of(NONE);
        JsValue[] out = new JsValue[n];
        for (int i = 0; i < n; i++) out[i] = toJs(args[from + i]);
        return HostArguments.of(out);
    }

    /**
     * Javet turns every {@code Date} into a Java time, so no handle to the original can exist: it
     * comes back as a {@code Proxy} over a new {@code Date} with the same time, whose methods work
     * ({@code instanceof Date} holds) but which is not the original object.
     */
    private JsValue dateObject(V8ValueZonedDateTime date) throws JavetException {
        long millis = date.getValue().toInstant().toEpochMilli();
        return toJs(bridge.helpers().invoke("date", rt.createV8ValueDouble(millis)));
    }

    /** A jsi4j value as a Javet value; object handles are passed as they are. */
    V8Value toV8(JsValue value) throws JavetException {
        if (value instanceof JsNumber n) return number(n.value());
        if (value instanceof JsObject o) return (V8Value) services.unwrap(o);
        if (value instanceof JsString s) return rt.createV8ValueString(s.value());
        if (value instanceof JsBoolean b) return rt.createV8ValueBoolean(b.value());
        if (value instanceof JsUndefined) return rt.createV8ValueUndefined();
        if (value instanceof JsNull) return rt.createV8ValueNull();
        if (value instanceof JsSymbol s) return symbols.handle(s);
        return rt.createV8ValueBigInteger(((JsBigInt) value).value());
    }

    V8Value[] toV8(List<JsValue> values) throws JavetException {
        V8Value[] out = new V8Value[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = toV8(values.get(i));
        return out;
    }

    /**
     * The value a host callback hands back to V8. Javet closes it after the call, so an object or
     * symbol is returned as a fresh handle of its own (the callback's scope releases the original;
     * a symbol's token keeps its handle until the runtime closes).
     */
    V8Value toV8Result(JsValue value) throws JavetException {
        V8Value v = toV8(value);
        return v instanceof V8ValueReference r ? r.toClone() : v; // a symbol too: its token keeps its own handle
    }

    private V8Value number(double d) throws JavetException {
        int i = (int) d;
        if (i == d && (i != 0 || Double.doubleToRawLongBits(d) == 0)) return rt.createV8ValueInteger(i);
        return rt.createV8ValueDouble(d);
    }

    // ---------------------------------------------------------------- property access (may run script)

    V8Value get(Object object, JsValue key) throws JavetException {
        // getProperty, not get: Javet's Map and typed-array handles turn get() into Map.prototype.get / an index.
        return obj(object).getProperty(toV8(key));
    }

    void set(Object object, JsValue key, JsValue value) throws JavetException {
        // V8's Object::Set fails silently (sloppy semantics); a strict-mode helper throws the TypeError.
        bridge.helpers().invokeVoid("set", (V8Value) obj(object), toV8(key), toV8(value));
    }

    boolean has(Object object, JsValue key) throws JavetException {
        return isCollection(object)
                ? Boolean.TRUE.equals(bridge.helpers().invokeBoolean("has", object, toV8(key)))
                : obj(object).has(toV8(key));
    }

    boolean delete(Object object, JsValue key) throws JavetException {
        return isCollection(object)
                ? Boolean.TRUE.equals(bridge.helpers().invokeBoolean("remove", object, toV8(key)))
                : obj(object).delete(toV8(key));
    }

    List<String> propertyNames(Object object) throws JavetException {
        try (V8ValueArray keys = bridge.helpers().invoke("keys", obj(object))) {
            List<String> names = new ArrayList<>(keys.getLength());
            keys.forEach(v -> names.add(((V8ValueString) v).getValue()));
            return names;
        }
    }

    /** Javet's handles whose has() and delete() mean the collection's methods, not property access. */
    private static boolean isCollection(Object handle) {
        return handle instanceof V8ValueMap || handle instanceof V8ValueSet
                || handle instanceof V8ValueWeakMap || handle instanceof V8ValueWeakSet;
    }

    private static V8ValueObject obj(Object handle) {
        return (V8ValueObject) Objects.requireNonNull(handle, "handle");
    }

    // ---------------------------------------------------------------- making values and handles

    /** A new array holding {@code elements}. */
    V8ValueArray newArray(List<JsValue> elements) throws JavetException {
        V8ValueArray array = rt.createV8ValueArray();
        if (!elements.isEmpty()) array.push((Object[]) toV8(elements));
        return array;
    }

    /** A new ArrayBuffer holding a copy of {@code bytes}. */
    V8ValueArrayBuffer newArrayBuffer(byte[] bytes) throws JavetException {
        V8ValueArrayBuffer buffer = rt.createV8ValueArrayBuffer(bytes.length);
        if (bytes.length > 0) buffer.getByteBuffer().duplicate().clear().put(bytes);
        return buffer;
    }

    /**
     * A copy of the buffer's bytes. Javet's toBytes()/fromBytes() move the position of one shared
     * ByteBuffer, so a second read would underflow: this reads through a fresh view instead.
     */
    static byte[] bytes(V8ValueArrayBuffer buffer) throws JavetException {
        // the size of the backing store, not the byteLength property (a script can redefine that)
        byte[] bytes = new byte[buffer.getByteBuffer().capacity()];
        buffer.getByteBuffer().duplicate().clear().get(bytes);
        return bytes;
    }

    /** Closes a handle unless the runtime or the handle already is (a collected weak handle closes itself). */
    void release(Object handle) throws JavetException {
        if (handle instanceof V8Value v && !rt.isClosed() && !(v instanceof IV8ValueReference r && r.isClosed())) {
            v.close();
        }
    }

    /**
     * A new weak handle to what {@code handle} holds, kept until {@link #releaseWeak released} or
     * the runtime closes: Javet's {@code close()} leaves a weak handle open (only
     * {@code close(true)} frees it), and V8 frees one itself only when it collects the object.
     */
    V8ValueReference weakened(V8ValueReference handle) throws JavetException {
        V8ValueReference weak = handle.toClone();
        weak.setWeak();
        if (weakHandles.size() >= compactWeakAt) {
            weakHandles.removeIf(IV8ValueReference::isClosed); // collected: Javet closed them
            compactWeakAt = Math.max(64, weakHandles.size() * 2);
        }
        weakHandles.add(weak);
        return weak;
    }

    /** Frees a weak handle made by {@link #weakened} (a collected one is already closed). */
    void releaseWeak(Object weak) throws JavetException {
        V8ValueReference r = (V8ValueReference) weak;
        weakHandles.remove(r);
        if (!rt.isClosed() && !r.isClosed()) r.close(true);
    }

    /** Frees every weak handle still open; the runtime is closing. */
    void closeWeak() throws JavetException {
        for (V8ValueReference r : List.copyOf(weakHandles)) releaseWeak(r);
    }

    static ObjectKind kindOf(Object handle) {
        return switch (handle) {
            case V8ValueArray a -> ObjectKind.ARRAY;
            case V8ValueFunction f -> ObjectKind.FUNCTION;
            case V8ValueArrayBuffer b -> ObjectKind.ARRAY_BUFFER;
            default -> ObjectKind.OBJECT;
        };
    }
}
