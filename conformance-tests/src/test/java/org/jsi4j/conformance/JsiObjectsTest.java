package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.HostFunction;
import org.jsi4j.JsArray;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.MapHostObject;

/** Prototypes, arrays, JSON, equality, host function and host object identity, native state. */
@Area("jsi-surface")
class JsiObjectsTest {
    @EngineTest
    void prototypes(JsRuntime rt) {
        JsObject proto = rt.evaluate("({greet() { return 'hi ' + this.n; }})", "p.js").asObject();
        JsObject o = rt.newObject(proto);
        o.set("n", "bob");
        rt.global().set("o", o);
        assertEquals(JsValue.of("hi bob"), rt.evaluate("o.greet()", "g.js"));
        assertTrue(o.getPrototype().asObject().strictEquals(proto));
        JsObject bare = rt.newObject(JsValue.nullValue());
        assertTrue(bare.getPrototype().isNull());
        rt.global().set("bare", bare);
        assertEquals(JsValue.of("undefined,true"), rt.evaluate(
                "[typeof bare.toString, Object.getPrototypeOf(bare) === null].join()", "b.js"));
        o.setPrototype(JsValue.nullValue());
        assertEquals(JsValue.of("undefined"), rt.evaluate("typeof o.greet", "n.js"));
        JsFunction ctor = rt.evaluate("(function Point() {})", "c.js").asFunction();
        o.setPrototype(ctor.get("prototype"));
        assertTrue(o.instanceOf(ctor));
        assertThrows(IllegalArgumentException.class, () -> o.setPrototype(JsValue.of(1)));
        JsError cycle = assertThrows(JsError.class, () -> proto.setPrototype(rt.newObject(proto)));
        assertEquals("TypeError", cycle.name().orElseThrow());
        JsError frozen = assertThrows(JsError.class,
                () -> rt.evaluate("Object.freeze({})", "f.js").asObject().setPrototype(proto));
        assertEquals("TypeError", frozen.name().orElseThrow());
    }

    @EngineTest
    void setPrototypeOfNullFromAHostFunction(JsRuntime rt) {
        rt.global().set("strip", rt.function("strip", 1, (r, self, args) -> {
            args.get(0).asObject().setPrototype(JsValue.nullValue());
            return JsValue.nullValue();
        }));
        assertEquals(JsValue.of("null,true"), rt.evaluate(
                "var x = {}; var r = strip(x); [String(Object.getPrototypeOf(x)), r === null].join()", "s.js"));
    }

    @EngineTest
    void constructingFunctionsMadeByEvalAndNewFunction(JsRuntime rt) {
        JsFunction fromEval = rt.evaluate("eval('(function Made(a) { this.a = a; })')", "e.js").asFunction();
        assertEquals(JsValue.of(5), fromEval.construct(JsValue.of(5)).get("a"));
        assertTrue(fromEval.construct().instanceOf(fromEval));
        JsFunction fromNew = rt.evaluate("new Function('b', 'this.b = b * 2')", "n.js").asFunction();
        assertEquals(JsValue.of(6), fromNew.construct(JsValue.of(3)).get("b"));
        JsError thrown = assertThrows(JsError.class,
                () -> rt.evaluate("eval('(function () { throw new TypeError(\\'no\\'); })')", "t.js").asFunction().construct());
        assertEquals("TypeError", thrown.name().orElseThrow());
    }

    @EngineTest
    void forInNamesIncludeInheritedEnumerableOnes(JsRuntime rt) {
        JsObject o = rt.evaluate("var b = {inherited: 1}; Object.defineProperty(b, 'hidden', {value: 2, enumerable: false});"
                + " var o = Object.create(b); o.own = 3; o[Symbol('s')] = 4; o", "f.js").asObject();
        assertEquals(List.of("own", "inherited"), o.forInNames());
        assertEquals(List.of("own"), o.propertyNames());
    }

    @EngineTest
    void arraysWithLengthAndPush(JsRuntime rt) {
        JsArray a = rt.newArray(3);
        assertEquals(3, a.length());
        rt.global().set("a", a);
        assertEquals(JsValue.of(false), rt.evaluate("0 in a", "h.js"), "new Array(n) holds holes");
        assertEquals(5, a.push(JsValue.of("x"), JsValue.of(true)));
        assertEquals(JsValue.of("x"), a.get(3));
        assertEquals(6, a.push(List.of(rt.newObject())));
        assertThrows(IllegalArgumentException.class, () -> rt.newArray(-1));
        rt.evaluate("Array.prototype.push = function () { throw new Error('replaced push'); }", "p.js");
        assertEquals(7, a.push(JsValue.of(1)), "the engine's own push, not the global one");
    }

    @EngineTest
    void createFromJsonEvaluatesNoScript(JsRuntime rt) {
        JsObject o = rt.createFromJson("{\"a\": [1, 2, {\"b\": null}], \"s\": \"t\"}").asObject();
        rt.global().set("j", o);
        assertEquals(JsValue.of("2,t,true"), rt.evaluate("[j.a[1], j.s, j.a[2].b === null].join()", "j.js"));
        assertEquals(JsValue.of(5), rt.createFromJson("5"));
        rt.evaluate("JSON.parse = function () { throw new Error('replaced'); }", "r.js");
        assertEquals(JsValue.of("x"), rt.createFromJson("\"x\""), "the engine's own JSON.parse, not the global");
        rt.global().set("called", false);
        JsException bad = assertThrows(JsException.class, () -> rt.createFromJson("{\"a\": (function () { called = true; })()}"));
        assertTrue(bad instanceof JsSyntaxError || bad instanceof JsError e && e.name().orElse("").equals("SyntaxError"),
                bad.toString());
        assertEquals(JsValue.of(false), rt.global().get("called"), "nothing in the text ran");
    }

    @EngineTest
    void strictEquals(JsRuntime rt) {
        JsObject a = rt.newObject();
        rt.global().set("a", a);
        assertTrue(rt.strictEquals(a, rt.evaluate("a", "a.js")));
        assertFalse(rt.strictEquals(a, rt.newObject()));
        assertFalse(rt.strictEquals(JsValue.of(Double.NaN), JsValue.of(Double.NaN)));
        assertTrue(rt.strictEquals(JsValue.of(0.0), JsValue.of(-0.0)));
        assertTrue(rt.strictEquals(JsValue.of("s"), rt.evaluate("'s'", "s.js")));
        assertFalse(rt.strictEquals(JsValue.of(1), JsValue.of("1")));
        assertFalse(rt.strictEquals(JsValue.undefined(), JsValue.nullValue()));
        assertTrue(rt.strictEquals(rt.evaluate("Symbol.iterator", "i.js"), rt.evaluate("Symbol.iterator", "j.js")));
    }

    @EngineTest
    void hostFunctionAndHostObjectIdentity(JsRuntime rt) {
        HostFunction body = (r, self, args) -> JsValue.of(1);
        JsFunction f = rt.function("f", 0, body);
        rt.global().set("f", f);
        JsFunction back = rt.evaluate("f", "f.js").asFunction();
        assertTrue(back.isHostFunction());
        assertSame(body, back.getHostFunction());
        JsFunction plain = rt.evaluate("(function () {})", "p.js").asFunction();
        assertFalse(plain.isHostFunction());
        assertThrows(IllegalStateException.class, plain::getHostFunction);
        assertFalse(rt.evaluate("f.bind(null)", "b.js").asFunction().isHostFunction(), "a bound function is not the host function");
        MapHostObject host = new MapHostObject();
        rt.global().set("h", rt.hostObject(host));
        assertSame(host, rt.evaluate("h", "h.js").asObject().getHostObject(MapHostObject.class));
        assertFalse(rt.evaluate("Object.create(h)", "c.js").asObject().isHostObject());
    }

    @EngineTest
    void nativeStateTravelsWithTheObject(JsRuntime rt) {
        record Counter(int n) {
        }
        JsObject o = rt.newObject();
        assertFalse(o.hasNativeState());
        o.setNativeState(new Counter(3));
        rt.global().set("o", o);
        JsObject again = rt.evaluate("o", "o.js").asObject();
        assertEquals(3, again.nativeState(Counter.class).orElseThrow().n(), "another handle to the same object sees it");
        assertThrows(IllegalStateException.class, () -> again.nativeState(String.class));
        JsObject copy = rt.evaluate("Object.assign({}, o)", "c.js").asObject();
        assertFalse(copy.hasNativeState(), "state is not a property: copies do not get it");
        assertEquals(JsValue.of("[]"), rt.evaluate("JSON.stringify(Object.getOwnPropertyNames(o))", "n.js"),
                "no script-visible trace");
        JsFunction fn = rt.evaluate("(function () {})", "f.js").asFunction();
        fn.setNativeState("on a function");
        assertEquals("on a function", fn.nativeState(String.class).orElseThrow());
        again.setNativeState(null);
        assertFalse(o.hasNativeState());
    }

    /**
     * Native state goes with its object: once the object is collected, nothing of the runtime
     * holds the state (JSI: released with the object), whichever scope the calls ran in.
     */
    @EngineTest
    void nativeStateIsReleasedWithItsObject(JsRuntime rt) throws InterruptedException {
        java.lang.ref.WeakReference<Object> released = attachToGarbage(rt, new byte[1 << 20]);
        JsObject kept = rt.newObject();
        Object keptState = new StringBuilder("kept");
        kept.setNativeState(keptState);
        java.lang.ref.WeakReference<Object> stillHeld = new java.lang.ref.WeakReference<>(keptState);
        keptState = null;
        for (int i = 0; i < 40 && released.get() != null; i++) {
            rt.collectGarbage();
            kept.hasNativeState(); // Rhino's WeakMap (a java.util.WeakHashMap) drops collected keys' values when next used
            System.gc();
            Thread.sleep(25);
        }
        assertTrue(released.get() == null, "the state of a collected object was released");
        assertTrue(stillHeld.get() != null && kept.hasNativeState(), "a live object keeps its state");
        assertEquals("kept", kept.nativeState(StringBuilder.class).orElseThrow().toString());
        int handles = rt.stats().liveHandles();
        for (int i = 0; i < 10; i++) {
            kept.hasNativeState();
            kept.setNativeState(keptState = new Object());
        }
        assertEquals(handles, rt.stats().liveHandles(), "reading and replacing state leaves no handle behind");
    }

    /** Attaches {@code state} to an object no one keeps once the scope closes. */
    @SuppressWarnings("try")
    private static java.lang.ref.WeakReference<Object> attachToGarbage(JsRuntime rt, Object state) {
        try (org.jsi4j.JsScope scope = rt.openScope()) {
            JsObject o = rt.evaluate("({})", "g.js").asObject();
            o.setNativeState(state);
            assertTrue(o.hasNativeState());
        }
        return new java.lang.ref.WeakReference<>(state);
    }

    @EngineTest
    void externalMemoryIsCounted(JsRuntime rt) {
        rt.adjustExternalMemory(100L << 20);
        assertEquals(100L << 20, rt.externalMemory());
        rt.adjustExternalMemory(-(200L << 20));
        assertEquals(0, rt.externalMemory(), "never below zero");
    }
}
