package org.jsi4j.rhino;

import java.math.BigInteger;
import java.util.List;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RuntimeServices;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.JSFunction;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.Undefined;
import org.mozilla.javascript.typedarrays.NativeArrayBuffer;

/**
 * Converts values between Rhino and jsi4j, both ways. Numbers, strings, booleans, {@code null}
 * and {@code undefined} become plain {@link JsValue}s and back without any handle; only objects
 * become handles ({@link RuntimeServices#wrap}, an {@link ObjectHandle} in the current scope).
 * The global object crossing as the {@code this} of a host function is one handle made once
 * ({@link #thisValue}), as Rhino's own {@code LambdaFunction} passes its {@code this} through
 * without any work.
 */
final class RhinoValues {
    private final RuntimeServices services;
    private final Scriptable global;
    private JsObject globalHandle;

    RhinoValues(RuntimeServices services, Scriptable global) {
        this.services = services;
        this.global = global;
    }

    /** A Rhino value as a jsi4j value; objects become handles in the current scope. */
    JsValue toJs(Object value) {
        if (value instanceof Double d) return JsValue.of(d.doubleValue());
        if (value instanceof String s) return JsValue.of(s);
        if (value instanceof Scriptable s) return s == Undefined.SCRIPTABLE_UNDEFINED ? JsUndefined.INSTANCE : wrap(s);
        if (value instanceof Integer i) return JsValue.of(i.doubleValue());
        if (value instanceof Boolean b) return JsValue.of(b.booleanValue());
        if (value == null) return JsNull.INSTANCE;
        if (value == Undefined.instance || value == Scriptable.NOT_FOUND) return JsUndefined.INSTANCE;
        if (value instanceof CharSequence s) return JsValue.of(s.toString());
        if (value instanceof BigInteger b) return new JsBigInt(b);
        if (value instanceof Number n) return JsValue.of(n.doubleValue());
        if (value instanceof Symbol s) return services.symbol(describe(s), s);
        throw new JsEngineException("Rhino returned a value jsi4j does not know: " + value.getClass().getName(), null);
    }

    /** A Rhino object as a new handle in the current scope. */
    JsObject wrap(Scriptable object) {
        return services.wrap(new ObjectHandle(object), kind(object));
    }

    /** The {@code this} a host function receives: the global object's one permanent handle, or a value. */
    JsValue thisValue(Scriptable self) {
        if (self == global) {
            JsObject g = globalHandle;
            if (g == null) globalHandle = g = services.wrapPermanent(new ObjectHandle(global), ObjectKind.OBJECT);
            return g;
        }
        if (self == null || self == Undefined.SCRIPTABLE_UNDEFINED) return JsUndefined.INSTANCE;
        return wrap(self);
    }

    /**
     * The {@code this} Rhino's own {@code Function.prototype.call} would pass: a sloppy function
     * called with {@code undefined} or {@code null} gets the global object, a strict one keeps the
     * value. Rhino boxes primitive {@code this} values for every function (its
     * {@code Callable.call} takes a {@code Scriptable}), strict or not.
     */
    Scriptable thisFor(Context cx, Callable callable, Object self) {
        if (self instanceof Scriptable s) return s;
        if (self == null || self == Undefined.instance) {
            if (callable instanceof JSFunction f && !f.isStrict()) return global;
            return self == null ? null : Undefined.SCRIPTABLE_UNDEFINED;
        }
        return ScriptRuntime.toObject(cx, global, self);
    }

    /** A jsi4j value as a Rhino value. */
    Object toRhino(JsValue value) {
        if (value instanceof JsNumber n) return n.value();
        if (value instanceof JsString s) return s.value();
        if (value instanceof JsObject o) return ((ObjectHandle) services.unwrap(o)).object();
        if (value instanceof JsBoolean b) return b.value();
        if (value instanceof JsUndefined || value == null) return Undefined.instance;
        if (value instanceof JsNull) return null;
        if (value instanceof JsBigInt b) return b.value();
        return ((JsSymbol) value).token();
    }

    Object[] toRhino(List<JsValue> values) {
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = toRhino(values.get(i));
        return out;
    }

    /**
     * A property key as Rhino takes it: an {@code Integer} for an array index (from a number or
     * a canonical index string), a {@code String} for any other name, a Rhino symbol for a symbol.
     */
    static Object toKey(JsValue key) {
        if (key instanceof JsString s) {
            int index = arrayIndex(s.value());
            return index >= 0 ? (Object) index : s.value();
        }
        if (key instanceof JsNumber n) {
            double d = n.value();
            if (d == Math.rint(d) && d >= 0 && d <= Integer.MAX_VALUE) return (int) d; // -0 too
            return n.toString();
        }
        if (key instanceof JsSymbol s) return s.token();
        return key.toString();
    }

    /** The index a property name denotes ({@code "0"}, {@code "17"}), or -1 for any other name. */
    static int arrayIndex(String name) {
        int n = name.length();
        if (n == 0 || n > 10) return -1;
        char first = name.charAt(0);
        if (first < '0' || first > '9' || first == '0' && n > 1) return -1;
        long value = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value <= Integer.MAX_VALUE ? (int) value : -1;
    }

    static ObjectKind kind(Scriptable object) {
        if (object instanceof NativeArray) return ObjectKind.ARRAY;
        if (object instanceof Callable) return ObjectKind.FUNCTION;
        if (object instanceof NativeArrayBuffer) return ObjectKind.ARRAY_BUFFER;
        return ObjectKind.OBJECT;
    }

    static String describe(Symbol symbol) {
        String name = symbol.getName();
        return name == null || name.isEmpty() && symbol.getKind() == Symbol.Kind.REGULAR ? null : name;
    }
}
