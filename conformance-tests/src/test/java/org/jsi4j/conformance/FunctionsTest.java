package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jsi4j.EsFeature;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsValue;

/** Calling JavaScript functions from Java. */
@Area("functions")
@SuppressWarnings("try") // scopes are opened for their effect on handles made inside
class FunctionsTest {
    private static JsFunction fn(JsRuntime rt, String source) {
        return rt.evaluate("(" + source + ")", "functions.js").asFunction();
    }

    @EngineTest
    void callPassesArgumentsAndReturnsResult(JsRuntime rt) {
        JsFunction add = fn(rt, "function (a, b) { return a + b; }");
        assertEquals(JsValue.of(5), add.call(JsValue.of(2), JsValue.of(3)));
        assertEquals(JsValue.of("ab"), add.call(JsValue.of("a"), JsValue.of("b")));
        assertEquals(JsValue.of(3), add.call(List.of(JsValue.of(1), JsValue.of(2))));
        assertTrue(fn(rt, "function () {}").call().isUndefined());
    }

    @EngineTest
    void callWithThisBindsThis(JsRuntime rt) {
        JsFunction getX = fn(rt, "function (suffix) { return this.x + suffix; }");
        JsObject target = rt.newObject();
        target.set("x", "value");
        assertEquals(JsValue.of("value!"), getX.callWithThis(target, JsValue.of("!")));
        JsFunction self = fn(rt, "function () { return this; }");
        assertTrue(self.callWithThis(target).asObject().strictEquals(target));
    }

    @EngineTest
    void thisIsGlobalInSloppyFunctions(JsRuntime rt) {
        assertTrue(fn(rt, "function () { return this; }").call().asObject().strictEquals(rt.global()));
        assertEquals(JsValue.of("object"), fn(rt, "function () { return typeof this; }").callWithThis(JsValue.of(5)),
                "sloppy functions box a primitive receiver");
    }

    @EngineTest
    @RequiresFeature(EsFeature.STRICT_MODE_THIS)
    void thisIsUndefinedAndUnboxedInStrictFunctions(JsRuntime rt) {
        assertTrue(fn(rt, "function () { 'use strict'; return this; }").call().isUndefined());
        assertEquals(JsValue.of("number"), fn(rt, "function () { 'use strict'; return typeof this; }")
                .callWithThis(JsValue.of(5)));
    }

    @EngineTest
    void constructMakesInstances(JsRuntime rt) {
        JsFunction point = fn(rt, "function Point(x, y) { this.x = x; this.y = y; }");
        JsObject p = point.construct(JsValue.of(1), JsValue.of(2));
        assertEquals(JsValue.of(1), p.get("x"));
        assertEquals(JsValue.of(2), p.get("y"));
        assertTrue(p.instanceOf(point));
        JsObject date = rt.global().get("Date").asFunction().construct(JsValue.of(0));
        assertEquals(JsValue.of(1970), date.get("getUTCFullYear").asFunction().callWithThis(date));
        JsObject arr = rt.global().get("Array").asFunction().construct(JsValue.of(3));
        assertEquals(3, arr.asArray().length());
    }

    @EngineTest
    @RequiresFeature(EsFeature.CLASSES)
    void constructClasses(JsRuntime rt) {
        JsFunction counter = rt.evaluate("(class Counter { constructor(start) { this.n = start; }"
                + " inc() { return ++this.n; } })", "classes.js").asFunction();
        JsObject c = counter.construct(JsValue.of(10));
        assertEquals(JsValue.of(11), c.get("inc").asFunction().callWithThis(c));
        assertEquals("Counter", counter.name());
        JsError e = assertThrows(JsError.class, () -> counter.call(), "a class cannot be called without new");
        assertEquals("TypeError", e.name().orElseThrow());
    }

    @EngineTest
    @RequiresFeature(EsFeature.ARROW_FUNCTIONS)
    void constructingNonConstructorThrowsTypeError(JsRuntime rt) {
        JsFunction arrow = rt.evaluate("(x => x)", "arrow.js").asFunction();
        JsError e = assertThrows(JsError.class, () -> arrow.construct());
        assertEquals("TypeError", e.name().orElseThrow());
    }

    @EngineTest
    void closuresKeepTheirState(JsRuntime rt) {
        JsFunction makeCounter = fn(rt, "function () { var n = 0; return function () { return ++n; }; }");
        JsFunction a = makeCounter.call().asFunction();
        JsFunction b = makeCounter.call().asFunction();
        assertEquals(JsValue.of(1), a.call());
        assertEquals(JsValue.of(2), a.call());
        assertEquals(JsValue.of(3), a.call());
        assertEquals(JsValue.of(1), b.call(), "each closure has its own state");
    }

    @EngineTest
    void namesAndLengths(JsRuntime rt) {
        JsFunction named = fn(rt, "function computeTotal(a, b, c) {}");
        assertEquals("computeTotal", named.name());
        assertEquals(JsValue.of(3), named.get("length"));
        assertEquals("max", rt.global().get("Math").asObject().get("max").asFunction().name());
        rt.evaluate("function declared() {}", "decl.js");
        assertEquals("declared", rt.global().get("declared").asFunction().name());
    }

    @EngineTest
    void argumentsAreAsPassed(JsRuntime rt) {
        JsFunction describe = fn(rt, "function (a, b) { var t = []; for (var i = 0; i < arguments.length; i++)"
                + " t.push(typeof arguments[i]); return arguments.length + ':' + t.join(',') + ':' + typeof b; }");
        assertEquals(JsValue.of("0::undefined"), describe.call());
        assertEquals(JsValue.of("1:number:undefined"), describe.call(JsValue.of(1)));
        assertEquals(JsValue.of("5:string,boolean,object,undefined,object:boolean"), describe.call(
                JsValue.of("s"), JsValue.of(true), JsValue.nullValue(), JsValue.undefined(), rt.newObject()));
    }

    @EngineTest
    void boundFunctionsKeepTheirThis(JsRuntime rt) {
        JsFunction bound = rt.evaluate("var obj = {v: 'bound'}; (function (x) { return this.v + x; }).bind(obj)",
                "bind.js").asFunction();
        assertEquals(JsValue.of("bound1"), bound.call(JsValue.of(1)));
        assertEquals(JsValue.of("bound2"), bound.callWithThis(rt.newObject(), JsValue.of(2)));
    }

    @EngineTest
    void functionsPassedBetweenScriptsAndJava(JsRuntime rt) {
        JsFunction square = fn(rt, "function (x) { return x * x; }");
        rt.global().set("square", square);
        assertEquals(JsValue.of(49), rt.evaluate("square(7)", "use.js"));
        JsFunction apply = fn(rt, "function (f, v) { return f(v) + 1; }");
        assertEquals(JsValue.of(10), apply.call(square, JsValue.of(3)));
        JsFunction returned = fn(rt, "function () { return function (s) { return s + s; }; }").call().asFunction();
        assertEquals(JsValue.of("abab"), returned.call(JsValue.of("ab")));
    }

    @EngineTest
    void persistedFunctionCallableAfterItsScopeCloses(JsRuntime rt) {
        JsRef<JsFunction> kept;
        try (JsScope scope = rt.openScope()) {
            JsFunction counter = fn(rt, "function () { var n = 100; return function () { return ++n; }; }")
                    .call().asFunction();
            assertEquals(JsValue.of(101), counter.call());
            kept = rt.persist(counter);
        }
        assertEquals(JsValue.of(102), kept.get().call());
        kept.close();
    }

    @EngineTest
    void callThatThrowsLeavesRuntimeUsable(JsRuntime rt) {
        JsFunction thrower = fn(rt, "function (m) { throw new Error(m); }");
        JsError e = assertThrows(JsError.class, () -> thrower.call(JsValue.of("first")));
        assertEquals("first", e.jsMessage());
        assertEquals("Error", e.name().orElseThrow());
        assertEquals(JsValue.of(2), fn(rt, "function () { return 2; }").call());
    }

    @EngineTest
    void reentrancyJavaToJsToJavaToJs(JsRuntime rt) {
        List<String> log = new ArrayList<>();
        rt.global().set("toJava", rt.function("toJava", 1, (r, self, args) -> {
            log.add("java(" + args.get(0).asInt() + ")");
            JsValue inner = r.global().get("innerJs").asFunction().call(JsValue.of(args.get(0).asInt() * 10));
            log.add("java got " + inner.asInt());
            return JsValue.of(inner.asInt() + 1);
        }));
        rt.evaluate("var log = []; function innerJs(x) { log.push('innerJs(' + x + ')'); return x + 5; }"
                + " function outerJs(x) { log.push('outerJs(' + x + ')'); return toJava(x + 1) * 2; }", "reenter.js");
        JsValue result = rt.global().get("outerJs").asFunction().call(JsValue.of(1));
        assertEquals(JsValue.of(((2 * 10 + 5) + 1) * 2), result);
        assertEquals(List.of("java(2)", "java got 25"), log);
        assertEquals(JsValue.of("outerJs(1),innerJs(20)"), rt.evaluate("log.join(',')", "log.js"));
    }

    @EngineTest
    void deepAlternatingReentrancy(JsRuntime rt) {
        rt.global().set("down", rt.function("down", 1, (r, self, args) -> {
            int n = args.get(0).asInt();
            if (n == 0) return JsValue.of(0);
            return JsValue.of(1 + r.global().get("jsDown").asFunction().call(JsValue.of(n - 1)).asInt());
        }));
        rt.evaluate("function jsDown(n) { return n === 0 ? 0 : 1 + down(n - 1); }", "deep.js");
        assertEquals(JsValue.of(60), rt.evaluate("jsDown(60)", "deep.js"));
    }

    /**
     * A recursive function comparing its parameter with {@code ===} against a number literal (Rhino
     * 1.9.2's compiled mode answered 1 for this, mozilla/rhino#2407; see known-deviations.txt).
     */
    @EngineTest
    void recursionComparingAParameterStrictlyWithANumber(JsRuntime rt) {
        assertEquals(JsValue.of(10), rt.evaluate("function g(n) { if (n === 0) return 0; return 1 + g(n - 1); } g(10)", "g.js"));
        assertEquals(JsValue.of(10), rt.evaluate("function g2(n) { if (n == 0) return 0; return 1 + g2(n - 1); } g2(10)", "g2.js"));
        assertEquals(JsValue.of("true,false"), rt.evaluate(
                "function id(a) {} function isZero(a) { var r = a === 0; id(a); return r; } [isZero(0), isZero(1)].join()", "z.js"));
    }
}
