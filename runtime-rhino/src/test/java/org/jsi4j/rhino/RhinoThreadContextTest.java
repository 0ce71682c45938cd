package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/** Several Rhino runtimes on one thread, each with its Context kept current only while it may be. */
class RhinoThreadContextTest {
    private final RhinoRuntimeFactory factory = new RhinoRuntimeFactory();

    @Test
    void interleavedRuntimesKeepTheirOwnStateMicrotasksAndLimits() {
        try (JsRuntime a = factory.create(); JsRuntime b = factory.create(RuntimeOptions.defaults().withStatementLimit(200_000))) {
            a.evaluate("var name = 'a'; var done = []", "a.js");
            b.evaluate("var name = 'b'; var done = []", "b.js");
            for (int i = 0; i < 5; i++) {
                a.evaluate("Promise.resolve(" + i + ").then(function (v) { done.push(v) })", "a.js");
                b.evaluate("Promise.resolve(" + -i + ").then(function (v) { done.push(v) })", "b.js");
            }
            assertEquals("a:0,1,2,3,4", a.evaluate("name + ':' + done", "a.js").asString());
            assertEquals("b:0,-1,-2,-3,-4", b.evaluate("name + ':' + done", "b.js").asString());
            assertThrows(JsTerminatedException.class, () -> b.evaluate("while (true) {}", "b.js"));
            assertEquals(5000050000.0, a.evaluate("var s = 0; for (var i = 0; i <= 100000; i++) s += i; s", "a.js").asNumber(),
                    "b's statement limit does not apply to a");
        }
    }

    @Test
    void aRuntimeMadeAndUsedInsideAnothersHostCallbackLeavesTheOuterScriptItsContext() {
        try (JsRuntime outer = factory.create()) {
            outer.global().set("useInner", outer.function("useInner", 0, (r, self, args) -> {
                try (JsRuntime inner = factory.create()) {
                    inner.evaluate("var pending = []; Promise.resolve(1).then(function (v) { pending.push(v) })", "inner.js");
                    return JsValue.of(inner.evaluate("'inner:' + pending.length", "inner.js").asString());
                }
            }));
            outer.global().set("keepInner", outer.function("keepInner", 0, (r, self, args) -> {
                JsRuntime inner = factory.create();
                r.global().set("innerRuntimeMade", JsValue.of(true));
                holder = inner;
                return JsValue.of(inner.evaluate("6 * 7", "inner.js").asNumber());
            }));
            assertEquals("inner:1|after|42", outer.evaluate("var log = [];"
                    + " Promise.resolve().then(function () { log.push('later') });"
                    + " var first = useInner(); log.push(first); log.push('after'); log.push(keepInner()); log.join('|')", "outer.js")
                    .asString());
            assertEquals("inner:1|after|42|later", outer.evaluate("log.join('|')", "outer.js").asString(),
                    "the outer runtime's promise job ran in its own Context after the call");
            assertEquals(42.0, holder.evaluate("6 * 7", "inner.js").asNumber(), "the inner runtime still works at top level");
            assertEquals(3.0, outer.evaluate("1 + 2", "outer.js").asNumber());
            holder.close();
            assertEquals(4.0, outer.evaluate("2 + 2", "outer.js").asNumber());
        }
    }

    private JsRuntime holder;

    @Test
    void mutualCallbacksBetweenTwoRuntimes() {
        try (JsRuntime a = factory.create(); JsRuntime b = factory.create()) {
            a.global().set("askB", a.function("askB", 1, (r, self, args) -> b.evaluate("depth(" + args.get(0).asNumber() + ")", "b.js")));
            b.global().set("askA", b.function("askA", 1, (r, self, args) -> a.evaluate("depth(" + args.get(0).asNumber() + ")", "a.js")));
            a.evaluate("function depth(n) { return n <= 0 ? 'a' : 'a' + askB(n - 1) }", "a.js");
            b.evaluate("function depth(n) { return n <= 0 ? 'b' : 'b' + askA(n - 1) }", "b.js");
            assertEquals("ababababa", a.evaluate("depth(8)", "a.js").asString());
        }
    }

    @Test
    void theContextIsEnteredOnceAndExitedWhenTheRuntimeCloses() {
        assertNull(Context.getCurrentContext());
        JsRuntime rt = factory.create();
        Context resident = Context.getCurrentContext();
        assertTrue(resident != null, "the runtime's Context stays current on its thread");
        rt.evaluate("1", "t.js");
        rt.global().get("Object");
        assertSame(resident, Context.getCurrentContext());
        rt.close();
        assertNull(Context.getCurrentContext(), "closing exits it");
    }

    @Test
    void aForeignContextOnTheThreadIsPutBackAfterEachOperation() {
        try (Context foreign = new ContextFactory().enterContext()) {
            try (JsRuntime rt = factory.create()) {
                assertSame(foreign, Context.getCurrentContext(), "creating a runtime does not keep a foreign Context out");
                assertEquals(2.0, rt.evaluate("1 + 1", "t.js").asNumber());
                assertSame(foreign, Context.getCurrentContext());
            }
            assertSame(foreign, Context.getCurrentContext());
        }
        assertNull(Context.getCurrentContext());
    }
}
