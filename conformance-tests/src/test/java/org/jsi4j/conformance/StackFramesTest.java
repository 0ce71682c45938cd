package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsStackFrame;
import org.jsi4j.JsValue;
import org.jsi4j.SourceLocation;

/** JavaScript stack frames on {@link JsError}: functions, places, host frames, nothing of jsi4j's own. */
@Area("errors")
class StackFramesTest {
    private static final String NESTED = "function inner() { throw new TypeError('bad'); }\n"
            + "function outer() {\n"
            + "  host(function cb() { inner(); });\n"
            + "}\n"
            + "outer();";

    private static void installHost(JsRuntime rt) {
        rt.global().set("host", rt.function("host", 1, (r, self, args) -> {
            args.get(0).asFunction().call();
            return JsValue.undefined();
        }));
        rt.global().set("boom", rt.function("boom", 0, (r, self, args) -> {
            throw new IllegalStateException("java side");
        }));
    }

    private static List<JsStackFrame> scriptFrames(List<JsStackFrame> frames) {
        return frames.stream().filter(f -> !f.host()).toList();
    }

    @EngineTest
    void framesNameTheFunctionsAndPlacesInnermostFirst(JsRuntime rt) {
        installHost(rt);
        JsError e = assertThrows(JsError.class, () -> rt.evaluate(NESTED, "app.js"));
        List<JsStackFrame> frames = scriptFrames(e.jsFrames());
        assertEquals(List.of("inner", "cb", "outer", ""), frames.stream().map(JsStackFrame::function).toList(), e.jsFrames().toString());
        assertEquals(List.of(1, 3, 3, 5), frames.stream().map(JsStackFrame::line).toList());
        assertTrue(frames.stream().allMatch(f -> "app.js".equals(f.sourceName())), frames.toString());
        if (!rt.engine().id().equals("rhino")) {
            assertEquals(List.of(26, 24, 3, 1), frames.stream().map(JsStackFrame::column).toList(), "columns");
        }
    }

    @EngineTest
    void noFrameShowsJsi4jInternals(JsRuntime rt) {
        installHost(rt);
        JsError nested = assertThrows(JsError.class, () -> rt.evaluate(NESTED, "app.js"));
        JsError fromJava = assertThrows(JsError.class, () -> rt.evaluate("function f() {\n  boom();\n}\nf();", "host.js"));
        for (JsError e : List.of(nested, fromJava)) {
            for (JsStackFrame f : e.jsFrames()) {
                assertFalse(f.sourceName() != null && f.sourceName().startsWith("jsi4j:"), e.jsFrames().toString());
                if (f.host()) {
                    assertTrue(f.function().equals("host") || f.function().equals("boom"), "a host frame has its function's name: " + f);
                    assertEquals(null, f.sourceName());
                }
            }
        }
        assertEquals(List.of("f", ""), scriptFrames(fromJava.jsFrames()).stream().map(JsStackFrame::function).toList(),
                fromJava.jsFrames().toString());
    }

    @EngineTest
    void aHostFunctionThatThrowsIsTheInnermostFrameMarkedHost(JsRuntime rt) {
        installHost(rt);
        rt.global().set("typed", rt.function("typed", 0, (r, self, args) -> {
            throw JsError.of(JsErrorType.TYPE_ERROR, "made in Java");
        }));
        JsError direct = assertThrows(JsError.class, () -> rt.evaluate("function f() {\n  boom();\n}\nf();", "host.js"));
        assertEquals(List.of(new JsStackFrame("boom", null, 0, 0, true)), direct.jsFrames().subList(0, 1), direct.jsFrames().toString());
        assertEquals(List.of("boom", "f", ""), direct.jsFrames().stream().map(JsStackFrame::function).toList());
        assertEquals("at boom (host function)", direct.jsFrames().get(0).toString());

        JsError typed = assertThrows(JsError.class, () -> rt.evaluate("function g() {\n  typed();\n}\ng();", "typed.js"));
        assertEquals("TypeError", typed.name().orElseThrow());
        assertEquals(List.of("typed", "g", ""), typed.jsFrames().stream().map(JsStackFrame::function).toList(), typed.jsFrames().toString());
        assertTrue(typed.jsFrames().get(0).host(), typed.jsFrames().toString());

        // under a callback of another host function: the thrower is innermost, above the callback
        JsError nested = assertThrows(JsError.class, () -> rt.evaluate("function f() {\n  host(function cb() { boom(); });\n}\nf();", "n.js"));
        List<JsStackFrame> frames = nested.jsFrames();
        assertEquals(new JsStackFrame("boom", null, 0, 0, true), frames.get(0), frames.toString());
        assertEquals(List.of("cb", "f", ""), scriptFrames(frames).stream().map(JsStackFrame::function).toList(), frames.toString());

        // the script sees the frame in the error's stack too, and an error it throws itself gets none
        String seen = rt.evaluate("var s; try { boom(); } catch (e) { s = e.stack; } s", "seen.js").asString();
        assertTrue(seen.contains("boom"), seen);
        JsError own = assertThrows(JsError.class, () -> rt.evaluate("function h() {\n  throw new Error('own');\n}\nh();", "own.js"));
        assertEquals(List.of(), own.jsFrames().stream().filter(JsStackFrame::host).toList(), own.jsFrames().toString());
    }

    @EngineTest
    void theLocationOfAnErrorFromAHostFunctionIsTheCallersLine(JsRuntime rt) {
        installHost(rt);
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("var x = 1;\nfunction f() {\n  boom();\n}\nf();", "host.js"));
        SourceLocation where = e.location().orElseThrow();
        assertEquals("host.js", where.sourceName());
        assertEquals(3, where.line(), e.jsFrames().toString());
        assertEquals(IllegalStateException.class, e.getCause().getClass());
    }

    @EngineTest
    void aThrownPrimitiveHasNoFramesButALocation(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("\nthrow 'plain';", "prim.js"));
        assertEquals(List.of(), e.jsFrames().stream().filter(f -> f.sourceName() == null).toList());
        assertEquals(2, e.location().orElseThrow().line());
    }

    @EngineTest
    void framesPrintLikeNode(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("function f() {\n  throw new Error('x');\n}\nf();", "node.js"));
        String first = e.jsFrames().get(0).toString();
        assertTrue(first.equals("at f (node.js:2:9)") || first.equals("at f (node.js:2)"), first);
    }
}
