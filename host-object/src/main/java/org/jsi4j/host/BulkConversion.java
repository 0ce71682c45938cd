package org.jsi4j.host;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsi4j.JsArray;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;

/**
 * Whole object graphs between JavaScript and Java data ({@code Map<String, Object>},
 * {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean}, {@code null}), with the
 * meaning of JSON: {@link #toJava} gives what {@code JSON.parse(JSON.stringify(value))} would
 * (properties that are {@code undefined}, functions or symbols are left out, in arrays they become
 * {@code null}; {@code NaN} and infinities become {@code null}; {@code toJSON} is honoured, so a
 * {@code Date} becomes its ISO string; every number is a {@code Double}).
 *
 * <p>Two paths give the same result: the {@link Path#WALK walk} reads property by property through
 * jsi-api (one engine crossing per property), and the {@link Path#JSON JSON} path crosses once
 * ({@code JSON.stringify} / {@code JSON.parse}) and parses or writes the text with Jackson's
 * streaming API. {@link BulkPolicy} chooses per engine, from measurements.
 *
 * <p>A cyclic graph, a BigInt, or nesting deeper than {@value #MAX_DEPTH} levels gives a
 * {@code TypeError} whose message starts with {@code "Cannot convert to Java data"}.
 */
public final class BulkConversion {
    /** The deepest nesting converted, on both paths. */
    public static final int MAX_DEPTH = 1000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** How a graph crosses. */
    public enum Path {
        /** Property by property through jsi-api. */
        WALK,
        /** One {@code JSON.stringify} or {@code JSON.parse} call, and Jackson on the Java side. */
        JSON
    }

    private BulkConversion() {
    }

    /** {@code value} as Java data, by the path {@link BulkPolicy} chooses for the runtime's engine. */
    public static Object toJava(JsRuntime runtime, JsValue value) {
        return toJava(runtime, value, BulkPolicy.forEngine(runtime.engine().id()).toJavaPath());
    }

    /** {@code value} as Java data, by {@code path}. */
    public static Object toJava(JsRuntime runtime, JsValue value, Path path) {
        Objects.requireNonNull(value, "value");
        if (!(value instanceof JsObject)) return new Walk().top(value);
        try (JsScope scope = runtime.openScope()) {
            return path == Path.JSON ? parse(stringify(runtime, value)) : new Walk().top(value);
        }
    }

    /**
     * {@code value} (a map, a collection, or any type {@link TypeMapping} maps) as a JavaScript
     * value, by the path {@link BulkPolicy} chooses for the engine and the graph's size.
     */
    public static JsValue toJs(JsRuntime runtime, Object value) {
        BulkPolicy policy = BulkPolicy.forEngine(runtime.engine().id());
        int nodes = policy.toJsMinNodes() == Integer.MAX_VALUE ? -1 : jsonNodes(value, 0, policy.toJsMinNodes());
        return toJs(runtime, value, nodes >= policy.toJsMinNodes() ? Path.JSON : Path.WALK);
    }

    /**
     * {@code value} as a JavaScript value, by {@code path}; the JSON path falls back to the walk for
     * a graph that holds anything but maps, collections, strings, booleans, finite numbers and nulls.
     */
    public static JsValue toJs(JsRuntime runtime, Object value, Path path) {
        if (path == Path.JSON && jsonNodes(value, 0, Integer.MAX_VALUE) >= 0) {
            JsObject json = runtime.global().get("JSON").asObject();
            return json.get("parse").asFunction().callWithThis(json, JsValue.of(write(value)));
        }
        return switch (value) {
            case Map<?, ?> m -> TypeMapping.mapToJs(runtime, m);
            case Collection<?> c -> TypeMapping.listToJs(runtime, c);
            default -> TypeMapping.toJs(runtime, value, false);
        };
    }

    /**
     * How many nodes the graph has when it is plain JSON data, counting up to {@code enough};
     * {@code -1} when it holds anything else.
     */
    static int jsonNodes(Object value, int depth, int enough) {
        if (depth > MAX_DEPTH) return -1;
        return switch (value) {
            case null -> 1;
            case String s -> 1;
            case Boolean b -> 1;
            case Integer i -> 1;
            case Long l -> 1;
            case Short s -> 1;
            case Byte b -> 1;
            case Double d -> Double.isFinite(d) ? 1 : -1;
            case Float f -> Float.isFinite(f) ? 1 : -1;
            case Map<?, ?> m -> {
                int n = 1;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String) || "__proto__".equals(e.getKey())) yield -1;
                    int child = jsonNodes(e.getValue(), depth + 1, enough - n);
                    if (child < 0) yield -1;
                    n += child;
                    if (n >= enough) yield n;
                }
                yield n;
            }
            case Collection<?> c -> {
                int n = 1;
                for (Object o : c) {
                    int child = jsonNodes(o, depth + 1, enough - n);
                    if (child < 0) yield -1;
                    n += child;
                    if (n >= enough) yield n;
                }
                yield n;
            }
            default -> -1;
        };
    }

    // ---------------------------------------------------------------- JSON path

    private static String stringify(JsRuntime runtime, JsValue value) {
        JsObject json = runtime.global().get("JSON").asObject();
        JsValue text;
        try {
            text = json.get("stringify").asFunction().callWithThis(json, value);
        } catch (JsError e) {
            if (!"TypeError".equals(e.name().orElse(null)) && !"RangeError".equals(e.name().orElse(null))) throw e;
            throw cannotConvert(e.jsMessage());
        }
        return text instanceof JsString s ? s.value() : null;
    }

    private static Object parse(String text) {
        if (text == null) return null;
        try (JsonParser parser = JSON.createParser(text)) {
            parser.nextToken();
            return read(parser);
        } catch (StreamConstraintsException e) {
            throw cannotConvert("the graph is nested deeper than " + MAX_DEPTH + " levels");
        } catch (IOException e) {
            throw new UncheckedIOException("JSON from the engine did not parse: " + e.getMessage(), e);
        }
    }

    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, read(parser));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) list.add(read(parser));
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected JSON token " + token);
        };
    }

    private static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case String s -> out.writeString(s);
            case Boolean b -> out.writeBoolean(b);
            case Integer i -> out.writeNumber(i);
            case Long l -> out.writeNumber(l);
            case Number n -> out.writeNumber(n.doubleValue());
            case Map<?, ?> m -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.writeFieldName((String) e.getKey());
                    write(out, e.getValue());
                }
                out.writeEndObject();
            }
            case Collection<?> c -> {
                out.writeStartArray();
                for (Object o : c) write(out, o);
                out.writeEndArray();
            }
            default -> throw new IllegalArgumentException("not JSON data: " + value.getClass().getName());
        }
    }

    private static JsError cannotConvert(String why) {
        return JsError.of(JsErrorType.TYPE_ERROR, "Cannot convert to Java data: " + why);
    }

    // ---------------------------------------------------------------- walk

    /** The property-by-property path, with JSON's rules. */
    private static final class Walk {
        private int depth;

        /** The value as JSON sees it, or {@link #SKIP} for what JSON leaves out. */
        Object value(JsValue value, String key) {
            return switch (value) {
                case JsUndefined u -> SKIP;
                case JsSymbol s -> SKIP;
                case JsNull n -> null;
                case JsBoolean b -> b.value();
                case JsNumber n -> Double.isFinite(n.value()) ? (n.value() == 0 ? 0.0 : n.value()) : null;
                case JsString s -> s.value();
                case JsBigInt b -> throw cannotConvert("JSON has no form for a BigInt");
                case JsFunction f -> SKIP;
                case JsObject o -> object(o, key);
            };
        }

        private Object object(JsObject object, String key) {
            if (object.get("toJSON") instanceof JsFunction toJson) return value(toJson.callWithThis(object, JsValue.of(key)), key);
            if (++depth > MAX_DEPTH) throw cannotConvert("the graph is cyclic or nested deeper than " + MAX_DEPTH + " levels");
            try {
                if (object instanceof JsArray array) {
                    int n = array.length();
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        Object v = value(array.get(i), Integer.toString(i));
                        list.add(v == SKIP ? null : v);
                    }
                    return list;
                }
                Map<String, Object> map = new LinkedHashMap<>();
                for (String name : object.propertyNames()) {
                    Object v = value(object.get(name), name);
                    if (v != SKIP) map.put(name, v);
                }
                return map;
            } finally {
                depth--;
            }
        }

        Object top(JsValue value) {
            Object v = value(value, "");
            return v == SKIP ? null : v;
        }
    }

    private static final Object SKIP = new Object();
}
