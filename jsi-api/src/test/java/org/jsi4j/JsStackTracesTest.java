package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsStackTracesTest {
    @Test
    void readsV8AndGraalStacks() {
        String stack = "TypeError: bad\n"
                + "    at inner (app.js:1:26)\n"
                + "    at helpers (jsi4j:helpers.js:197:36)\n"
                + "    at host (jsi4j:helpers.js:111:45)\n"
                + "    at Object.m (builtin.js:1:32)\n"
                + "    at Array.forEach (<anonymous>)\n"
                + "    at async load (a.js:3:9)\n"
                + "    at jsi4j:internal:1:626\n"
                + "    at app.js:5:1";
        assertEquals(List.of(
                new JsStackFrame("inner", "app.js", 1, 26, false),
                new JsStackFrame("host", null, 0, 0, true),
                new JsStackFrame("Object.m", "builtin.js", 1, 32, false),
                new JsStackFrame("Array.forEach", null, 0, 0, false),
                new JsStackFrame("load", "a.js", 3, 9, false),
                new JsStackFrame("", "app.js", 5, 1, false)), JsStackTraces.parse(stack));
    }

    @Test
    void readsRhinoStacks() {
        String stack = "\tat jsi4j:internal:1 (anonymous)\n\tat app.js:1 (inner)\n\tat my file.js:2 (anonymous)\n\tat app.js:5\n";
        assertEquals(List.of(
                new JsStackFrame("inner", "app.js", 1, 0, false),
                new JsStackFrame("", "my file.js", 2, 0, false),
                new JsStackFrame("", "app.js", 5, 0, false)), JsStackTraces.parse(stack));
    }

    @Test
    void readsTheHostFramesJsi4jAddsInEitherFormat() {
        JsStackFrame boom = new JsStackFrame("boom", null, 0, 0, true);
        assertEquals(List.of(boom, new JsStackFrame("f", "b.js", 2, 3, false)),
                JsStackTraces.parse("Error: x\n    at boom (host function)\n    at f (b.js:2:3)"));
        assertEquals(List.of(boom, new JsStackFrame("f", "b.js", 2, 0, false)),
                JsStackTraces.parse("\tat jsi4j:internal:1 (anonymous)\n\tat boom (host function)\n\tat b.js:2 (f)\n"));
        // no name: not a host frame, a built-in without a source
        assertEquals(List.of(new JsStackFrame("", null, 0, 0, false)), JsStackTraces.parse("    at host function"));
    }

    @Test
    void noStackNoFrames() {
        assertEquals(List.of(), JsStackTraces.parse(null));
        assertEquals(List.of(), JsStackTraces.parse("Error: just a message"));
    }

    @Test
    void anInternalLocationGivesWayToTheFirstScriptFrame() {
        JsError e = new JsError(JsValue.of("x"), "Error", "m", "Error: m\n    at boom (jsi4j:v8-bridge:51:38)\n    at f (host.js:2:3)",
                new SourceLocation("jsi4j:v8-bridge", 51, 38), null);
        assertEquals(new SourceLocation("host.js", 2, 3), e.location().orElseThrow());
        assertEquals("Error: m (host.js:2:3)", e.getMessage());
    }

    @Test
    void framesPrintAsNodeDoes() {
        assertEquals("at inner (app.js:1:26)", new JsStackFrame("inner", "app.js", 1, 26, false).toString());
        assertEquals("at app.js:5:1", new JsStackFrame("", "app.js", 5, 1, false).toString());
        assertEquals("at host (host function)", new JsStackFrame("host", null, 0, 0, true).toString());
        assertEquals("at Array.forEach (native)", new JsStackFrame("Array.forEach", null, 0, 0, false).toString());
    }

    @Test
    void dropsTheStoppableBuiltinsLinesFromAStackText() {
        String v8 = "TypeError: x\n    at g (where.js:1:20)\n    at Array.map (<anonymous>)\n"
                + "    at jsi4j:stoppable-builtins:22:29\n    at where.js:1:27";
        assertEquals("TypeError: x\n    at g (where.js:1:20)\n    at Array.map (<anonymous>)\n    at where.js:1:27",
                JsStackTraces.withoutLibraryLines(v8));
        String graal = "TypeError: y\n    at fill (native)\n    at onThis (jsi4j:stoppable-builtins:22:29)\n    at a.js:7:9";
        assertEquals("TypeError: y\n    at fill (native)\n    at a.js:7:9", JsStackTraces.withoutLibraryLines(graal));
        String plain = "Error: z\n    at a.js:1:1";
        assertEquals(plain, JsStackTraces.withoutLibraryLines(plain));
        assertEquals(null, JsStackTraces.withoutLibraryLines(null));
    }
}
