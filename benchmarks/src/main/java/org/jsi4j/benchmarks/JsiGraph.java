package org.jsi4j.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsArray;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;

/**
 * Copies a JSON-like object graph from JavaScript into plain Java ({@code Map}, {@code List},
 * {@code String}, {@code Double}, {@code Boolean}, {@code null}) and back, through jsi4j only.
 * Handles made on the way belong to the caller's current scope.
 */
public final class JsiGraph {
    private JsiGraph() {
    }

    /** A deep Java copy of {@code value}. */
    public static Object toJava(JsValue value) {
        return switch (value) {
            case JsUndefined u -> null;
            case JsNull n -> null;
            case JsBoolean b -> b.value();
            case JsNumber n -> n.value();
            case JsString s -> s.value();
            case JsArray a -> {
                int n = a.length();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) list.add(toJava(a.get(i)));
                yield list;
            }
            case JsObject o -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (String key : o.propertyNames()) map.put(key, toJava(o.get(key)));
                yield map;
            }
            case JsBigInt b -> throw new IllegalArgumentException("a BigInt is not part of a JSON-like graph");
            case JsSymbol s -> throw new IllegalArgumentException("a symbol is not part of a JSON-like graph");
        };
    }

    /** A new JavaScript graph in {@code runtime} equal to the Java graph {@code value}. */
    public static JsValue toJs(JsRuntime runtime, Object value) {
        return switch (value) {
            case null -> JsValue.nullValue();
            case Boolean b -> JsValue.of(b);
            case Number n -> JsValue.of(n.doubleValue());
            case String s -> JsValue.of(s);
            case List<?> list -> {
                List<JsValue> elements = new ArrayList<>(list.size());
                for (Object element : list) elements.add(toJs(runtime, element));
                yield runtime.newArray(elements);
            }
            case Map<?, ?> map -> {
                JsObject o = runtime.newObject();
                for (Map.Entry<?, ?> e : map.entrySet()) o.set((String) e.getKey(), toJs(runtime, e.getValue()));
                yield o;
            }
            default -> throw new IllegalArgumentException("not part of a JSON-like graph: " + value.getClass().getName());
        };
    }
}
