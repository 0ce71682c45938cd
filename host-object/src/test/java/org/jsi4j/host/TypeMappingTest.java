package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypeMappingTest {
    private final JsRuntime rt = JsEngines.factory("rhino").create();

    @AfterEach
    void close() {
        rt.close();
    }

    record Point(int x, int y) {
    }

    record Shape(String name, List<Point> points, Optional<String> color) {
    }

    private JsValue eval(String source) {
        return rt.evaluate(source, "test.js");
    }

    private Object toJava(String source, Type type) {
        return TypeMapping.toJava(rt, eval(source), type.type, "f(): parameter 'p'");
    }

    /** Generic types to convert to, captured from fields. */
    private enum Type {
        INT(int.class), LONG(long.class), DOUBLE(double.class), BOOL(boolean.class), STRING(String.class),
        BYTES(byte[].class), BUFFER(ByteBuffer.class), POINTS(field("points")), SCORES(field("scores")),
        SHAPE(Shape.class), OPTIONAL(field("maybe")), DATA(Object.class), CALLBACK(field("callback"));

        final java.lang.reflect.Type type;

        Type(java.lang.reflect.Type type) {
            this.type = type;
        }

        private static java.lang.reflect.Type field(String name) {
            try {
                return Holder.class.getDeclaredField(name).getGenericType();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @SuppressWarnings("unused")
    private static final class Holder {
        List<Point> points;
        Map<String, Double> scores;
        Optional<Integer> maybe;
        Function<Integer, String> callback;
    }

    @Test
    void primitivesConvertStrictly() {
        assertEquals(42, toJava("42", Type.INT));
        assertEquals(9007199254740991L, toJava("9007199254740991", Type.LONG));
        assertEquals(Long.MAX_VALUE, toJava("9223372036854775807n", Type.LONG));
        assertEquals(1.5, toJava("1.5", Type.DOUBLE));
        assertEquals(true, toJava("true", Type.BOOL));
        assertEquals("s", toJava("'s'", Type.STRING));
        assertEquals("f(): parameter 'p' must be a string, got a number",
                assertThrows(JsError.class, () -> toJava("1", Type.STRING)).jsMessage());
        assertEquals("f(): parameter 'p' must be a boolean, got undefined",
                assertThrows(JsError.class, () -> toJava("undefined", Type.BOOL)).jsMessage());
        assertThrows(JsError.class, () -> toJava("2147483648", Type.INT));
        assertThrows(JsError.class, () -> toJava("9007199254740992", Type.LONG));
        assertThrows(JsError.class, () -> toJava("9223372036854775808n", Type.LONG));
        assertEquals("TypeError", assertThrows(JsError.class, () -> toJava("'1'", Type.DOUBLE)).hostType().orElseThrow().constructorName());
    }

    @Test
    void listsMapsRecordsAndOptionalsConvertByTheirDeclaredTypes() {
        assertEquals(List.of(new Point(1, 2), new Point(3, 4)), toJava("[{x: 1, y: 2}, {x: 3, y: 4}]", Type.POINTS));
        assertEquals(Map.of("a", 1.5, "b", 2.0), toJava("({a: 1.5, b: 2})", Type.SCORES));
        assertEquals(new Shape("tri", List.of(new Point(0, 0)), Optional.empty()),
                toJava("({name: 'tri', points: [{x: 0, y: 0}]})", Type.SHAPE));
        assertEquals(Optional.of(3), toJava("3", Type.OPTIONAL));
        assertEquals(Optional.empty(), toJava("null", Type.OPTIONAL));
        assertEquals("f(): parameter 'p'[1].y must be an integer (int), got a string",
                assertThrows(JsError.class, () -> toJava("[{x: 1, y: 2}, {x: 3, y: '4'}]", Type.POINTS)).jsMessage());
        assertEquals("f(): parameter 'p' must be an array, got an object",
                assertThrows(JsError.class, () -> toJava("({})", Type.POINTS)).jsMessage());
    }

    @Test
    void bytesComeFromArrayBuffersAndTypedArrays() {
        assertArrayEquals(new byte[] {1, 2, (byte) 255}, (byte[]) toJava("new Uint8Array([1, 2, 255]).buffer", Type.BYTES));
        assertArrayEquals(new byte[] {2, 3}, (byte[]) toJava("new Uint8Array([1, 2, 3, 4]).subarray(1, 3)", Type.BYTES));
        assertEquals(ByteBuffer.wrap(new byte[] {7}), toJava("new Uint8Array([7]).buffer", Type.BUFFER));
        assertThrows(JsError.class, () -> toJava("[1, 2]", Type.BYTES));
    }

    @Test
    void javaValuesBecomeJavaScriptValues() {
        JsObject o = TypeMapping.toJs(rt, new Shape("sq", List.of(new Point(1, 2)), Optional.of("red"))).asObject();
        rt.global().set("o", o);
        assertEquals(JsValue.of("sq 1 2 red"), eval("o.name + ' ' + o.points[0].x + ' ' + o.points[0].y + ' ' + o.color"));
        rt.global().set("b", TypeMapping.toJs(rt, new byte[] {5, 6}));
        assertEquals(JsValue.of("ArrayBuffer 2 6"), eval("b.constructor.name + ' ' + b.byteLength + ' ' + new Uint8Array(b)[1]"));
        assertEquals(JsValue.undefined(), TypeMapping.toJs(rt, Optional.empty()));
        assertEquals(JsValue.nullValue(), TypeMapping.toJs(rt, null));
        assertEquals(JsValue.of(BigInteger.TEN), TypeMapping.toJs(rt, BigInteger.TEN));
        assertEquals(JsValue.of(3), TypeMapping.toJs(rt, 3L));
        rt.global().set("m", TypeMapping.toJs(rt, Map.of("k", List.of(1, "two"))));
        assertEquals(JsValue.of("1,two"), eval("m.k.join()"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TypeMapping.toJs(rt, new Object())).getMessage()
                .contains("java.lang.Object has no JavaScript form"));
    }

    @Test
    void javaScriptFunctionsArriveAsFunctionalInterfaces() {
        @SuppressWarnings("unchecked")
        Function<Integer, String> f = (Function<Integer, String>) toJava("(function (n) { return 'n=' + n; })", Type.CALLBACK);
        assertEquals("n=4", f.apply(4));
        assertEquals("f(): parameter 'p' must be a function, got a number",
                assertThrows(JsError.class, () -> toJava("1", Type.CALLBACK)).jsMessage());
        @SuppressWarnings("unchecked")
        Function<Integer, String> bad = (Function<Integer, String>) toJava("(function (n) { return n; })", Type.CALLBACK);
        assertTrue(assertThrows(JsError.class, () -> bad.apply(1)).jsMessage().contains("must be a string, got a number"));
    }

    @Test
    void callbacksOutliveTheCallThatReceivedThemAndRefuseOtherThreads() throws Exception {
        List<Consumer<String>> kept = new ArrayList<>();
        NativeModule events = NativeModule.builder("events")
                .function("on", Consumer.class, c -> {
                    @SuppressWarnings("unchecked") Consumer<String> listener = c;
                    kept.add(listener);
                    return null;
                })
                .build();
        rt.global().set("events", events.load(rt));
        eval("var got = []; events.on(function (s) { got.push(s); });");
        kept.get(0).accept("later");
        assertEquals(JsValue.of("later"), eval("got.join()"));
        CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
            try {
                kept.get(0).accept("from another thread");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        assertTrue(other.get() instanceof WrongThreadException, "got " + other.get());
    }

    @Test
    void futuresBecomePromisesSettledOnTheJsThread() {
        CompletableFuture<List<Point>> points = new CompletableFuture<>();
        CompletableFuture<String> failing = new CompletableFuture<>();
        rt.global().set("p", TypeMapping.toJs(rt, points));
        rt.global().set("q", TypeMapping.toJs(rt, failing));
        eval("var out = []; p.then(function (v) { out.push(v[1].y); }); q.catch(function (e) { out.push(e.message); });");
        new Thread(() -> points.complete(List.of(new Point(1, 2), new Point(3, 4)))).start();
        new Thread(() -> failing.completeExceptionally(new IllegalStateException("no luck"))).start();
        assertTrue(rt.runEventLoop(Duration.ofSeconds(5)));
        assertEquals(JsValue.of("4,no luck"), eval("out.sort().join()"));
        assertEquals(0, rt.stats().liveRefs(), "the converted value's reference was closed");
    }
}
