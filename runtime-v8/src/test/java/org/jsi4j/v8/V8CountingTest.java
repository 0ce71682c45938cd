package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;

/**
 * Statement and depth limits on V8 ({@link V8Counting}): hostile scripts that try to escape the
 * counting through code made from strings, the counters' names, or positions that would give the
 * rewriting away.
 */
class V8CountingTest {
    private static final V8RuntimeFactory FACTORY = new V8RuntimeFactory();

    private static JsRuntime counted() {
        // the time limit turns an escape from the counting into a failure (TIME_LIMIT) instead of a hang
        return FACTORY.create(RuntimeOptions.defaults().withStatementLimit(100_000).withMaxStackDepth(200)
                .withTimeLimit(java.time.Duration.ofSeconds(10)));
    }

    private static void assertStatementLimit(JsRuntime rt, String script) {
        JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.evaluate(script, "hostile.js"), script);
        assertEquals(JsTerminatedException.Reason.STATEMENT_LIMIT, e.reason(), script);
        assertTrue(e.runtimeUsable());
        assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"));
    }

    @Test
    void codeMadeFromStringsIsCountedOnEveryPath() {
        try (JsRuntime rt = counted()) {
            for (String script : new String[] {
                    "eval('for (;;) {}')",
                    "(0, eval)('for (;;) {}')",
                    "eval?.('for (;;) {}')",
                    "var e = eval; e('while (true) {}')",
                    "globalThis.eval('for (;;) {}')",
                    "eval.call(null, 'for (;;) {}')",
                    "Reflect.apply(eval, null, ['for (;;) {}'])",
                    "(eval)('for (;;) {}')",
                    "eval(...['for (;;) {}'])",
                    "eval('eval(\"for (;;) {}\")')",
                    "var o = {eval}; o.eval('for (;;) {}')",
                    "eval`x`; [eval][0]('for (;;) {}')",
                    "eval: for (;;) { continue eval; }",
                    "new Function('for (;;) {}')()",
                    "Function('a', 'b', 'for (;;) {}')(1, 2)",
                    "(function () {}).constructor('for (;;) {}')()",
                    "Object.getPrototypeOf(function* () {}).constructor('for (;;) {}')().next()",
                    "Object.getPrototypeOf(async function () {}).constructor('for (;;) {}')()",
                    "Object.getPrototypeOf(async function* () {}).constructor('for (;;) {}')().next()",
                    "Reflect.construct(Function, ['for (;;) {}'])()",
                    "class F extends Function {} new F('for (;;) {}')()",
                    "[1].map(function f() { for (;;) {} })",
                    "var o = { get x() { for (;;) {} } }; o.x",
                    "new Proxy({}, { get() { for (;;) {} } }).x",
                    "String({ toString() { for (;;) {} } })",
                    "function* g() { for (;;) yield 1; } for (var v of g()) {}",
                    "async function a() { for (;;) {} } a()",
                    "var x = () => { for (;;) {} }; x()",
                    "for (;;) ;",
                    "do {} while (true)",
                    "outer: for (;;) { for (var i = 0; i < 1; i++) continue outer; }",
                    "for (var k in new Proxy({}, { ownKeys() { for (;;) {} } })) {}",
            }) {
                assertStatementLimit(rt, script);
            }
        }
    }

    @Test
    void theCountersCannotBeReachedOrReplaced() {
        try (JsRuntime rt = counted()) {
            for (String script : new String[] {"$jsi4j_c[0] = 1e300; for (;;) {}", "\\u0024jsi4j_c[0] = 1e300",
                    "var $jsi4j_s = function () {}", "eval('$jsi4j_c[0] = 1e300')"}) {
                org.jsi4j.JsException e = assertThrows(org.jsi4j.JsException.class, () -> rt.evaluate(script, "names.js"), script);
                assertTrue(e.getMessage().contains("$jsi4j_") && e.getMessage().contains("reserved"), e.getMessage());
            }
            assertEquals(JsValue.of("undefined undefined false"), rt.evaluate(
                    "typeof globalThis.$jsi4j_c + ' ' + typeof globalThis.$jsi4j_boot + ' ' + Object.getOwnPropertyNames(globalThis).some(n => n.startsWith('$jsi'))",
                    "look.js"));
            for (String script : new String[] {"with ({}) { for (;;) {} }", "var eval = 1", "function f(eval) {}", "eval = function () {}",
                    "try {} catch (eval) {}"}) {
                assertThrows(JsSyntaxError.class, () -> rt.evaluate(script, "refused.js"), script);
            }
            // replacing the wrappers gains nothing: what replaces them never held the intrinsics
            assertStatementLimit(rt, "globalThis.eval = function (s) { return s; }; Function.prototype.constructor = null;"
                    + " delete globalThis.Function; eval('for (;;) {}')");
            assertEquals(JsValue.of("undefined"), rt.evaluate("typeof WebAssembly", "wasm.js"));
        }
    }

    /** Stack inspection from code the wrappers call finds no function that holds the intrinsics. */
    @Test
    void stackInspectionFindsNoIntrinsic() {
        try (JsRuntime rt = counted()) {
            assertStatementLimit(rt, """
                    var found = [];
                    Error.prepareStackTrace = function (e, sites) {
                      for (var i = 0; i < sites.length; i++) { var f = sites[i].getFunction(); if (f) found.push(f); }
                      return '';
                    };
                    var sneaky = { toString() { new Error().stack; return 'return 1'; } };
                    var param = { toString() { new Error().stack; return 'a'; } };
                    Function(param, sneaky); eval(sneaky); Object.getPrototypeOf(async function () {}).constructor(sneaky);
                    Error.prepareStackTrace = undefined;
                    for (var i = 0; i < found.length; i++) { try { found[i]('for (;;) {}'); } catch (e) {} }
                    for (var i = 0; i < found.length; i++) { try { new found[i]('for (;;) {}')(); } catch (e) {} }
                    for (;;) {}""");
        }
    }

    @Test
    void countsRestartPerOutermostEntryAndIncludeNestedOnes() {
        try (JsRuntime rt = counted()) {
            rt.evaluate("function spin(n) { var s = 0; for (var i = 0; i < n; i++) { s += i; } return s; }", "spin.js");
            for (int i = 0; i < 5; i++) rt.evaluate("spin(60000)", "each.js");   // 60% of the limit, five times
            for (int i = 0; i < 5; i++) rt.prepare("spin(60000)", "prepared.js").run();
            rt.global().set("nested", rt.function("nested", 0, (r, self, args) -> r.evaluate("spin(60000)", "inner.js")));
            assertStatementLimit(rt, "nested(); nested();");
            JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.prepare("spin(1e9)", "p.js").run());
            assertEquals(JsTerminatedException.Reason.STATEMENT_LIMIT, e.reason());
            assertTrue(e.getMessage().contains("statementLimit"), e.getMessage());
            // precision: one statement per iteration of this loop body; V8 stops at its next interrupt check
            assertThrows(JsTerminatedException.class, () -> rt.evaluate("var n = 0; for (;;) { n++; }", "precise.js"));
            double n = rt.global().get("n").asNumber();
            assertTrue(n >= 99_990 && n <= 100_010, "stopped after " + n + " iterations");
        }
    }

    /** A V8 image's functions were compiled without the checks: a counting runtime restores by replaying the setup. */
    @Test
    void aSnapshotRestoresCounted() {
        byte[] blob;
        try (JsRuntime setup = FACTORY.create(RuntimeOptions.forSnapshotting())) {
            setup.evaluate("function forever() { for (;;) {} } function twice(x) { return 2 * x; }", "init.js");
            blob = setup.snapshot().bytes();
        }
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.fromSnapshot(blob).withStatementLimit(10_000)
                .withTimeLimit(java.time.Duration.ofSeconds(10)))) {
            assertEquals(JsValue.of(8), rt.evaluate("twice(4)", "use.js"));
            assertStatementLimit(rt, "forever()");
        }
    }

    /** At the deepest nesting of host calls (where a host call is a RangeError) the stop still ends the script. */
    @Test
    void theStopWorksAtTheDeepestHostNesting() {
        try (JsRuntime rt = counted()) {
            rt.global().set("viaJava", rt.function("viaJava", 1, (r, self, args) ->
                    r.global().get("inner").asFunction().call(args.get(0))));
            assertStatementLimit(rt, "var deepest = 0; function inner(d) { deepest = d; try { return viaJava(d + 1); }"
                    + " catch (e) { for (;;) { try { viaJava(0); } catch (e2) {} } } } inner(0)");
            assertTrue(rt.global().get("deepest").asNumber() > 40, "the recursion reached the nesting guard");
        }
    }

    @Test
    void evalKeepsItsScope() {
        try (JsRuntime rt = counted()) {
            assertEquals(JsValue.of(42), rt.evaluate("function f() { var local = 41; return eval('local + 1'); } f()", "scope.js"));
            assertEquals(JsValue.of("global"), rt.evaluate("var where = 'global'; function g() { var where = 'local'; return (0, eval)('where'); } g()",
                    "scope.js"));
            assertEquals(JsValue.of(7), rt.evaluate("new Function('a', 'b', 'return a + b')(3, 4)", "fn.js"));
            assertEquals(JsValue.of(true), rt.evaluate("(function () {}) instanceof Function && Function.prototype.constructor === Function"
                    + " && eval === globalThis.eval && Function.name === 'Function'", "identity.js"));
            assertEquals(JsValue.of("ok"), rt.evaluate("'use strict'; eval('\"ok\"')", "strict.js"));
            // the name eval as a property, a method, a label and a default value is left alone
            assertEquals(JsValue.of("1 2 3 true true"), rt.evaluate("var o = {eval: 1}; class C { eval() { return 2; } }"
                    + " function d(a = eval) { return a; } var p = {}; p.eval = 3;"
                    + " o.eval + ' ' + new C().eval() + ' ' + p.eval + ' ' + (d() === eval) + ' ' + ({eval}.eval === globalThis.eval)",
                    "names.js"));
            JsError e = assertThrows(JsError.class, () -> rt.evaluate("eval('for (;')", "syntax.js"));
            assertEquals("SyntaxError", e.name().orElseThrow());
            assertEquals(JsValue.of("SyntaxError"), rt.evaluate("try { new Function('){ for(;;){} }; (function(', '') } catch (e) { e.name }",
                    "inject.js"));
        }
    }

    @Test
    void depthLimitIsACatchableRangeErrorAndCountsRestart() {
        try (JsRuntime rt = counted()) {
            rt.evaluate("var reached = 0; function dive(n) { reached = n; dive(n + 1); }", "dive.js");
            assertEquals(JsValue.of("RangeError"), rt.evaluate("try { dive(1); } catch (e) { e.name }", "dive.js"));
            assertEquals(JsValue.of(200), rt.global().get("reached"));
            assertEquals(JsValue.of("RangeError 200"), rt.evaluate("try { dive(1); } catch (e) { e.name + ' ' + reached }", "again.js"),
                    "the depth counted down as the recursion unwound");
            // recursion through a getter, a Proxy trap and toString ends at the limit (not at V8's own stack end)
            for (String deep : new String[] {"var g = { get x() { return this.x; } }; g.x",
                    "var p = new Proxy({}, { get(t, k, receiver) { return receiver[k]; } }); p.x",
                    "var s = { toString() { return 'again ' + s; } }; String(s)",
                    "function viaEval(n) { return eval('viaEval(n + 1)'); } viaEval(0)",
                    "function viaFunction(n) { return new Function('n', 'return viaFunction(n + 1)')(n); } viaFunction(0)"}) {
                assertEquals(JsValue.of(true), rt.evaluate("try { " + deep + "; false } catch (e) { e instanceof RangeError"
                        + " && e.message.includes('maxStackDepth = 200') }", "deep.js"), deep);
            }
        }
    }

    /** The same errors, with the same positions and stacks, as in a runtime that rewrites nothing. */
    @Test
    void errorPositionsPointAtTheUsersSource() {
        String[] scripts = {
                "function f() { for (var i = 0; i < 3; i++) { if (i == 2) null.boom; } }\nf();",
                "var g = (x) => x.y.z; [1].map(() => { return g({}); });",
                "function a() { b(); } function b() { while (true) { throw new Error('here'); } }\n  a();",
                "var s = 'é'; function u() { return eval('1;\\n  undefinedName'); } u()",
        };
        try (JsRuntime rt = counted(); JsRuntime plain = FACTORY.create(RuntimeOptions.defaults())) {
            for (String script : scripts) {
                JsError limited = assertThrows(JsError.class, () -> rt.evaluate(script, "where.js"), script);
                JsError expected = assertThrows(JsError.class, () -> plain.evaluate(script, "where.js"), script);
                assertEquals(expected.location(), limited.location(), script);
                assertEquals(expected.jsStack(), limited.jsStack(), script);
                assertEquals(expected.getMessage(), limited.getMessage(), script);
            }
        }
    }

    @Test
    void runtimesWithoutTheLimitsAreNotRewritten() {
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.defaults())) {
            assertEquals(JsValue.of("object"), rt.evaluate("typeof WebAssembly", "plain.js"));
            assertEquals(JsValue.of(true), rt.evaluate("var $jsi4j_mine = 1; String(function f() { for (;;) {} }) === 'function f() { for (;;) {} }'",
                    "plain.js"));
            assertFalse(rt.evaluate("String(eval)", "plain.js").asString().contains("realEval"));
        }
    }
}
