package org.jsi4j.graal;

import java.util.List;
import org.graalvm.polyglot.Value;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RuntimeServices;

/**
 * Conversions between polyglot {@link Value}s and jsi4j values for one runtime.
 *
 * <p>Values that crossed through jsi4j's helpers or host-function wrappers are tagged (see
 * {@code helpers.js}): a number there is a JavaScript number, a polyglot null is JavaScript null,
 * and undefined and BigInts arrive as Java markers. So {@link #fromTagged} asks each value at
 * most four cheap questions ({@code isNumber}, {@code isString}, {@code isBoolean},
 * {@code isNull}) before the object checks, and never looks up a meta object. Values from
 * elsewhere (a script's completion value, a thrown value) go through {@link #fromRaw}, which tags
 * the two ambiguous cases (an integral number, a null) with one helper call.
 */
final class GraalValues {
    private final RuntimeServices services;
    private final GraalHelpers helpers;
    private final GraalLimits limits;

    GraalValues(RuntimeServices services, GraalHelpers helpers, GraalLimits limits) {
        this.services = services;
        this.helpers = helpers;
        this.limits = limits;
    }

    /**
     * A handle: the guest object, dropped on release so that a stale {@code JsObject} somewhere
     * in Java (a dead local, say) never keeps it from the garbage collector.
     */
    static final class Handle {
        Value value;
        /** For a function called from Java with undefined {@code this}: a closure that calls it and tags the result. */
        Value caller;

        Handle(Value value) {
            this.value = value;
        }
    }

    static Value value(Object handle) {
        return ((Handle) handle).value;
    }

    /** A value that crossed through the helpers or a host-function wrapper. */
    JsValue fromTagged(Value v) {
        // a Number, String or Boolean wrapper object answers like its primitive but has members
        if (v.isNumber()) return v.hasMembers() ? object(v) : JsValue.of(v.asDouble());
        if (v.isString()) return v.hasMembers() ? object(v) : JsValue.of(v.asString());
        if (v.isBoolean()) return v.hasMembers() ? object(v) : JsValue.of(v.asBoolean());
        if (v.isNull()) return JsValue.nullValue();
        if (v.isProxyObject()) return marker(v.asProxyObject());
        return object(v);
    }

    /** A value straight from the engine: an integral number or a null may be a BigInt or undefined. */
    JsValue fromRaw(Value v) {
        if (v == null) return JsValue.undefined();
        if (v.isNumber() && !v.fitsInBigInteger() && !v.hasMembers()) return JsValue.of(v.asDouble());
        if ((v.isNumber() && !v.hasMembers()) || v.isNull()) return fromTagged(limits.exec(helpers.tag, v));
        return fromTagged(v);
    }

    private JsValue marker(Object proxy) {
        if (proxy == GraalHelpers.UNDEFINED) return JsValue.undefined();
        if (proxy instanceof GraalHelpers.BigTag big) return JsValue.of(big.value());
        if (proxy == GraalHelpers.GLOBAL) return wrap(helpers.global, ObjectKind.OBJECT);
        // a Java object jsi4j made (a host object's ProxyObject); scripts cannot reach one
        throw new IllegalStateException("jsi4j's internal object " + proxy.getClass().getSimpleName() + " reached a script");
    }

    private JsValue object(Value v) {
        if (v.hasMembers() || v.canExecute()) return wrap(v, kindOf(v));
        Value description = limits.exec(helpers.symbolDescription, v);
        return services.symbol(description.isNull() ? null : description.asString(), v);
    }

    JsObject wrap(Value v, ObjectKind kind) {
        return services.wrap(new Handle(v), kind);
    }

    ObjectKind kindOf(Value v) {
        if (v.canExecute()) return ObjectKind.FUNCTION;
        if (!v.hasArrayElements() && !v.hasBufferElements()) return ObjectKind.OBJECT;
        return switch (limits.exec(helpers.kind, v).asInt()) {
            case 1 -> ObjectKind.ARRAY;
            case 2 -> ObjectKind.FUNCTION;
            case 3 -> ObjectKind.ARRAY_BUFFER;
            default -> ObjectKind.OBJECT;
        };
    }

    /** A jsi4j value as something the polyglot API passes to the guest. */
    Object toGuest(JsValue value) {
        // most frequent first; a chain of instanceof checks the JIT folds for a known class
        if (value instanceof JsNumber n) return number(n.value());
        if (value instanceof JsString s) return s.value();
        if (value instanceof JsObject o) return value(services.unwrap(o));
        if (value instanceof JsBoolean b) return b.value();
        if (value instanceof JsUndefined) return helpers.undefined;
        if (value instanceof JsNull) return helpers.nullValue; // JavaScript's null, which Object.setPrototypeOf accepts
        if (value instanceof JsBigInt b) return limits.exec(helpers.newBigInt, b.value().toString());
        return symbol((JsSymbol) value);
    }

    /** An int when the number is one (GraalJS's own representation, and mostly a cached box), else a double. */
    static Object number(double d) {
        int i = (int) d;
        return i == d && (i != 0 || Double.doubleToRawLongBits(d) == 0) ? (Object) i : (Object) d;
    }

    private static Object symbol(JsSymbol s) {
        if (!(s.token() instanceof Value v)) {
            throw new IllegalArgumentException("A symbol from another engine was passed to this GraalJS runtime;"
                    + " symbols cannot cross runtimes");
        }
        return v;
    }

    /** The values as guest arguments, after {@code offset} free slots. */
    Object[] toGuest(List<JsValue> values, int offset) {
        int n = values.size();
        Object[] out = new Object[n + offset];
        for (int i = 0; i < n; i++) out[i + offset] = toGuest(values.get(i));
        return out;
    }
}
