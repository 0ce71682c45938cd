package org.jsi4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jsi4j.spi.JsonGraphReader;

/**
 * Whole graphs between JavaScript and Java data with the meaning of JSON, as
 * {@link JsRuntime#toJavaData} and {@link JsRuntime#fromJavaData} define it: Java data is
 * {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean}
 * and {@code null}. This class holds the rules both directions share and the walk through the
 * engine SPI for engines without a walk of their own ({@link org.jsi4j.spi.EngineBackend#jsonGraphs()}).
 *
 * <p>Stability: experimental (with {@link JsRuntime#toJavaData} and {@link JsRuntime#fromJavaData},
 * like bulk conversion in host-object).
 */
public final class JavaData {
    /** The deepest nesting converted, in both directions. */
    public static final int MAX_DEPTH = 1000;

    private JavaData() {
    }

    /**
     * How many nodes (maps, collections and leaves) {@code value} has when it is JSON data (maps
     * with {@code String} keys other than {@code "__proto__"}, collections, strings, booleans,
     * finite numbers, nulls, at most {@link #MAX_DEPTH} levels deep), counting up to
     * {@code enough}; {@code -1} when it holds anything else.
     */
    public static int nodes(Object value, int enough) {
        return nodes(value, 0, enough);
    }

    private static int nodes(Object value, int depth, int enough) {
        if (depth > MAX_DEPTH) return -1;
        return switch (value) {
            case null -> 1;
            case Map<?, ?> m -> {
                int n = 1;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!isKey(e.getKey())) yield -1;
                    int child = nodes(e.getValue(), depth + 1, enough - n);
                    if (child < 0) yield -1;
                    n += child;
                    if (n >= enough) yield n;
                }
                yield n;
            }
            case Collection<?> c -> {
                int n = 1;
                for (Object o : c) {
                    int child = nodes(o, depth + 1, enough - n);
                    if (child < 0) yield -1;
                    n += child;
                    if (n >= enough) yield n;
                }
                yield n;
            }
            default -> isLeaf(value) ? 1 : -1;
        };
    }

    /** Whether {@code value} is a leaf of JSON data: null, a string, a boolean, an integral box, a finite double or float. */
    public static boolean isLeaf(Object value) {
        return switch (value) {
            case null -> true;
            case String s -> true;
            case Boolean b -> true;
            case Integer i -> true;
            case Long l -> true;
            case Short s -> true;
            case Byte b -> true;
            case Double d -> Double.isFinite(d);
            case Float f -> Float.isFinite(f);
            default -> false;
        };
    }

    /** Whether {@code key} can name a property of JSON data: a string other than {@code "__proto__"}. */
    public static boolean isKey(Object key) {
        return key instanceof String s && !s.equals("__proto__");
    }

    /** The {@code TypeError} for a JavaScript graph that has no form as Java data. */
    public static JsError cannotConvert(String why) {
        return JsError.of(JsErrorType.TYPE_ERROR, "Cannot convert to Java data: " + why);
    }

    /** The {@code TypeError} for a graph nested deeper than {@link #MAX_DEPTH} levels, or cyclic. */
    public static JsError tooDeep() {
        return cannotConvert("the graph is cyclic or nested deeper than " + MAX_DEPTH + " levels");
    }

    /** The {@code TypeError} for a BigInt. */
    public static JsError bigInt() {
        return cannotConvert("JSON has no form for a BigInt");
    }

    /**
     * The exception for {@code data} that a builder found not to be JSON data (it threw
     * {@code notData}): one that says where; {@code notData} itself if the data is JSON data after all.
     */
    static IllegalArgumentException explain(Object data, IllegalArgumentException notData) {
        if (nodes(data, 0, Integer.MAX_VALUE) >= 0) return notData;
        return new IllegalArgumentException("Not JSON data at " + firstNonJson(data, "$", 0) + ": fromJavaData takes maps"
                + " with String keys other than \"__proto__\", collections, strings, booleans, finite numbers and null, at"
                + " most " + MAX_DEPTH + " levels deep. Convert other Java types first (host-object's BulkConversion.toJs"
                + " and TypeMapping map records, arrays, byte buffers and more).");
    }

    private static String firstNonJson(Object value, String path, int depth) {
        if (depth > MAX_DEPTH) return path + " (nested deeper than " + MAX_DEPTH + " levels)";
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) return path + " (a key of " + describe(e.getKey()) + ")";
                if (key.equals("__proto__")) return path + " (the key \"__proto__\")";
                if (nodes(e.getValue(), depth + 1, Integer.MAX_VALUE) < 0) return firstNonJson(e.getValue(), path + "." + key, depth + 1);
            }
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                if (nodes(o, depth + 1, Integer.MAX_VALUE) < 0) return firstNonJson(o, path + "[" + i + "]", depth + 1);
                i++;
            }
        }
        return path + " (" + describe(value) + ")";
    }

    private static String describe(Object value) {
        if (value instanceof Double || value instanceof Float) return "the non-finite number " + value;
        return value == null ? "null" : "a " + value.getClass().getName();
    }

    // ---------------------------------------------------------------- through the SPI

    /** JavaScript to Java data property by property through jsi-api, with JSON's rules. */
    static final class Walk extends JsonGraphReader<JsObject> {
        private final JsRuntime runtime;

        Walk(JsRuntime runtime) {
            super(JsObject.class);
            this.runtime = runtime;
        }

        @Override
        protected Object resolve(Object value, String name, long index) {
            JsValue v = (JsValue) value;
            if (v instanceof JsObject o) {
                // toJSON and wrapper objects in one crossing, by the engine's own builtins as the runtime started with them
                v = runtime.intrinsics().entered(Intrinsics.JSON_VALUE, o, JsValue.of(key(name, index)));
                if (v instanceof JsFunction) return SKIP;
                if (v instanceof JsObject) return v;
            }
            return switch (v) {
                case JsUndefined u -> SKIP;
                case JsSymbol s -> SKIP;
                case JsNull n -> null;
                case JsBoolean b -> b.value();
                case JsNumber n -> number(n.value());
                case JsString s -> s.value();
                case JsBigInt b -> throw bigInt();
                case JsObject o -> throw new AssertionError(o);
            };
        }

        @Override
        protected boolean isArray(JsObject object) {
            return object instanceof JsArray;
        }

        @Override
        protected long length(JsObject array) {
            return ((JsArray) array).length();
        }

        @Override
        protected Object element(JsObject array, long index) {
            return ((JsArray) array).get((int) index);
        }

        @Override
        protected Object[] keys(JsObject object) {
            return object.propertyNames().toArray();
        }

        @Override
        protected Object property(JsObject object, Object key) {
            return object.get((String) key);
        }

        @Override
        protected void checkpoint() {
            runtime.checkNotStopped();
        }
    }

    /** A JavaScript number as JSON data: non-finite numbers are null, -0 is 0; small integers share their boxes. */
    public static Object number(double d) {
        if (!Double.isFinite(d)) return null;
        int i = (int) d;
        if (i == d && i >= 0 && i < SMALL_INTEGERS.length) return SMALL_INTEGERS[i]; // -0 too
        return d;
    }

    /** The boxes of 0.0 to 1023.0: a graph's counts, ids and flags convert without an allocation each. */
    private static final Double[] SMALL_INTEGERS = new Double[1024];

    static {
        for (int i = 0; i < SMALL_INTEGERS.length; i++) SMALL_INTEGERS[i] = (double) i;
    }

    /**
     * JSON data to a new JavaScript value through jsi-api (objects made with {@code newObject}, each
     * property defined as an own data property by the engine's {@code Object.defineProperty}, so no
     * setter runs); an {@link IllegalArgumentException} at the first part that is not JSON data.
     * The caller holds a scope open: every object made is a handle.
     */
    static JsValue build(JsRuntime runtime, Object data, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH);
        return switch (data) {
            case Map<?, ?> m -> {
                JsObject object = runtime.newObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!isKey(e.getKey())) throw new IllegalArgumentException("key");
                    JsValue value = build(runtime, e.getValue(), depth + 1);
                    runtime.intrinsics().direct(Intrinsics.DEFINE, object, JsValue.of((String) e.getKey()), value);
                }
                yield object;
            }
            case Collection<?> c -> {
                List<JsValue> elements = new ArrayList<>(c.size());
                for (Object o : c) elements.add(build(runtime, o, depth + 1));
                yield runtime.newArray(elements);
            }
            case String s -> JsValue.of(s);
            case Boolean b -> JsValue.of(b);
            case null -> JsValue.nullValue();
            default -> {
                if (!isLeaf(data)) throw new IllegalArgumentException("leaf");
                yield JsValue.of(((Number) data).doubleValue());
            }
        };
    }
}
