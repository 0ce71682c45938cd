package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.JavaData;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.host.BulkConversion.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkConversionTest {
    private final JsRuntime rt = JsEngines.factory("rhino").create();

    @AfterEach
    void close() {
        rt.close();
    }

    private JsValue eval(String source) {
        return rt.evaluate(source, "test.js");
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    @Test
    void bothPathsFollowJsonRules() {
        JsValue graph = eval("({n: 1, neg: -0, f: 2.5, s: 'x\\u2028y', t: true, nul: null, u: undefined,"
                + " fn: function () {}, sym: Symbol('s'), inf: Infinity, nan: NaN, date: new Date(0),"
                + " arr: [1, undefined, function () {}, [2]], nested: {deep: {deeper: 'yes'}},"
                + " custom: {toJSON: function (key) { return 'custom:' + key; }}})");
        Map<String, Object> expected = map("n", 1.0, "neg", 0.0, "f", 2.5, "s", "x\u2028y", "t", true, "nul", null,
                "inf", null, "nan", null, "date", "1970-01-01T00:00:00.000Z",
                "arr", Arrays.asList(1.0, null, null, List.of(2.0)), "nested", map("deep", map("deeper", "yes")),
                "custom", "custom:custom");
        assertEquals(expected, BulkConversion.toJava(rt, graph, Path.WALK));
        assertEquals(expected, BulkConversion.toJava(rt, graph, Path.JSON));
        assertEquals(expected, BulkConversion.toJava(rt, graph));
    }

    @Test
    void topLevelValuesConvertAlike() {
        for (String source : List.of("undefined", "null", "'s'", "3", "(function () {})", "[]")) {
            JsValue v = eval(source);
            assertEquals(BulkConversion.toJava(rt, v, Path.WALK), BulkConversion.toJava(rt, v, Path.JSON), source);
        }
        assertNull(BulkConversion.toJava(rt, JsValue.undefined(), Path.JSON));
    }

    @Test
    void cyclesAndBigIntsAreTypeErrorsOnBothPaths() {
        JsValue cyclic = eval("var c = {a: {}}; c.a.back = c; c");
        JsValue bigint = eval("({b: 1n})");
        for (Path path : Path.values()) {
            JsError e = assertThrows(JsError.class, () -> BulkConversion.toJava(rt, cyclic, path));
            assertTrue(e.jsMessage().startsWith("Cannot convert to Java data"), path + ": " + e.jsMessage());
            assertEquals("TypeError", e.name().orElseThrow());
            assertThrows(JsError.class, () -> BulkConversion.toJava(rt, bigint, path));
        }
    }

    @Test
    void javaGraphsReachJavaScriptAlikeOnBothPaths() {
        Map<String, Object> graph = map("id", 7, "big", 1L << 40, "ratio", 0.25, "name", "n\"q", "ok", false, "none", null,
                "list", List.of(1, map("x", "y")), "1", "numeric key");
        for (Path path : Path.values()) {
            rt.global().set("g", BulkConversion.toJs(rt, graph, path));
            assertEquals(JsValue.of("{\"1\":\"numeric key\",\"id\":7,\"big\":1099511627776,\"ratio\":0.25,\"name\":\"n\\\"q\","
                    + "\"ok\":false,\"none\":null,\"list\":[1,{\"x\":\"y\"}]}"), eval("JSON.stringify(g)"), path.name());
        }
    }

    @Test
    void theJsonPathFallsBackToTheWalkForNonJsonData() {
        Map<String, Object> graph = map("bytes", new byte[] {1, 2}, "nan", Double.NaN);
        assertEquals(-1, JavaData.nodes(graph, Integer.MAX_VALUE));
        rt.global().set("g", BulkConversion.toJs(rt, graph, Path.JSON));
        assertEquals(JsValue.of("2 true"), eval("g.bytes.byteLength + ' ' + isNaN(g.nan)"));
    }

    @Test
    void nodesAreCountedUpToWhatIsEnough() {
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 1000; i++) big.add(i);
        assertEquals(1001, JavaData.nodes(big, Integer.MAX_VALUE));
        assertEquals(10, JavaData.nodes(big, 10));
    }

    @Test
    void handlesMadeWhileConvertingAreReleased() {
        JsValue graph = eval("({a: [{b: 1}, {c: 2}], d: {e: {f: 3}}})");
        int before = rt.stats().liveHandles();
        BulkConversion.toJava(rt, graph, Path.WALK);
        BulkConversion.toJava(rt, graph, Path.JSON);
        assertEquals(before, rt.stats().liveHandles());
    }
}
