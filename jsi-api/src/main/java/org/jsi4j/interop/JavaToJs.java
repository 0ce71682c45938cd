package org.jsi4j.interop;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jsi4j.JsArray;
import org.jsi4j.JsConversionException;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * Java values to JavaScript values: {@code null} to {@code null}; booleans, numbers and strings
 * to primitives ({@link BigInteger} to a BigInt, {@code long} beyond 2^53 refused rather than
 * rounded); enums to their constant name; {@link Optional} to its value or {@code undefined};
 * {@link Instant} to a {@code Date}; records, {@code Map}s (String keys) and beans (public
 * {@code getX}/{@code isX} getters) to plain objects; {@code Collection}s and arrays to arrays;
 * {@link JsValue}s as they are. Each conversion copies: later changes on either side are not seen
 * by the other (expose a live Java object with host-object's {@code NativeModule} instead). A
 * structure deeper than 64 levels (a cycle, usually) fails with a {@link JsConversionException}.
 */
public final class JavaToJs {
    private static final int MAX_DEPTH = 64;
    private static final double MAX_SAFE = 0x1p53 - 1;

    private JavaToJs() {
    }

    /** {@code value} as a JavaScript value of {@code runtime}. */
    public static JsValue convert(JsRuntime runtime, Object value) {
        return convert(runtime, value, "$", 0);
    }

    private static JsValue convert(JsRuntime rt, Object value, String path, int depth) {
        if (depth > MAX_DEPTH) throw new JsConversionException(path, "a structure at most " + MAX_DEPTH + " levels deep",
                "a deeper one (a cycle?)");
        return switch (value) {
            case null -> JsValue.nullValue();
            case JsValue v -> v;
            case String s -> JsValue.of(s);
            case Boolean b -> JsValue.of(b);
            case Character c -> JsValue.of(String.valueOf(c));
            case Integer i -> JsValue.of(i);
            case Long l -> {
                if (Math.abs((double) l) > MAX_SAFE) throw new JsConversionException(path, "a long within 2^53", l.toString());
                yield JsValue.of(l);
            }
            case BigInteger b -> JsValue.of(b);
            case BigDecimal d -> JsValue.of(d.doubleValue());
            case Number n -> JsValue.of(n.doubleValue());
            case Enum<?> e -> JsValue.of(e.name());
            case Optional<?> o -> o.isPresent() ? convert(rt, o.get(), path, depth + 1) : JsValue.undefined();
            case Instant i -> rt.newDate(i.toEpochMilli());
            case Record r -> record(rt, r, path, depth);
            case Map<?, ?> m -> map(rt, m, path, depth);
            case Collection<?> c -> {
                JsArray out = rt.newArray(0);
                int i = 0;
                for (Object element : c) out.set(i, convert(rt, element, path + "[" + i++ + "]", depth + 1));
                yield out;
            }
            default -> value.getClass().isArray() ? array(rt, value, path, depth) : bean(rt, value, path, depth);
        };
    }

    private static JsObject record(JsRuntime rt, Record r, String path, int depth) {
        JsObject out = rt.newObject();
        Records.components(r).forEach((name, v) -> out.set(name, convert(rt, v, path + "." + name, depth + 1)));
        return out;
    }

    private static JsObject map(JsRuntime rt, Map<?, ?> m, String path, int depth) {
        JsObject out = rt.newObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new JsConversionException(path, "a Map with String keys", "a key " + e.getKey());
            }
            out.set(key, convert(rt, e.getValue(), path + "[\"" + key + "\"]", depth + 1));
        }
        return out;
    }

    private static JsArray array(JsRuntime rt, Object array, String path, int depth) {
        int n = Array.getLength(array);
        JsArray out = rt.newArray(0);
        for (int i = 0; i < n; i++) out.set(i, convert(rt, Array.get(array, i), path + "[" + i + "]", depth + 1));
        return out;
    }

    /** A bean: its public no-argument getters ({@code getName} gives {@code name}, {@code isOpen} gives {@code open}). */
    private static JsObject bean(JsRuntime rt, Object bean, String path, int depth) {
        if (!Modifier.isPublic(bean.getClass().getModifiers())) {
            throw new JsConversionException(path, "a record, Map, List, array or public bean", "a "
                    + bean.getClass().getName());
        }
        JsObject out = rt.newObject();
        for (Method m : bean.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) continue;
            String name = propertyName(m);
            if (name != null) out.set(name, convert(rt, invoke(m, bean), path + "." + name, depth + 1));
        }
        return out;
    }

    private static String propertyName(Method m) {
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) return decapitalize(n.substring(3));
        if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) return decapitalize(n.substring(2));
        return null;
    }

    private static String decapitalize(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + m + ": " + e.getMessage(), e);
        }
    }
}
