package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.jsi4j.JsArray;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.MapHostObject;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RhinoBackendTest {
    private final RhinoRuntimeFactory factory = new RhinoRuntimeFactory();
    private final JsRuntime rt = factory.create();

    @AfterEach
    void close() {
        rt.close();
    }

    @Test
    void evaluatesAndConvertsPrimitives() {
        assertEquals(3.0, rt.evaluate("1 + 2", "t.js").asNumber());
        assertEquals("ab", rt.evaluate("var a = 'a'; a + 'b'", "t.js").asString());
        assertEquals(BigInteger.TWO.pow(64), rt.evaluate("2n ** 64n", "t.js").asBigInt());
        assertTrue(rt.evaluate("undefined", "t.js").isUndefined());
        assertTrue(rt.evaluate("null", "t.js").isNull());
        JsValue sym = rt.evaluate("globalThis.s = Symbol('tag'); s", "t.js");
        assertEquals("tag", ((JsSymbol) sym).description());
        assertEquals(sym, rt.evaluate("s", "t.js"));
    }

    /** Rhino keeps promise jobs until Java drains them (a job stopped by a limit leaves the rest queued). */
    @Test
    void explicitMicrotasksAreDeclaredAndSurviveAStoppedJob() {
        assertTrue(factory.capabilities().explicitMicrotasks());
        try (JsRuntime explicit = factory.create(RuntimeOptions.defaults()
                .withMicrotaskPolicy(org.jsi4j.MicrotaskPolicy.EXPLICIT).withStatementLimit(100_000))) {
            explicit.evaluate("var done = 0; Promise.resolve().then(function () { for (;;) {} });"
                    + " Promise.resolve().then(function () { done++; });", "q.js");
            assertEquals(JsValue.of(0), explicit.evaluate("done", "d.js"));
            assertThrows(JsTerminatedException.class, () -> explicit.drainMicrotasks(-1));
            assertTrue(explicit.drainMicrotasks(-1));
            assertEquals(JsValue.of(1), explicit.evaluate("done", "d.js"));
        }
    }

    @Test
    void objectsArraysAndFunctionsRoundTrip() {
        JsObject o = rt.newObject();
        o.set("x", 5);
        rt.global().set("o", o);
        assertEquals(10.0, rt.evaluate("o.x * 2", "t.js").asNumber());
        JsArray a = rt.evaluate("[1, 'two', true]", "t.js").asArray();
        assertEquals(3, a.length());
        JsFunction add = rt.evaluate("(function (a, b) { return a + b + this.k; })", "t.js").asFunction();
        JsObject self = rt.newObject();
        self.set("k", 100);
        assertEquals(103.0, add.callWithThis(self, JsValue.of(1), JsValue.of(2)).asNumber());
        assertEquals(List.of("x"), o.propertyNames());
        assertTrue(o.delete("x"));
        assertFalse(o.has("x"));
    }

    @Test
    void hostFunctionSeesNameLengthAndThis() {
        rt.global().set("f", rt.function("hostF", 2, (r, self, args) ->
                JsValue.of(self.asObject().get("tag").asString() + args.size())));
        assertEquals("hostF/2", rt.evaluate("f.name + '/' + f.length", "t.js").asString());
        assertEquals("T3", rt.evaluate("({tag: 'T', f: f}).f(1, 2, 3)", "t.js").asString());
    }

    @Test
    void arrayBuffersCopyBytesBothWays() {
        rt.global().set("buf", rt.newArrayBuffer(new byte[] {1, 2, 3}));
        assertEquals(6.0, rt.evaluate("var v = new Uint8Array(buf); v[0] + v[1] + v[2]", "t.js").asNumber());
        byte[] bytes = rt.evaluate("new Uint8Array([9, 8]).buffer", "t.js").asObject() instanceof org.jsi4j.JsArrayBuffer b
                ? b.toByteArray() : null;
        assertEquals(List.of((byte) 9, (byte) 8), List.of(bytes[0], bytes[1]));
    }

    @Test
    void microtasksRunBeforeControlReturns() {
        rt.evaluate("var out = 0; Promise.resolve(7).then(function (v) { out = v * 2; });", "t.js");
        assertEquals(14.0, rt.evaluate("out", "t.js").asNumber());
        JsFunction later = rt.evaluate("(function () { Promise.resolve().then(function () { out = 1; }); })", "t.js").asFunction();
        later.call();
        assertEquals(1.0, rt.evaluate("out", "t.js").asNumber());
    }

    @Test
    void hostObjectBehavesAsAnOrdinaryObject() {
        MapHostObject host = new MapHostObject();
        host.values().put("a", JsValue.of(1));
        JsObject face = rt.hostObject(host);
        rt.global().set("h", face);
        assertEquals("true,false,a", rt.evaluate("['a' in h, 'zz' in h, Object.keys(h)].join()", "t.js").asString());
        assertEquals("{\"a\":1}", rt.evaluate("JSON.stringify(h)", "t.js").asString());
        assertEquals(1.0, rt.evaluate("Object.create(h).a", "t.js").asNumber());
        rt.evaluate("h.b = 'x'; delete h.a", "t.js");
        assertEquals(List.of("b"), List.copyOf(host.values().keySet()));
        assertEquals("b", rt.evaluate("var ks = []; for (var k in h) ks.push(k); ks.join()", "t.js").asString());
        assertSame(host, rt.global().get("h").asObject().getHostObject(MapHostObject.class));
    }

    @Test
    void writesFromJavaThrowAsStrictCodeWould() {
        JsObject frozen = rt.evaluate("Object.freeze({a: 1})", "t.js").asObject();
        JsError e = assertThrows(JsError.class, () -> frozen.set("a", 2));
        assertEquals("TypeError", e.name().orElseThrow());
        JsObject getterOnly = rt.evaluate("({get g() { return 1; }})", "t.js").asObject();
        assertEquals("TypeError", assertThrows(JsError.class, () -> getterOnly.set("g", 2)).name().orElseThrow());
        JsObject plain = rt.newObject();
        plain.set("a", 5);
        plain.set(0, JsValue.of(6));
        assertEquals(11.0, plain.get("a").asNumber() + plain.get(0).asNumber());
        assertEquals(JsValue.of(1), rt.evaluate("var o = Object.freeze({a: 1}); o.a = 2; o.a", "t.js"),
                "scripts keep their own sloppy semantics");
    }

    @Test
    void handlesOfAnotherRuntimeAreRejectedWithIllegalArgumentException() {
        try (JsRuntime other = factory.create()) {
            JsObject foreign = other.newObject();
            JsObject local = rt.newObject();
            assertThrows(IllegalArgumentException.class, () -> local.set("x", foreign));
            JsFunction id = rt.evaluate("(function (x) { return x; })", "t.js").asFunction();
            assertThrows(IllegalArgumentException.class, () -> id.call(foreign));
            assertThrows(IllegalArgumentException.class, () -> rt.newArray(List.of(foreign)));
        }
    }

    @Test
    void javaCallsPassThisAsFunctionPrototypeCallWould() {
        assertTrue(rt.evaluate("(function () { return this; })", "t.js").asFunction().call().asObject()
                .strictEquals(rt.global()), "a sloppy function called with undefined this gets the global object");
        JsFunction strictThis = rt.evaluate("(function () { 'use strict'; return this; })", "t.js").asFunction();
        assertTrue(strictThis.call().isUndefined());
        assertTrue(strictThis.callWithThis(JsValue.nullValue()).isNull());
        rt.global().set("hostThis", rt.function("hostThis", 0, (r, self, args) -> JsValue.of(self.isUndefined())));
        assertEquals(JsValue.of(true), rt.global().get("hostThis").asFunction().call());
    }

    @Test
    void statementLimitCountsEachEntryAfresh() {
        try (JsRuntime limited = factory.create(RuntimeOptions.defaults().withStatementLimit(10_000))) {
            assertEquals(JsValue.of(45), limited.evaluate("var s = 0; for (var i = 0; i < 10; i++) { s += i; } s", "t.js"));
            for (int i = 0; i < 3; i++) {
                JsTerminatedException e = assertThrows(JsTerminatedException.class,
                        () -> limited.evaluate("for (;;) {}", "loop.js"));
                assertEquals(JsTerminatedException.Reason.STATEMENT_LIMIT, e.reason());
                assertEquals(JsValue.of(45), limited.evaluate("var s = 0; for (var i = 0; i < 10; i++) { s += i; } s",
                        "t.js"), "the units counted before the stop do not carry over to the next entry");
            }
        }
    }
}
