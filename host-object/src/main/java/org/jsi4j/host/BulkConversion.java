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
import org.jsi4j.JavaData;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsString;
import org.jsi4j.JsValue;

/**
 * Whole object graphs between JavaScript and Java data ({@code Map<String, Object>},
 * {@code List<Object>}, {@code String}, {@code Double}, {@code Boolean}, {@code null}), with the
 * meaning of JSON: {@link #toJava} gives what {@code JSON.parse(JSON.stringify(value))} would
 * (properties that are {@code undefined}, functions or symbols are left out, in arrays they become
 * {@code null}; {@code NaN} and infinities become {@code null}; {@code toJSON} is honoured, so a
 * {@code Date} becomes its ISO string; every number is a {@code Double}).
 *
 * <p>Two paths give the same result: the {@link Path#WALK walk} is {@link JsRuntime#toJavaData} and
 * {@link JsRuntime#fromJavaData} (Rhino walks its own objects' slots; the other engines cross once
 * per property through jsi-api), and the {@link Path#JSON JSON} path crosses once
 * ({@code JSON.stringify} / {@code JSON.parse}) and parses or writes the text with Jackson's
 * streaming API. {@link BulkPolicy} chooses per engine, from measurements. Java data that is not
 * plain JSON data (records, arrays, byte buffers, non-finite numbers...) goes through
 * {@link TypeMapping} on either path.
 *
 * <p>A cyclic graph, a BigInt, or nesting deeper than {@value #MAX_DEPTH} levels gives a
 * {@code TypeError} whose message starts with {@code "Cannot convert to Java data"}.
 */
public final class BulkConversion {
    /** The deepest nesting converted, on both paths. */
    public static final int MAX_DEPTH = JavaData.MAX_DEPTH;

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
        if (path == Path.WALK || !(value instanceof JsObject)) return runtime.toJavaData(value);
        try (JsScope scope = runtime.openScope()) {
            return parse(stringify(runtime, value));
        }
    }

    /**
     * {@code value} (a map, a collection, or any type {@link TypeMapping} maps) as a JavaScript
     * value, by the path {@link BulkPolicy} chooses for the engine and the graph's size.
     */
    public static JsValue toJs(JsRuntime runtime, Object value) {
        BulkPolicy policy = BulkPolicy.forEngine(runtime.engine().id());
        int nodes = policy.toJsMinNodes() == Integer.MAX_VALUE ? -1 : JavaData.nodes(value, policy.toJsMinNodes());
        return toJs(runtime, value, nodes >= policy.toJsMinNodes() ? Path.JSON : Path.WALK);
    }

    /**
     * {@code value} as a JavaScript value, by {@code path}; the JSON path falls back to the walk for
     * a graph that holds anything but maps, collections, strings, booleans, finite numbers and nulls.
     */
    public static JsValue toJs(JsRuntime runtime, Object value, Path path) {
        if (path == Path.JSON && JavaData.nodes(value, Integer.MAX_VALUE) >= 0) {
            JsObject json = runtime.global().get("JSON").asObject();
            return json.get("parse").asFunction().callWithThis(json, JsValue.of(write(value)));
        }
        if (path == Path.WALK && (value instanceof Map || value instanceof Collection)) {
            try {
                return runtime.fromJavaData(value);
            } catch (IllegalArgumentException notJsonData) {
                // records, arrays, buffers, non-finite numbers...: TypeMapping below
            }
        }
        return switch (value) {
            case Map<?, ?> m -> TypeMapping.mapToJs(runtime, m);
            case Collection<?> c -> TypeMapping.listToJs(runtime, c);
            default -> TypeMapping.toJs(runtime, value, false);
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
            throw JavaData.cannotConvert(e.jsMessage());
        }
        return text instanceof JsString s ? s.value() : null;
    }

    private static Object parse(String text) {
        if (text == null) return null;
        try (JsonParser parser = JSON.createParser(text)) {
            parser.nextToken();
            return read(parser);
        } catch (StreamConstraintsException e) {
            throw JavaData.cannotConvert("the graph is nested deeper than " + MAX_DEPTH + " levels");
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

}
