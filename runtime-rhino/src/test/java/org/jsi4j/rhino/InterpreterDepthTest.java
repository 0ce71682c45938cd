package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;

/**
 * {@link org.jsi4j.RuntimeOptions#maxStackDepth()} across the interpreter loops that {@code eval},
 * {@code new Function}, built-ins and host functions start ({@link InterpreterDepth}): each ends in
 * a catchable {@code RangeError} at about the limit, where before only the Java stack (about 600
 * levels, or an OutOfMemoryError) ended it.
 */
class InterpreterDepthTest {
    private static final int LIMIT = 200;
    private final RhinoRuntimeFactory factory = new RhinoRuntimeFactory();

    /** Runs {@code recursion} (which sets {@code reached}) and returns the RangeError's text and the level reached. */
    private static String[] dive(JsRuntime rt, String recursion) {
        rt.evaluate("var reached = 0;" + recursion, "dive.js");
        String out = rt.evaluate("try { start(); 'no error' } catch (e) { e.name + ':' + e.message + ':' + reached }",
                "run.js").asString();
        return out.split(":");
    }

    private static void assertStoppedNear(String[] caught, int levelsPerFrame, String what) {
        assertEquals("RangeError", caught[0], what + ": " + String.join(":", caught));
        assertEquals(StackDepthReporter.MESSAGE, caught[1], what);
        int reached = Integer.parseInt(caught[2]);
        int expected = LIMIT / levelsPerFrame;
        assertTrue(reached >= expected * 3 / 4 && reached <= expected * 5 / 4,
                what + " stopped at level " + reached + ", not about " + expected);
    }

    @Test
    void rhinosFramesAreReadableOnTheClassPath() {
        assertTrue(InterpreterDepth.available(), "Rhino's frames cannot be read: only its per-loop limit applies");
    }

    @Test
    void recursionThroughEvalAndNewFunctionEndsAtTheLimit() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxStackDepth(LIMIT))) {
            // each level is two frames: the function and the code eval (or new Function) made
            assertStoppedNear(dive(rt, "function f(n) { reached = n; return eval('f(n + 1)'); } function start() { f(1); }"),
                    2, "eval");
            assertStoppedNear(dive(rt, "function h(n) { reached = n; return new Function('n', 'return h(n + 1)')(n); }"
                    + " function start() { h(1); }"), 2, "new Function");
            assertStoppedNear(dive(rt, "function m(n) { reached = n; return [n + 1].map(m); } function start() { m(1); }"),
                    1, "Array.prototype.map");
            assertStoppedNear(dive(rt, "var o = { get deep() { reached++; return o.deep; } }; function start() { o.deep; }"),
                    1, "getter");
            assertStoppedNear(dive(rt, "var p = new Proxy({}, { get(t, k) { reached++; return p[k]; } });"
                    + " function start() { p.x; }"), 1, "Proxy trap");
            assertStoppedNear(dive(rt, "var v = { valueOf() { reached++; return v + 1; } }; function start() { return v * 2; }"),
                    1, "valueOf");
            assertStoppedNear(dive(rt, "var j = { toJSON() { reached++; return JSON.stringify(j); } };"
                    + " function start() { JSON.stringify(j); }"), 1, "toJSON");
            assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"), "the runtime goes on");
        }
    }

    @Test
    void recursionThroughAHostFunctionEndsAtTheLimit() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxStackDepth(LIMIT))) {
            rt.global().set("viaJava", rt.function("viaJava", 1, (r, self, args) ->
                    r.global().get("viaJs").asFunction().call(JsValue.of(args.get(0).asNumber() + 1))));
            assertStoppedNear(dive(rt, "function viaJs(n) { reached = n; return viaJava(n); } function start() { viaJs(1); }"),
                    1, "host function");
        }
    }

    @Test
    void aCatchInsideTheRecursionCannotGoDeeper() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxStackDepth(LIMIT))) {
            // each catch below the limit dives again (100 times in all): none gets past the limit
            rt.evaluate("var deepest = 0, retries = 0; function f(n) { deepest = Math.max(deepest, n);"
                    + " try { return eval('f(n + 1)'); } catch (e) { if (retries++ < 100) return eval('f(n + 1)'); throw e; } }",
                    "f.js");
            assertEquals(JsValue.of("RangeError"), rt.evaluate("try { f(1); } catch (e) { e.name }", "run.js"));
            assertTrue(rt.global().get("retries").asNumber() > 100, "every retry ran");
            double deepest = rt.global().get("deepest").asNumber();
            assertTrue(deepest >= LIMIT / 2 - 2 && deepest <= LIMIT / 2, "reached level " + deepest);
        }
    }

    @Test
    void shallowCodeIsNotStoppedByFramesThatEnded() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxStackDepth(LIMIT))) {
            // a generator made deep in the stack and resumed near the top counts from where it resumes
            rt.evaluate("function* counter() { var i = 0; while (true) yield i++; }"
                    + " function makeDeep(n) { return n === 0 ? counter() : eval('makeDeep(n - 1)'); }"
                    + " var g = makeDeep(80);", "gen.js");
            assertEquals(JsValue.of(4999), rt.evaluate(
                    "var v; for (var i = 0; i < 5000; i++) v = g.next().value; v", "resume.js"));
            // many eval levels one after another, none deeper than a few frames
            assertEquals(JsValue.of(5000), rt.evaluate(
                    "var s = 0; for (var i = 0; i < 5000; i++) s += eval('[1].map(function (x) { return x; })[0]'); s",
                    "flat.js"));
            // 90 eval levels (180 frames) are within the limit
            assertEquals(JsValue.of(90), rt.evaluate(
                    "function e(n) { return n === 0 ? 0 : 1 + eval('e(n - 1)'); } e(90)", "within.js"));
        }
    }

    @Test
    void theCountStaysExactWhenLoopsAreEnteredAndLeftAtEveryLevel() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxStackDepth(LIMIT))) {
            // the outer loops' frames are remembered per loop: at every level (but the last few, where the
            // probe itself would pass the limit) a probe enters loops two deeper and returns, and the dive
            // must still end exactly where the plain one ends
            rt.evaluate("var deepest = 0; function plain(n) { deepest = n; return eval('plain(n + 1)'); }"
                    + " function probed(n) { deepest = n; if (n < 90) eval('[0].map(function () { return eval(\"0\"); })');"
                    + " return eval('probed(n + 1)'); }", "dive.js");
            rt.evaluate("try { plain(1); } catch (e) { }", "plain.js");
            double plain = rt.global().get("deepest").asNumber();
            rt.evaluate("try { probed(1); } catch (e) { }", "probed.js");
            assertEquals(plain, rt.global().get("deepest").asNumber(), "probed dive against plain dive");
            assertEquals(LIMIT / 2, plain, 1, "two frames per level");
        }
    }

    @Test
    void aRuntimeRestoredFromItsImageKeepsTheLimit() {
        org.jsi4j.Snapshot snap;
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting().withMaxStackDepth(LIMIT))) {
            rt.evaluate("var reached = 0; function f(n) { reached = n; return eval('f(n + 1)'); }"
                    + " function start() { f(1); }", "setup.js");
            snap = rt.snapshot();
        }
        assertTrue(snap.hasNativeImage(), "the setup fits Rhino's image");
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(snap).withMaxStackDepth(LIMIT))) {
            String[] caught = rt.evaluate("try { start(); 'no error' } catch (e) { e.name + ':' + e.message + ':' + reached }",
                    "run.js").asString().split(":");
            assertStoppedNear(caught, 2, "eval, restored");
        }
    }
}
