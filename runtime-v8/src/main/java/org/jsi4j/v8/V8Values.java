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
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
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
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RuntimeServices;

/**
 * Conversions between Javet values and jsi4j values. Primitives become plain Java values with no
 * handle (Javet already hands them over as Java objects); objects become handles in the current
 * scope; symbols go through {@link V8Symbols} so equal symbols are equal in Java.
 */
final class V8Values {
    private static final JsValue[] NONE = new JsValue[0];

    private final V8Runtime rt;
    private final RuntimeServices services;
    private final V8Symbols symbols;
    private V8Bridge bridge;

    V8Values(V8Runtime rt, RuntimeServices services, V8Symbols symbols) {
        this.rt = rt;
        this.services = services;
        this.symbols = symbols;
    }

    /** The bridge whose helpers rebuild dates; set once, before any conversion. */
    void bridge(V8Bridge bridge) {
        this.bridge = bridge;
    }

    /** A Javet value as a jsi4j value; objects become handles in the current scope. */
    JsValue toJs(V8Value value) throws JavetException {
        return switch (value) {
            case null -> throw new JsReleasedException("The V8 runtime is closed");
            case V8ValueUndefined u -> JsValue.undefined();
            case V8ValueNull n -> JsValue.nullValue();
            case V8ValueBoolean b -> JsValue.of(b.getValue());
            case V8ValueInteger i -> JsValue.of(i.getValue());
            case V8ValueDouble d -> JsValue.of(d.getValue());
            case V8ValueString s -> JsValue.of(s.getValue());
            case V8ValueLong l -> JsValue.of(BigInteger.valueOf(l.getValue()));
            case V8ValueBigInteger b -> JsValue.of(b.getValue());
            case V8ValueZonedDateTime z -> dateObject(z);
            case V8ValueSymbol s -> symbols.of(s);
            case IV8ValueReference r -> services.wrap(r, kindOf(r));
            default -> throw new JsEngineException("jsi4j cannot represent the V8 value " + value.getClass().getSimpleName(), null);
        };
    }

    /**
     * A host call's arguments from index {@code from} on, as an unmodifiable list over one array
     * (no intermediate list, no copy).
     */
    List<JsValue> toJs(V8Value[] args, int from) throws JavetException {
        int n = args == null ? 0 : args.length - from;
        if (n <= 0) return Args.EMPTY;
        JsValue[] out = new JsValue[n];
        for (int i = 0; i < n; i++) out[i] = toJs(args[from + i]);
        return new Args(out);
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
        return switch (value) {
            case JsUndefined u -> rt.createV8ValueUndefined();
            case JsNull n -> rt.createV8ValueNull();
            case JsBoolean b -> rt.createV8ValueBoolean(b.value());
            case JsNumber n -> number(n.value());
            case JsString s -> rt.createV8ValueString(s.value());
            case JsBigInt b -> rt.createV8ValueBigInteger(b.value());
            case JsSymbol s -> symbols.handle(s);
            case JsObject o -> (V8Value) services.unwrap(o);
        };
    }

    V8Value[] toV8(List<JsValue> values) throws JavetException {
        V8Value[] out = new V8Value[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = toV8(values.get(i));
        return out;
    }

    /**
     * The value a host callback hands back to V8. Javet closes it after the call, so an object is
     * returned as a fresh handle of its own (the callback's scope releases the original).
     */
    V8Value toV8Result(JsValue value) throws JavetException {
        V8Value v = toV8(value);
        return v instanceof V8ValueReference r && !(v instanceof V8ValueSymbol) ? r.toClone() : v;
    }

    private V8Value number(double d) throws JavetException {
        int i = (int) d;
        if (i == d && (i != 0 || Double.doubleToRawLongBits(d) == 0)) return rt.createV8ValueInteger(i);
        return rt.createV8ValueDouble(d);
    }

    static ObjectKind kindOf(Object handle) {
        return switch (handle) {
            case V8ValueArray a -> ObjectKind.ARRAY;
            case V8ValueFunction f -> ObjectKind.FUNCTION;
            case V8ValueArrayBuffer b -> ObjectKind.ARRAY_BUFFER;
            default -> ObjectKind.OBJECT;
        };
    }

    /** A host call's arguments: read-only, over the array the conversion filled. */
    private static final class Args extends AbstractList<JsValue> implements RandomAccess {
        static final Args EMPTY = new Args(NONE);
        private final JsValue[] values;

        Args(JsValue[] values) {
            this.values = values;
        }

        @Override
        public JsValue get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
