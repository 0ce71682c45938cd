package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jsi4j.JsArray;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsValue;
import org.jsi4j.MapHostObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class V8BackendTest {
    private final JsRuntime rt = new V8RuntimeFactory().create();

    @AfterEach
    void close() {
        rt.close();
    }

    private JsValue eval(String js) {
        return rt.evaluate(js, "test.js");
    }

    @Test
    void scriptSemanticsAreThoseOfAClassicSloppyScript() {
        assertEquals(3.0, eval("let a = 1; const b = 2; function f() { return a + b } var v = 9; f()").asNumber());
        assertEquals("number,number,function,number", eval("[typeof a, typeof b, typeof f, typeof globalThis.v].join()").asString());
        assertTrue(eval("(function () { return this === globalThis })()").asBoolean(), "sloppy this");
        assertEquals(2.0, eval("with ({x: 2}) { x }").asNumber(), "with works only in sloppy mode");
        assertThrows(JsError.class, () -> eval("'use strict'; undeclared = 1"));
    }

    @Test
    void primitivesCrossBothWays() {
        JsFunction echo = eval("(x => x)").asFunction();
        for (JsValue v : List.of(JsValue.undefined(), JsValue.nullValue(), JsValue.of(true), JsValue.of(1.5),
                JsValue.of(-7), JsValue.of("héllo"), JsValue.of(new BigInteger("123456789012345678901234567890")),
                JsValue.of(BigInteger.TWO))) {
            assertEquals(v, echo.call(v), v.toString());
        }
        assertEquals("bigint", eval("typeof 10n").asString());
        assertEquals(BigInteger.valueOf(10), eval("10n").asBigInt());
        JsFunction isNegZero = eval("(x => Object.is(x, -0))").asFunction();
        assertTrue(isNegZero.call(JsValue.of(-0.0)).asBoolean());
    }

    @Test
    void symbolsKeepTheirIdentity() {
        JsSymbol s = rt.newSymbol("tag");
        JsSymbol none = rt.newSymbol(null);
        assertEquals("tag", s.description());
        JsObject o = rt.newObject();
        o.set(s, JsValue.of(1));
        assertEquals(1.0, o.get(s).asNumber());
        JsFunction id = eval("(x => x)").asFunction();
        assertEquals(s, id.call(s));
        assertNotEquals(s, none);
        assertEquals(eval("Symbol.iterator"), eval("Symbol.iterator"));
        assertEquals("symbol", eval("(x => typeof x)").asFunction().call(none).asString());
    }

    @Test
    void arrayBuffersCopyBytesBothWays() {
        byte[] bytes = {1, 2, (byte) 255, 0, 42};
        JsObject buf = rt.newArrayBuffer(bytes);
        assertEquals("1,2,255,0,42", eval("(b => new Uint8Array(b).join())").asFunction().call(buf).asString());
        JsValue made = eval("new Uint8Array([9, 8, 7]).buffer");
        assertArrayEquals(new byte[] {9, 8, 7}, ((org.jsi4j.JsArrayBuffer) made).toByteArray());
    }

    @Test
    void objectsArraysAndFunctions() {
        JsObject o = eval("({a: 1, b: 'x', [Symbol('s')]: 3})").asObject();
        assertEquals(List.of("a", "b"), o.propertyNames());
        assertTrue(o.has("a"));
        assertTrue(o.delete("a"));
        assertFalse(o.has("a"));
        JsArray arr = rt.newArray(JsValue.of(1), JsValue.of("two"));
        assertEquals("[1,\"two\"]", eval("(a => JSON.stringify(a))").asFunction().call(arr).asString());
        JsFunction point = eval("(function Point(x) { this.x = x })").asFunction();
        JsObject p = point.construct(JsValue.of(4));
        assertEquals(4.0, p.get("x").asNumber());
        assertTrue(p.instanceOf(point));
        assertTrue(p.strictEquals(p.persist().get()));
        JsObject frozen = eval("Object.freeze({k: 1})").asObject();
        JsError e = assertThrows(JsError.class, () -> frozen.set("k", JsValue.of(2)));
        assertEquals("TypeError", e.name().orElseThrow());
    }

    @Test
    void hostFunctionsHaveNameLengthAndThis() {
        List<String> seen = new ArrayList<>();
        rt.global().set("add", rt.function("add", 2, (r, self, args) -> {
            seen.add(self instanceof JsObject o ? "k=" + o.get("k") : self.toString());
            return JsValue.of(args.get(0).asNumber() + args.get(1).asNumber());
        }));
        assertEquals("add/2/5", eval("add.name + '/' + add.length + '/' + add(2, 3)").asString());
        assertEquals(JsValue.undefined().toString(), seen.get(0), "a plain call passes undefined as this");
        assertEquals(7.0, eval("({k: 7, add}).add(0, 0) + 0, ({k: 7, add}).k").asNumber());
        assertEquals("k=" + JsValue.of(7), seen.get(1), "a method call passes its receiver");
        eval("add.call('five', 0, 0)");
        assertEquals(JsValue.of("five").toString(), seen.get(2), "call() passes its this unchanged (strict wrapper)");
    }

    @Test
    void hostExceptionsReachJavaScriptAndComeBackWithTheirCause() {
        IllegalStateException boom = new IllegalStateException("boom");
        rt.global().set("fail", rt.function("fail", 0, (r, self, args) -> { throw boom; }));
        rt.global().set("typed", rt.function("typed", 0, (r, self, args) -> {
            throw JsError.of(JsErrorType.RANGE_ERROR, "out of range");
        }));
        assertEquals("Error: boom", eval("try { fail() } catch (e) { String(e) }").asString());
        assertEquals("RangeError", eval("try { typed() } catch (e) { e.name }").asString());
        JsError e = assertThrows(JsError.class, () -> eval("fail()"));
        assertSame(boom, e.getCause());
        assertEquals("boom", e.jsMessage());
    }

    @Test
    void valuesRaisedByHostCodeKeepTheirIdentity() {
        JsObject thrown = eval("globalThis.original = new TypeError('mine'); original").asObject();
        rt.global().set("rethrow", rt.function("rethrow", 1, (r, self, args) -> {
            throw new JsError(args.get(0), "TypeError", "mine", null, null, null);
        }));
        JsError e = assertThrows(JsError.class, () -> eval("rethrow(original)"));
        assertTrue(e.value().asObject().strictEquals(thrown));
        assertTrue(eval("try { rethrow(original) } catch (x) { x === original }").asBoolean());
    }

    @Test
    void thrownValuesAreReportedExactly() {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("\nfunction f() { throw new TypeError('bad') }\nf()", "user/a.js"));
        assertEquals("TypeError", e.name().orElseThrow());
        assertEquals("bad", e.jsMessage());
        assertEquals("user/a.js", e.location().orElseThrow().sourceName());
        assertEquals(2, e.location().orElseThrow().line());
        assertTrue(e.jsStack().orElseThrow().contains("at f (user/a.js:2:"), e.jsStack().orElseThrow());
        assertEquals("bad", e.value().asObject().get("message").asString());
        assertTrue(e.value().asObject().instanceOf(eval("TypeError").asFunction()));

        JsError custom = assertThrows(JsError.class, () -> eval("class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; this.code = 7 } }; throw new MyErr('custom')"));
        assertEquals("MyErr", custom.name().orElseThrow());
        assertEquals(7.0, custom.value().asObject().get("code").asNumber());

        JsError prim = assertThrows(JsError.class, () -> eval("throw 42"));
        assertEquals(42.0, prim.value().asNumber());
        assertTrue(prim.name().isEmpty());
        JsError str = assertThrows(JsError.class, () -> eval("throw 'text'"));
        assertEquals("text", str.value().asString());
        JsError plain = assertThrows(JsError.class, () -> eval("throw {x: 1}"));
        assertEquals(1.0, plain.value().asObject().get("x").asNumber());
    }

    @Test
    void syntaxErrorsSayWhere() {
        JsSyntaxError e = assertThrows(JsSyntaxError.class, () -> rt.evaluate("let x = 1;\nfoo(;", "user/syntax.js"));
        assertEquals("user/syntax.js", e.sourceName());
        assertEquals(2, e.line());
        assertEquals(5, e.column());
        assertTrue(e.reason().contains("Unexpected token"), e.reason());
        assertThrows(JsSyntaxError.class, () -> rt.prepare("}", "p.js"));
    }

    @Test
    void preparedScriptsRunAgain() {
        var s = rt.prepare("globalThis.n = (globalThis.n || 0) + 1", "p.js");
        s.run();
        assertEquals(2.0, s.run().asNumber());
    }

    @Test
    void hostObjectsBehaveAsOrdinaryObjects() {
        MapHostObject host = new MapHostObject();
        host.values().put("a", JsValue.of(1));
        host.values().put("b", JsValue.of("two"));
        JsObject face = rt.hostObject(host);
        rt.global().set("host", face);
        assertEquals("1 two undefined", eval("host.a + ' ' + host.b + ' ' + host.zz").asString());
        assertEquals("true false", eval("('a' in host) + ' ' + ('zz' in host)").asString());
        assertEquals("[\"a\",\"b\"]", eval("JSON.stringify(Object.keys(host))").asString());
        eval("host.c = 3");
        assertEquals(3.0, host.values().get("c").asNumber());
        assertEquals("{\"a\":1,\"b\":\"two\",\"c\":3}", eval("JSON.stringify(host)").asString());
        assertTrue(eval("delete host.a").asBoolean());
        assertFalse(host.values().containsKey("a"));
        assertEquals("b,c", eval("var ks = []; for (var k in host) ks.push(k); ks.join()").asString());
        assertEquals("two true own", eval("var ch = Object.create(host); ch.own = 'own'; ch.b + ' ' + ('c' in ch) + ' ' + ch.own").asString());
        assertFalse(host.values().containsKey("own"), "a write through a child object stays on the child");
        assertEquals("[object Object]", eval("String(host)").asString());
        assertSame(host, face.getHostObject(MapHostObject.class));
        assertSame(host, eval("host").asObject().getHostObject(MapHostObject.class));
        assertFalse(eval("new Proxy({}, {})").asObject().isHostObject());
        assertFalse(rt.newObject().isHostObject());
    }

    @Test
    void readOnlyHostObjectsRefuseWrites() {
        rt.global().set("ro", rt.hostObject((runtime, name) -> JsValue.of(name.length())));
        assertEquals(5.0, eval("ro.hello").asNumber());
        assertEquals("TypeError", eval("try { ro.x = 1; 'no' } catch (e) { e.name }").asString());
    }

    @Test
    void microtasksRunAfterEachEntryAndOnDemand() {
        eval("globalThis.log = []; Promise.resolve().then(() => log.push('micro')); log.push('sync')");
        assertEquals("sync,micro", eval("log.join()").asString());
        JsFunction later = eval("(function () { Promise.resolve().then(() => log.push('queued')); })").asFunction();
        rt.global().set("queue", rt.function("queue", 0, (r, self, args) -> {
            later.call();
            return JsValue.undefined();
        }));
        eval("queue(); log.push('after')");
        assertEquals("sync,micro,after,queued", eval("log.join()").asString());
        rt.drainMicrotasks();
        assertEquals(4.0, eval("log.length").asNumber());
    }

    @Test
    void dateObjectsArriveAsWorkingDates() {
        JsObject d = eval("new Date(86400000)").asObject();
        assertEquals(86400000.0, d.get("getTime").asFunction().callWithThis(d).asNumber());
        assertTrue(d.instanceOf(eval("Date").asFunction()));
    }
}
