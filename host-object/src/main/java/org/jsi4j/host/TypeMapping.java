package org.jsi4j.host;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jsi4j.HostObject;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsValue;
import org.jsi4j.interop.JsToJava;
import org.jsi4j.interop.Records;
import org.jsi4j.interop.Types;

/**
 * Converts between JavaScript values and Java values of declared types, both ways; the table is in
 * host-object's README. In short: {@code boolean}, {@code int}, {@code long}, {@code double} and
 * {@code String} map to their JavaScript primitives (strictly: no coercion); {@link JsValue} and its
 * kinds pass through; {@code List<T>} maps to arrays, {@code Map<String, V>} and records to plain
 * objects; {@code byte[]} and {@link ByteBuffer} to {@code ArrayBuffer} (typed arrays are accepted
 * too); {@code Optional<T>} to the value or {@code undefined}/{@code null}; a returned
 * {@link CompletionStage} becomes a {@code Promise} settled on the JS thread; a JavaScript function
 * received for a Java functional interface is called through it. {@code Object},
 * {@code Map<String, Object>} and {@code List<Object>} receive JSON data through
 * {@link BulkConversion}.
 *
 * <p>A value of the wrong type gives a JavaScript {@code TypeError} whose message names where it
 * was going ({@code "storage.set(): parameter 'value' must be a string, got a number"}).
 */
public final class TypeMapping {
        private TypeMapping() {
    }

    // ---------------------------------------------------------------- JavaScript to Java

    /**
     * {@code value} as a Java value of type {@code target}.
     *
     * @param where what receives the value, for error messages ({@code "storage.set(): parameter 'key'"})
     * @throws JsError a {@code TypeError} when the value does not fit the type
     */
    public static Object toJava(JsRuntime runtime, JsValue value, Type target, String where) {
        Class<?> raw = Types.raw(target);
        if (raw == Optional.class) {
            return value.isNullish() ? Optional.empty() : Optional.of(toJava(runtime, value, Types.argument(target, 0), where));
        }
        if (raw == Object.class) return BulkConversion.toJava(runtime, value);
        if (JsValue.class.isAssignableFrom(raw)) {
            if (raw.isInstance(value)) return value;
            throw mismatch(where, describe(raw), value);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (value instanceof JsBoolean b) return b.value();
            throw mismatch(where, "a boolean", value);
        }
        if (raw == double.class || raw == Double.class) return number(value, raw, where, "a number");
        if (raw == int.class || raw == Integer.class) return number(value, raw, where, "an integer (int)");
        if (raw == long.class || raw == Long.class) {
            return number(value, raw, where, "a safe integer or a BigInt within the range of long");
        }
        if (raw == String.class) {
            if (value instanceof JsString s) return s.value();
            throw mismatch(where, "a string", value);
        }
        if (raw == byte[].class) return bytes(value, where);
        if (raw == ByteBuffer.class) return ByteBuffer.wrap(bytes(value, where));
        if (raw == List.class) return list(runtime, value, Types.argument(target, 0), where);
        if (raw == Map.class) return map(runtime, value, Types.argument(target, 1), where);
        if (raw.isRecord()) return record(runtime, value, raw, where);
        if (Callbacks.isFunctionalInterface(raw)) {
            if (value instanceof org.jsi4j.JsFunction f) return Callbacks.proxy(runtime, f, raw, target, where);
            throw mismatch(where, "a function", value);
        }
        throw new IllegalArgumentException(where + ": Java type " + target.getTypeName() + " cannot receive a JavaScript value");
    }

    /**
     * Checks, once when a module is bound, that JavaScript values can be converted to {@code target}.
     *
     * @throws IllegalArgumentException naming the type when they cannot
     */
    static void checkParameterType(Type target, String where) {
        Class<?> raw = Types.raw(target);
        if (raw == Optional.class || raw == List.class) {
            checkParameterType(Types.argument(target, 0), where);
        } else if (raw == Map.class) {
            Class<?> key = Types.raw(Types.argument(target, 0));
            if (key != String.class && key != Object.class) {
                throw new IllegalArgumentException(where + ": a Map parameter needs String keys, not " + key.getName());
            }
            checkParameterType(Types.argument(target, 1), where);
        } else if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) checkParameterType(c.getGenericType(), where + "." + c.getName());
        } else if (!(raw == Object.class || JsValue.class.isAssignableFrom(raw) || raw == boolean.class || raw == Boolean.class
                || raw == double.class || raw == Double.class || raw == int.class || raw == Integer.class || raw == long.class
                || raw == Long.class || raw == String.class || raw == byte[].class || raw == ByteBuffer.class
                || Callbacks.isFunctionalInterface(raw))) {
            throw new IllegalArgumentException(where + ": Java type " + target.getTypeName()
                    + " cannot receive a JavaScript value; use one of the types in host-object's README (type mapping)");
        }
    }

    /** A number by {@link JsToJava#exactNumber}'s rule, the one {@code JsValue.as} follows. */
    private static Object number(JsValue value, Class<?> raw, String where, String expected) {
        Object n = JsToJava.exactNumber(value, raw);
        if (n == null) throw mismatch(where, expected, value);
        return n;
    }

    private static byte[] bytes(JsValue value, String where) {
        if (value instanceof JsArrayBuffer b) return b.toByteArray();
        if (value instanceof JsObject view && !(value instanceof org.jsi4j.JsFunction)
                && view.get("buffer") instanceof JsArrayBuffer buffer
                && view.get("byteOffset") instanceof JsNumber offset && view.get("byteLength") instanceof JsNumber length) {
            byte[] all = buffer.toByteArray();
            int from = (int) offset.value();
            return java.util.Arrays.copyOfRange(all, from, from + (int) length.value());
        }
        throw mismatch(where, "an ArrayBuffer or a typed array", value);
    }

    private static List<Object> list(JsRuntime runtime, JsValue value, Type element, String where) {
        if (!(value instanceof JsArray array)) throw mismatch(where, "an array", value);
        if (Types.raw(element) == Object.class) return castList(BulkConversion.toJava(runtime, array));
        int n = array.length();
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(toJava(runtime, array.get(i), element, where + "[" + i + "]"));
        return out;
    }

    private static Map<String, Object> map(JsRuntime runtime, JsValue value, Type valueType, String where) {
        if (!isPlainObject(value)) throw mismatch(where, "an object", value);
        if (Types.raw(valueType) == Object.class) return castMap(BulkConversion.toJava(runtime, value));
        JsObject object = (JsObject) value;
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : object.propertyNames()) {
            out.put(key, toJava(runtime, object.get(key), valueType, where + "." + key));
        }
        return out;
    }

    private static Object record(JsRuntime runtime, JsValue value, Class<?> type, String where) {
        if (!isPlainObject(value)) throw mismatch(where, "an object with the fields of " + type.getSimpleName(), value);
        JsObject object = (JsObject) value;
        List<Records.Component> components = Records.components(type);
        Object[] args = new Object[components.size()];
        for (int i = 0; i < args.length; i++) {
            String name = components.get(i).name();
            args[i] = toJava(runtime, object.get(name), components.get(i).type(), where + "." + name);
        }
        MethodHandle constructor = Records.constructor(type);
        try {
            return (Object) constructor.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(type.getName() + "'s constructor failed: " + t, t);
        }
    }

    private static boolean isPlainObject(JsValue value) {
        return value instanceof JsObject o && !(o instanceof JsArray) && !(o instanceof org.jsi4j.JsFunction)
                && !(o instanceof JsArrayBuffer);
    }

    // ---------------------------------------------------------------- Java to JavaScript

    /**
     * {@code value} as a JavaScript value: see the class description. Java {@code null} becomes
     * {@code null}, an empty {@link Optional} {@code undefined}, a {@code long} a number (exact up
     * to 2^53).
     *
     * @throws IllegalArgumentException for a Java type with no JavaScript form
     */
    public static JsValue toJs(JsRuntime runtime, Object value) {
        return toJs(runtime, value, true);
    }

    /** As {@link #toJs(JsRuntime, Object)}; lists and maps go through {@link BulkConversion} when {@code bulk}. */
    static JsValue toJs(JsRuntime runtime, Object value, boolean bulk) {
        return switch (value) {
            case null -> JsValue.nullValue();
            case JsValue v -> v;
            case Boolean b -> JsValue.of(b);
            case String s -> JsValue.of(s);
            case Character c -> JsValue.of(c.toString());
            case BigInteger b -> JsValue.of(b);
            case Number n -> JsValue.of(n.doubleValue());
            case Enum<?> e -> JsValue.of(e.name());
            case byte[] b -> runtime.newArrayBuffer(b);
            case ByteBuffer b -> runtime.newArrayBuffer(remaining(b));
            case Optional<?> o -> o.isPresent() ? toJs(runtime, o.get(), bulk) : JsValue.undefined();
            case CompletionStage<?> f -> Futures.promise(runtime, f);
            case HostObject h -> runtime.hostObject(h);
            case Record r -> recordToJs(runtime, r);
            case Map<?, ?> m -> bulk ? BulkConversion.toJs(runtime, m) : mapToJs(runtime, m);
            case Collection<?> c -> bulk ? BulkConversion.toJs(runtime, c) : listToJs(runtime, c);
            default -> {
                if (value.getClass().isArray()) yield listToJs(runtime, arrayAsList(value));
                throw new IllegalArgumentException("A Java " + value.getClass().getName()
                        + " has no JavaScript form; return one of the types in host-object's README (type mapping)");
            }
        };
    }

    static JsObject mapToJs(JsRuntime runtime, Map<?, ?> map) {
        JsObject object = runtime.newObject();
        for (Map.Entry<?, ?> e : map.entrySet()) object.set(String.valueOf(e.getKey()), toJs(runtime, e.getValue(), false));
        return object;
    }

    static JsArray listToJs(JsRuntime runtime, Collection<?> list) {
        List<JsValue> elements = new ArrayList<>(list.size());
        for (Object o : list) elements.add(toJs(runtime, o, false));
        return runtime.newArray(elements);
    }

    private static JsObject recordToJs(JsRuntime runtime, Record record) {
        JsObject object = runtime.newObject();
        Records.components(record).forEach((name, v) -> object.set(name, toJs(runtime, v, true)));
        return object;
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static List<Object> arrayAsList(Object array) {
        int n = Array.getLength(array);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(Array.get(array, i));
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** A {@code TypeError} saying what {@code where} needed and what it got. */
    static JsError mismatch(String where, String expected, JsValue got) {
        return JsError.of(JsErrorType.TYPE_ERROR, where + " must be " + expected + ", got " + describe(got));
    }

    /** How a value is named in messages: {@code a number}, {@code an array}, {@code null}. */
    static String describe(JsValue value) {
        return switch (value) {
            case org.jsi4j.JsUndefined u -> "undefined";
            case JsNull n -> "null";
            case JsArray a -> "an array";
            case JsArrayBuffer b -> "an ArrayBuffer";
            case org.jsi4j.JsFunction f -> "a function";
            case JsObject o -> "an object";
            default -> (value.typeOf().matches("^[aeiou].*") ? "an " : "a ") + value.typeOf();
        };
    }

    private static String describe(Class<?> jsType) {
        if (jsType == JsValue.class) return "a value";
        if (jsType == JsArray.class) return "an array";
        if (jsType == JsArrayBuffer.class) return "an ArrayBuffer";
        if (jsType == org.jsi4j.JsFunction.class) return "a function";
        if (jsType == JsObject.class) return "an object";
        return "a " + jsType.getSimpleName().replaceFirst("^Js", "").toLowerCase(java.util.Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object list) {
        return (List<Object>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }

}
