package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.EsFeature;
import org.jsi4j.JavaData;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsScope;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;

/**
 * {@link JsRuntime#toJavaData} and {@link JsRuntime#fromJavaData}: whole graphs with the meaning of
 * JSON, the same on every engine whether the engine walks its own objects (Rhino) or the core walks
 * through the SPI; every expectation here is what {@code JSON.parse(JSON.stringify(v))} gives.
 */
@Area("values")
class JavaDataTest {
    private static JsValue eval(JsRuntime rt, String source) {
        return rt.evaluate(source, "data.js");
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    @EngineTest
    void aGraphBecomesWhatJsonWouldGive(JsRuntime rt) {
        JsValue graph = eval(rt, "({n: 1, neg: -0, f: 2.5, s: 'x\\u2028y', t: true, nul: null, u: undefined,"
                + " fn: function () {}, inf: Infinity, nan: NaN, date: new Date(0),"
                + " arr: [1, undefined, function () {}, [2]], nested: {deep: {deeper: 'yes'}}, 7: 'index key',"
                + " custom: {toJSON: function (key) { return 'custom:' + key; }},"
                + " inherited: Object.create({hidden: 1}, {own: {value: 2, enumerable: true}, quiet: {value: 3}}),"
                + " getter: {get g() { return 'got'; }}})");
        Map<String, Object> expected = map("7", "index key", "n", 1.0, "neg", 0.0, "f", 2.5, "s", "x\u2028y", "t", true,
                "nul", null, "inf", null, "nan", null, "date", "1970-01-01T00:00:00.000Z",
                "arr", Arrays.asList(1.0, null, null, List.of(2.0)), "nested", map("deep", map("deeper", "yes")),
                "custom", "custom:custom", "inherited", map("own", 2.0), "getter", map("g", "got"));
        Object data = rt.toJavaData(graph);
        assertEquals(expected, data);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(((Map<?, ?>) data).keySet()), "property order");
        rt.global().set("graph", graph);
        assertEquals(expected, rt.toJavaData(eval(rt, "JSON.parse(JSON.stringify(graph))")), "the engine's own JSON agrees");
    }

    @EngineTest
    void wrapperObjectsBecomeTheirPrimitiveAndToJsonIsAskedOnce(JsRuntime rt) {
        JsValue graph = eval(rt, "({num: new Number(3), str: new String('s'), bool: new Boolean(false),"
                + " spoof: {[Symbol.toStringTag]: 'Number', x: 1},"
                + " twice: {toJSON: function () { return {toJSON: function () { return 'inner'; }, kept: true}; }},"
                + " wrapped: {toJSON: function () { return new String('w'); }},"
                + " fnFromToJson: {toJSON: function () { return function () {}; }}})");
        Map<String, Object> expected = map("num", 3.0, "str", "s", "bool", false, "spoof", map("x", 1.0),
                "twice", map("kept", true), "wrapped", "w");
        assertEquals(expected, rt.toJavaData(graph));
        rt.global().set("graph", graph);
        assertEquals(expected, rt.toJavaData(eval(rt, "JSON.parse(JSON.stringify(graph))")), "the engine's own JSON agrees");
    }

    @EngineTest
    void topLevelValues(JsRuntime rt) {
        assertNull(rt.toJavaData(JsValue.undefined()));
        assertNull(rt.toJavaData(eval(rt, "(function () {})")));
        assertNull(rt.toJavaData(eval(rt, "NaN")));
        assertEquals("s", rt.toJavaData(JsValue.of("s")));
        assertEquals(3.0, rt.toJavaData(JsValue.of(3)));
        assertEquals(List.of(), rt.toJavaData(eval(rt, "[]")));
        assertEquals("1970-01-01T00:00:00.000Z", rt.toJavaData(eval(rt, "new Date(0)")));
    }

    @EngineTest
    void cyclesAndDeepNestingAreTypeErrors(JsRuntime rt) {
        JsValue cyclic = eval(rt, "var c = {a: {}}; c.a.back = c; c");
        JsError e = assertThrows(JsError.class, () -> rt.toJavaData(cyclic));
        assertEquals("TypeError", e.name().orElseThrow());
        assertTrue(e.jsMessage().startsWith("Cannot convert to Java data: the graph is cyclic"), e.jsMessage());
        JsValue deep = eval(rt, "var d = {}; for (var i = 0; i < " + (JavaData.MAX_DEPTH + 5) + "; i++) d = {d: d}; d");
        e = assertThrows(JsError.class, () -> rt.toJavaData(deep));
        assertTrue(e.jsMessage().contains("nested deeper than " + JavaData.MAX_DEPTH), e.jsMessage());
        JsValue fine = eval(rt, "var f = 1; for (var i = 0; i < " + (JavaData.MAX_DEPTH - 1) + "; i++) f = [f]; f");
        assertInstanceOf(List.class, rt.toJavaData(fine), "as deep as allowed");
        assertEquals(JsValue.of(2), eval(rt, "1 + 1"), "the runtime still works");
    }

    @EngineTest
    @RequiresFeature(EsFeature.BIGINT)
    void aBigIntIsATypeError(JsRuntime rt) {
        for (String source : List.of("({b: 1n})", "[Object(2n)]")) {
            JsError e = assertThrows(JsError.class, () -> rt.toJavaData(eval(rt, source)), source);
            assertTrue(e.jsMessage().contains("BigInt"), e.jsMessage());
        }
    }

    @EngineTest
    void aThrowingGetterOrToJsonFailsWithTheScriptsError(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.toJavaData(eval(rt, "({ok: 1, get bad() { throw new RangeError('no'); }})")));
        assertEquals("RangeError", e.name().orElseThrow());
        assertEquals("no", e.jsMessage());
        e = assertThrows(JsError.class, () -> rt.toJavaData(eval(rt, "({x: {toJSON: function () { throw new TypeError('tj'); }}})")));
        assertEquals("tj", e.jsMessage());
    }

    @EngineTest
    void toJsonThatChangesAPrototypeIsSeenByLaterObjects(JsRuntime rt) {
        JsValue graph = eval(rt, "({first: {toJSON: function () { Object.prototype.toJSON = function () { return 'late'; }; return 1; }},"
                + " second: {a: 1}})");
        try {
            assertEquals(map("first", 1.0, "second", "late"), rt.toJavaData(graph));
        } finally {
            eval(rt, "delete Object.prototype.toJSON");
        }
    }

    @EngineTest
    void aGetterThatAddsToJsonIsSeenByLaterObjects(JsRuntime rt) {
        JsValue graph = eval(rt, "({a: {get x() { Object.prototype.toJSON = function () { return 'late'; }; return 1; }}, b: {c: 1}})");
        try {
            assertEquals(map("a", map("x", 1.0), "b", "late"), rt.toJavaData(graph));
        } finally {
            eval(rt, "delete Object.prototype.toJSON");
        }
    }

    @EngineTest
    void hostObjectsAreReadThroughTheirHost(JsRuntime rt) {
        rt.global().set("host", rt.hostObject(new MapHostObject(false).with("a", JsValue.of(1)).with("b", JsValue.of("two"))));
        assertEquals(map("h", map("a", 1.0, "b", "two")), sorted(rt.toJavaData(eval(rt, "({h: host})"))));
    }

    private static Object sorted(Object data) {
        if (!(data instanceof Map<?, ?> m)) return data;
        Map<String, Object> out = new LinkedHashMap<>();
        m.keySet().stream().map(String.class::cast).sorted().forEach(k -> out.put(k, sorted(m.get(k))));
        return out;
    }

    @EngineTest
    void aHugeSparseArrayIsStoppedByTheTimeLimit(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(300)))) {
            JsValue sparse = eval(rt, "var a = []; a.length = 4294967295; ({a: a})");
            long start = System.nanoTime();
            JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.toJavaData(sparse));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(JsTerminatedException.Reason.TIME_LIMIT, e.reason());
            assertTrue(tookMillis < 15_000, "stopped after " + tookMillis + " ms");
            assertEquals(JsValue.of(4), eval(rt, "2 + 2"), "the runtime still evaluates");
        }
    }

    @EngineTest
    void javaDataBecomesWhatJsonParseWouldMake(JsRuntime rt) {
        Map<String, Object> data = map("id", 7, "big", 1L << 40, "ratio", 0.25, "f", 1.5f, "name", "n\"q", "ok", false,
                "none", null, "list", List.of(1, map("x", "y")), "1", "numeric key", "short", (short) 3, "byte", (byte) 4);
        rt.global().set("g", rt.fromJavaData(data));
        assertEquals(JsValue.of("{\"1\":\"numeric key\",\"id\":7,\"big\":1099511627776,\"ratio\":0.25,\"f\":1.5,\"name\":\"n\\\"q\","
                + "\"ok\":false,\"none\":null,\"list\":[1,{\"x\":\"y\"}],\"short\":3,\"byte\":4}"), eval(rt, "JSON.stringify(g)"));
        assertEquals(JsValue.of("numeric key true true number"),
                eval(rt, "g[1] + ' ' + Array.isArray(g.list) + ' ' + (Object.getPrototypeOf(g) === Object.prototype) + ' ' + typeof g.id"));
        assertEquals(data.keySet().size(), ((JsObject) rt.global().get("g")).propertyNames().size());
        assertEquals(JsValue.nullValue(), rt.fromJavaData(null));
        assertEquals(JsValue.of("s"), rt.fromJavaData("s"));
    }

    @EngineTest
    void aRoundTripKeepsTheData(JsRuntime rt) {
        JsValue graph = eval(rt, "({kind: 'catalog', items: [{id: 1, tags: ['a', 'b'], size: {w: 1.5, h: null}}, {id: 2, tags: [], ok: true}]})");
        try (JsScope scope = rt.openScope()) {
            Object data = rt.toJavaData(graph);
            assertEquals(0, scope.size(), "reading a graph leaves no handles behind");
            JsValue back = rt.fromJavaData(data);
            assertEquals(1, scope.size(), "a built graph is one handle, its inner objects none");
            assertEquals(data, rt.toJavaData(back));
        }
    }

    @EngineTest
    void javaDataThatIsNotJsonIsRejectedWithWhereItIs(JsRuntime rt) {
        List<Object> list = new ArrayList<>();
        list.add(1);
        list.add(map("when", java.time.Instant.EPOCH));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rt.fromJavaData(map("outer", list)));
        assertTrue(e.getMessage().contains("$.outer[1].when (a java.time.Instant)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rt.fromJavaData(map("x", Double.NaN)));
        assertTrue(e.getMessage().contains("$.x (the non-finite number NaN)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rt.fromJavaData(map("__proto__", map("polluted", true))));
        assertTrue(e.getMessage().contains("the key \"__proto__\""), e.getMessage());
        Map<Object, Object> intKeys = new LinkedHashMap<>();
        intKeys.put(1, "one");
        e = assertThrows(IllegalArgumentException.class, () -> rt.fromJavaData(intKeys));
        assertTrue(e.getMessage().contains("a key of a java.lang.Integer"), e.getMessage());
        Object deep = 1;
        for (int i = 0; i <= JavaData.MAX_DEPTH + 1; i++) deep = List.of(deep);
        Object tooDeep = deep;
        e = assertThrows(IllegalArgumentException.class, () -> rt.fromJavaData(tooDeep));
        assertTrue(e.getMessage().contains("nested deeper than " + JavaData.MAX_DEPTH), e.getMessage());
        assertEquals(JsValue.of("undefined"), eval(rt, "typeof Object.prototype.polluted"));
    }

    @EngineTest
    void fromJavaDataMakesOwnPropertiesWithoutRunningSetters(JsRuntime rt) {
        eval(rt, "var setterRan = false; Object.defineProperty(Object.prototype, 'trap', {set: function (v) { setterRan = true; },"
                + " configurable: true})");
        try {
            rt.global().set("o", rt.fromJavaData(map("trap", 1)));
            assertEquals(JsValue.of("false 1"), eval(rt, "setterRan + ' ' + Object.getOwnPropertyDescriptor(o, 'trap').value"));
        } finally {
            eval(rt, "delete Object.prototype.trap");
        }
    }

    @EngineTest
    void aClosedRuntimeRefusesBothDirections(JsRuntimeFactory factory) {
        JsRuntime rt = factory.create();
        JsValue graph = eval(rt, "({a: [1]})");
        rt.close();
        assertThrows(JsReleasedException.class, () -> rt.toJavaData(graph));
        assertThrows(JsReleasedException.class, () -> rt.toJavaData(JsValue.of(1)));
        assertThrows(JsReleasedException.class, () -> rt.fromJavaData(map("a", 1)));
    }

    /**
     * A 2^32-1 hole array would be a list of four billion nulls: the conversion ends in a limit
     * (the memory limit where it counts the JVM heap, Rhino and GraalJS, in 1-2 s here; V8's counts
     * V8's heap, so its time limit), never in an {@code OutOfMemoryError}.
     */
    @EngineTest
    void aHugeSparseArrayEndsInALimitNotAnOutOfMemoryError(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxHeapBytes(256L << 20).withTimeLimit(Duration.ofSeconds(5)))) {
            JsValue sparse = eval(rt, "var a = []; a.length = 4294967295; a");
            JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.toJavaData(sparse));
            assertTrue(e.reason() == JsTerminatedException.Reason.MEMORY_LIMIT || e.reason() == JsTerminatedException.Reason.TIME_LIMIT,
                    e.reason() + ": " + e.getMessage());
            if (e.runtimeUsable()) assertEquals(JsValue.of(4), eval(rt, "a = null; 2 + 2"), "the runtime still evaluates");
        }
    }
}
