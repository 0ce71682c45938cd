package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.host.ConsoleSink.Level;
import org.jsi4j.host.RecordingSink.Line;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** console.log of every kind of value, and Node's other console methods, on every engine. */
class ConsoleNodeTest {
    static List<String> engines() {
        return JsEngines.ids();
    }

    private static List<Line> run(String engine, String script) {
        RecordingSink sink = new RecordingSink();
        try (JsRuntime rt = JsEngines.factory(engine).create()) {
            Builtins.install(rt, sink, List.of(), ModuleRegistry.empty());
            rt.evaluate(script, "node.js");
        }
        return sink.lines;
    }

    private static String last(String engine, String script) {
        List<Line> lines = run(engine, script);
        return lines.get(lines.size() - 1).text();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void valuesShowAsNodeShowsThem(String engine) {
        assertEquals("/a+b/gi", last(engine, "console.log(/a+b/gi)"));
        assertEquals("1970-01-01T00:00:00.000Z", last(engine, "console.log(new Date(0))"));
        assertEquals("Map(1) { 'k' => { v: 1 } } Set(2) { 1, 'two' }",
                last(engine, "console.log(new Map([['k', {v: 1}]]), new Set([1, 'two']))"));
        assertEquals("Uint8Array(3) [ 1, 2, 255 ]", last(engine, "console.log(new Uint8Array([1, 2, 255]))"));
        assertEquals("Point { x: 1, y: 2 }", last(engine,
                "function Point(x, y) { this.x = x; this.y = y; } console.log(new Point(1, 2))"));
        assertEquals("{ plain: 1, computed: [Getter], both: [Getter/Setter], only: [Setter] }",
                last(engine, "var calls = 0; var o = {plain: 1}; Object.defineProperty(o, 'computed', {get: function () { calls++; return 2; }, enumerable: true});"
                        + " Object.defineProperty(o, 'both', {get: function () { calls++; }, set: function (v) {}, enumerable: true});"
                        + " Object.defineProperty(o, 'only', {set: function (v) {}, enumerable: true});"
                        + " console.log(o); if (calls) console.log('a getter ran')"));
        assertEquals("<ref *1> { me: [Circular *1] }", last(engine, "var c = {}; c.me = c; console.log(c)"));
        assertEquals("{ a: { b: { c: [Object] } } }", last(engine, "console.log({a: {b: {c: {d: 1}}}})"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void longValuesBreakOverLinesAsNodeDoes(String engine) {
        assertEquals("[\n  'aaaaaaaaaaaaaaaa',\n  'bbbbbbbbbbbbbbbb',\n  'cccccccccccccccc',\n  'dddddddddddddddd'\n]",
                last(engine, "console.log(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd'])"));
        String many = last(engine, "var a = []; for (var i = 0; i < 120; i++) a.push(i); console.log(a)");
        assertTrue(many.startsWith("[\n   0,  1,  2,  3,"), many);
        assertTrue(many.endsWith("  ... 20 more items\n]"), many);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void countTimeAssertGroupTableDirAndTrace(String engine) {
        List<Line> lines = run(engine, "console.count(); console.count(); console.count('x'); console.countReset();"
                + " console.count();"
                + " console.assert(1 === 1, 'never'); console.assert(false, 'bad %s', 'thing'); console.assert(0);"
                + " console.group('outer'); console.log('inside'); console.group(); console.log('deeper\\nlines');"
                + " console.groupEnd(); console.groupEnd(); console.log('out');"
                + " console.time('t'); console.timeEnd('t'); console.timeEnd('t');"
                + " console.dir({a: {b: {c: {d: {}}}}}, {depth: 0});"
                + " console.table([{a: 1, b: 'x'}, {a: 2}]);"
                + " function where() { console.trace('here'); } where();");
        List<String> text = lines.stream().map(Line::text).toList();
        assertEquals(List.of("default: 1", "default: 2", "x: 1", "default: 1"), text.subList(0, 4));
        assertEquals(new Line(Level.ERROR, "Assertion failed: bad thing"), lines.get(4));
        assertEquals(new Line(Level.ERROR, "Assertion failed"), lines.get(5));
        assertEquals(List.of("outer", "  inside", "    deeper\n    lines", "out"), text.subList(6, 10));
        assertTrue(text.get(10).matches("t: \\d+\\.\\d{3}ms"), text.get(10));
        assertEquals(new Line(Level.WARN, "Warning: No such label 't' for console.timeEnd()"), lines.get(11));
        assertEquals("{ a: [Object] }", text.get(12));
        assertEquals(String.join("\n",
                "┌─────────┬───┬─────┐",
                "│ (index) │ a │ b   │",
                "├─────────┼───┼─────┤",
                "│ 0       │ 1 │ 'x' │",
                "│ 1       │ 2 │     │",
                "└─────────┴───┴─────┘"), text.get(13));
        String trace = text.get(14);
        assertEquals(Level.ERROR, lines.get(14).level());
        assertTrue(trace.startsWith("Trace: here\n    at where (node.js:1"), trace);
        assertTrue(!trace.contains("jsi4j:"), trace);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void coloursOnlyWhenTheSinkIsATerminal(String engine) {
        RecordingSink sink = new RecordingSink();
        try (JsRuntime rt = JsEngines.factory(engine).create()) {
            Builtins.install(rt, ConsoleSink.withColors(sink, true), List.of(), ModuleRegistry.empty());
            rt.evaluate("console.log({n: 1, s: 'x', u: undefined}); console.log('plain')", "c.js");
        }
        assertEquals("{ n: \u001b[33m1\u001b[0m, s: \u001b[32m'x'\u001b[0m, u: \u001b[90mundefined\u001b[0m }", sink.lines.get(0).text());
        assertEquals("plain", sink.lines.get(1).text());
        assertEquals("{ n: 1 }", last(engine, "console.log({n: 1})"), "no colours for a plain sink");
    }

    /** console.assert, group, timeLog, trace and table colour their values as console.log does; table columns align on what shows. */
    @ParameterizedTest
    @MethodSource("engines")
    void theOtherConsoleMethodsColourToo(String engine) {
        RecordingSink sink = new RecordingSink();
        try (JsRuntime rt = JsEngines.factory(engine).create()) {
            Builtins.install(rt, ConsoleSink.withColors(sink, true), List.of(), ModuleRegistry.empty());
            rt.evaluate("console.assert(false, 1); console.group(2); console.groupEnd(); console.time('t'); console.timeLog('t', 3);"
                    + " console.trace(4); console.table([{a: 1, b: 'xy'}, {a: 22}])", "c.js");
        }
        String one = "\u001b[33m1\u001b[0m";
        assertEquals("Assertion failed: " + one, sink.lines.get(0).text());
        assertEquals("\u001b[33m2\u001b[0m", sink.lines.get(1).text());
        assertTrue(sink.lines.get(2).text().endsWith("ms \u001b[33m3\u001b[0m"), sink.lines.get(2).text());
        assertTrue(sink.lines.get(3).text().startsWith("Trace: \u001b[33m4\u001b[0m\n"), sink.lines.get(3).text());
        assertEquals(String.join("\n",
                "┌─────────┬────┬──────┐",
                "│ (index) │ a  │ b    │",
                "├─────────┼────┼──────┤",
                "│ 0       │ " + one + "  │ \u001b[32m'xy'\u001b[0m │",
                "│ 1       │ \u001b[33m22\u001b[0m │      │",
                "└─────────┴────┴──────┘"), sink.lines.get(4).text());
    }
}
