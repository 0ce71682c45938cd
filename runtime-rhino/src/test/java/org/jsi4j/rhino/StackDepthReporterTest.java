package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;

/** {@link org.jsi4j.RuntimeOptions#maxStackDepth()} through the interpreter and {@link StackDepthReporter}. */
class StackDepthReporterTest {
    private final RhinoRuntimeFactory factory = new RhinoRuntimeFactory();

    @Test
    void maxStackDepthIsACatchableRangeErrorNearTheLimit() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxStackDepth(100))) {
            rt.evaluate("function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }"
                    + " function deepest() { var d = 0; function f() { d++; f(); }"
                    + " try { f(); } catch (e) { return e.name + ':' + e.message + ':' + d; } }", "d.js");
            assertEquals(JsValue.of(90), rt.evaluate("depth(90)", "ok.js"));
            String[] caught = rt.evaluate("deepest()", "deep.js").asString().split(":");
            assertEquals("RangeError", caught[0]);
            assertEquals(StackDepthReporter.MESSAGE, caught[1]);
            int reached = Integer.parseInt(caught[2]);
            assertTrue(reached >= 95 && reached <= 100, "stopped at depth " + reached);
            JsError e = assertThrows(JsError.class, () -> rt.evaluate("depth(5000)", "too-deep.js"));
            assertEquals("RangeError", e.name().orElseThrow());
            assertEquals(JsValue.of(55), rt.evaluate("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(10)",
                    "after.js"));
        }
    }

    @Test
    void otherRuntimeErrorsKeepTheirKind() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxStackDepth(100))) {
            assertEquals(JsValue.of("TypeError"), rt.evaluate("try { null.x; } catch (e) { e.name }", "t.js"));
            assertThrows(org.jsi4j.JsSyntaxError.class, () -> rt.evaluate("var = 1;", "bad.js"));
        }
    }

    @Test
    void aDepthTheInterpreterCannotCountIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.create(
                RuntimeOptions.defaults().withMaxStackDepth(RhinoRuntimeFactory.MAX_STACK_DEPTH + 1)));
        assertTrue(e.getMessage().contains("maxStackDepth"), e.getMessage());
        factory.create(RuntimeOptions.defaults().withMaxStackDepth(RhinoRuntimeFactory.MAX_STACK_DEPTH)).close();
    }
}
