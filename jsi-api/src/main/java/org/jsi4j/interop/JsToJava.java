package org.jsi4j.interop;

import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsi4j.JsArray;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsConversionException;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;

/**
 * JavaScript values to Java values of a declared type, strictly: a number becomes an {@code int}
 * only when it is one exactly, a string is never parsed into a number, nothing becomes a
 * {@code Double} unless {@code double} was asked for. A value that does not fit fails with a
 * {@link JsConversionException} naming the path inside the structure.
 *
 * <p>Targets: {@code int/long/short/byte/double/float} and their boxes, {@link BigInteger},
 * {@link BigDecimal}, {@code String}, {@code boolean}, {@code char}; enums (by constant name);
 * {@link Optional} (empty for {@code undefined}/{@code null}); {@link Instant} (a {@code Date},
 * epoch milliseconds or an ISO-8601 string); {@code List<T>}, arrays {@code T[]} and primitive
 * arrays (from JavaScript arrays); {@code Map<String, V>} and records (from objects, by own
 * enumerable keys / component names); {@link JsValue} and its kinds (as they are); {@code Object}
 * (the natural Java value: Boolean, Integer/Long/Double, BigInteger, String, List, Map, or the
 * {@link JsValue} itself for functions and symbols).
 */
public final class JsToJava {
    private static final double MAX_SAFE = 0x1p53 - 1;

    private JsToJava() {
    }

    /** {@code value} as a {@code type}; {@code $} names the value itself in errors. */
    public static Object convert(JsValue value, Type type) {
        return convert(value, type, "$");
    }

    static Object convert(JsValue value, Type type, String path) {
        Class<?> raw = Types.raw(type);
        if (raw == Optional.class) {
            return value.isNullish() ? Optional.empty() : Optional.of(convert(value, Types.argument(type, 0), path));
        }
        if (JsValue.class.isAssignableFrom(raw)) {
            if (!raw.isInstance(value)) throw fail(path, type, value);
            return value;
        }
        if (value.isNullish()) {
            if (raw.isPrimitive()) throw fail(path, type, value);
            return null;
        }
        if (raw == Object.class) return natural(value, path);
        if (raw == String.class) {
            if (value instanceof JsString s) return s.value();
            throw fail(path, type, value);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (value instanceof JsBoolean b) return b.value();
            throw fail(path, type, value);
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) return number(value, raw, type, path);
        if (raw == char.class || raw == Character.class) {
            if (value instanceof JsString s && s.value().length() == 1) return s.value().charAt(0);
            throw fail(path, type, value);
        }
        if (raw.isEnum()) return enumConstant(value, raw, type, path);
        if (raw == Instant.class) return instant(value, type, path);
        if (raw.isArray()) return array(value, Types.component(type), type, path);
        if (raw == List.class || raw == Iterable.class || raw == java.util.Collection.class) {
            return list(value, Types.argument(type, 0), type, path);
        }
        if (raw == Map.class) {
            if (Types.raw(Types.argument(type, 0)) != String.class && Types.raw(Types.argument(type, 0)) != Object.class) {
                throw new IllegalArgumentException("a Map from JavaScript has String keys, not " + Types.name(type));
            }
            return map(value, Types.argument(type, 1), type, path);
        }
        if (raw.isRecord()) return record(value, raw, type, path);
        throw new IllegalArgumentException("jsi4j cannot convert a JavaScript value to " + Types.name(type)
                + "; use a record, a List, a Map, an enum, a boxed number, String, boolean, Optional or Instant");
    }

    private static Object number(JsValue value, Class<?> raw, Type type, String path) {
        Object n = exactNumber(value, raw);
        if (n == null) throw fail(path, type, value);
        return n;
    }

    /**
     * {@code value} as a Java number of type {@code target} (a primitive number type, its box,
     * {@link BigInteger} or {@link BigDecimal}) when it fits exactly, else {@code null}: an integer
     * type only from an integral number in its range ({@code long} within 2^53, or a BigInt that
     * fits), never from a string; {@code double} and {@code float} from any number. The rule
     * {@link #convert} and host-object's parameter mapping share.
     */
    public static Object exactNumber(JsValue value, Class<?> target) {
        if (target == BigInteger.class) {
            if (value instanceof JsBigInt b) return b.value();
            if (value instanceof JsNumber n && isInteger(n.value())) return new BigDecimal(n.value()).toBigIntegerExact();
            return null;
        }
        if (target == BigDecimal.class) {
            if (value instanceof JsBigInt b) return new BigDecimal(b.value());
            if (value instanceof JsNumber n && Double.isFinite(n.value())) return BigDecimal.valueOf(n.value());
            return null;
        }
        if (!(value instanceof JsNumber n)) {
            if (value instanceof JsBigInt b && (target == long.class || target == Long.class) && b.value().bitLength() < 64) {
                return b.value().longValueExact();
            }
            return null;
        }
        double d = n.value();
        if (target == double.class || target == Double.class) return d;
        if (target == float.class || target == Float.class) return (float) d;
        if (!isInteger(d)) return null;
        if (target == int.class || target == Integer.class) {
            return d < Integer.MIN_VALUE || d > Integer.MAX_VALUE ? null : (Object) (int) d;
        }
        if (target == long.class || target == Long.class) {
            return Math.abs(d) > MAX_SAFE ? null : (Object) (long) d; // beyond 2^53 the number is not exact
        }
        if (target == short.class || target == Short.class) {
            return d < Short.MIN_VALUE || d > Short.MAX_VALUE ? null : (Object) (short) d;
        }
        if (target == byte.class || target == Byte.class) {
            return d < Byte.MIN_VALUE || d > Byte.MAX_VALUE ? null : (Object) (byte) d;
        }
        return null;
    }

    private static boolean isInteger(double d) {
        return Double.isFinite(d) && d == Math.rint(d);
    }

    private static Object enumConstant(JsValue value, Class<?> raw, Type type, String path) {
        if (value instanceof JsString s) {
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(s.value())) return constant;
            }
        }
        throw fail(path, type, value);
    }

    private static Instant instant(JsValue value, Type type, String path) {
        if (value instanceof JsNumber n && Double.isFinite(n.value())) return Instant.ofEpochMilli((long) n.value());
        if (value instanceof JsString s) {
            try {
                return Instant.parse(s.value());
            } catch (DateTimeParseException e) {
                throw fail(path, type, value);
            }
        }
        if (value instanceof JsObject o && !(o instanceof JsFunction)) {
            JsValue getTime = o.get("getTime");
            if (getTime instanceof JsFunction f && f.callWithThis(o) instanceof JsNumber t && Double.isFinite(t.value())) {
                return Instant.ofEpochMilli((long) t.value());
            }
        }
        throw fail(path, type, value);
    }

    private static List<Object> list(JsValue value, Type element, Type type, String path) {
        if (!(value instanceof JsArray a)) throw fail(path, type, value);
        int n = a.length();
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(convert(a.get(i), element, path + "[" + i + "]"));
        return out;
    }

    private static Object array(JsValue value, Type component, Type type, String path) {
        if (!(value instanceof JsArray a)) throw fail(path, type, value);
        int n = a.length();
        Object out = Array.newInstance(Types.raw(component), n);
        for (int i = 0; i < n; i++) Array.set(out, i, convert(a.get(i), component, path + "[" + i + "]"));
        return out;
    }

    private static Map<String, Object> map(JsValue value, Type valueType, Type type, String path) {
        if (!(value instanceof JsObject o) || o instanceof JsFunction || o instanceof JsArray) throw fail(path, type, value);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : o.propertyNames()) out.put(key, convert(o.get(key), valueType, path + member(key)));
        return out;
    }

    private static Object record(JsValue value, Class<?> raw, Type type, String path) {
        if (!(value instanceof JsObject o) || o instanceof JsFunction || o instanceof JsArray) throw fail(path, type, value);
        List<Records.Component> components = Records.components(raw);
        Object[] args = new Object[components.size()];
        for (int i = 0; i < args.length; i++) {
            Records.Component c = components.get(i);
            args[i] = convert(o.get(c.name()), c.type(), path + member(c.name()));
        }
        java.lang.invoke.MethodHandle constructor = Records.constructor(raw);
        try {
            return (Object) constructor.invokeExact(args);
        } catch (RuntimeException e) {
            // the record's own validation refused the values
            throw new JsConversionException(path, Types.name(type), "values its constructor refused (" + e.getMessage() + ")");
        } catch (Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(raw.getName() + "'s constructor failed: " + t, t);
        }
    }

    /** The natural Java value for an {@code Object} target. */
    private static Object natural(JsValue value, String path) {
        return switch (value) {
            case JsBoolean b -> b.value();
            case JsNumber n -> isInteger(n.value()) && Math.abs(n.value()) <= Integer.MAX_VALUE ? (Object) (int) n.value()
                    : isInteger(n.value()) && Math.abs(n.value()) <= MAX_SAFE ? (Object) (long) n.value() : (Object) n.value();
            case JsBigInt b -> b.value();
            case JsString s -> s.value();
            case JsArray a -> list(a, Object.class, List.class, path);
            case JsFunction f -> f;
            case JsObject o -> map(o, Object.class, Map.class, path);
            case JsSymbol s -> s;
            default -> null;
        };
    }

    private static String member(String key) {
        return key.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? "." + key : "[" + quote(key) + "]";
    }

    static JsConversionException fail(String path, Type type, JsValue value) {
        return new JsConversionException(path, Types.name(type), describe(value));
    }

    /** A value described briefly for a message: strings quoted, objects by kind. */
    static String describe(JsValue value) {
        return switch (value) {
            case JsString s -> quote(s.value().length() > 40 ? s.value().substring(0, 40) + "…" : s.value());
            case JsNumber n -> n.toString();
            case JsBigInt b -> b.value() + "n";
            case JsBoolean b -> Boolean.toString(b.value());
            case JsArray a -> "an array";
            case JsFunction f -> "a function";
            case JsObject o -> "an object";
            case JsSymbol s -> s.toString();
            default -> value.isNull() ? "null" : "undefined";
        };
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
