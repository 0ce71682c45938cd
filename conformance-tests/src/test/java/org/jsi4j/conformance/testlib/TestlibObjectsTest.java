package org.jsi4j.conformance.testlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;
import org.jsi4j.conformance.Area;
import org.jsi4j.conformance.EngineTest;

/**
 * React Native JSI's own test suite ({@code ReactCommon/jsi/jsi/test/testlib.cpp}) ported to jsi4j,
 * the cases about values, objects, arrays, prototypes, buffers, native state and microtasks. Each method is named after the upstream {@code TEST_P}
 * it ports; {@code conformance-tests/TESTLIB.md} says what was ported, adapted or left out, and why.
 */
@Area("testlib")
class TestlibObjectsTest {
    @EngineTest
    void RuntimeTest(JsRuntime rt) {
        assertEquals(JsValue.of(1), Testlib.eval(rt, "1"));
        Testlib.eval(rt, "x = 1");
        assertEquals(JsValue.of(1), rt.global().get("x"));
    }

    @EngineTest
    void ObjectTest(JsRuntime rt) {
        Testlib.eval(rt, "x = {1:2, '3':4, 5:'six', 'seven':['eight', 'nine']}");
        JsObject x = rt.global().get("x").asObject();
        assertEquals(4, x.propertyNames().size());
        assertTrue(x.has("1"));
        assertFalse(x.has("2"));
        assertTrue(x.has("3") && x.has("seven"));
        assertEquals(JsValue.of(2), x.get("1"));
        assertEquals(JsValue.of(4), x.get("3"));
        assertEquals(JsValue.of("six"), x.get(JsValue.of(5)));
        x.set("ten", 11);
        assertEquals(5, x.propertyNames().size());
        assertEquals(JsValue.of(true), Testlib.eval(rt, "x.ten == 11"));
        x.set("e_as_double", 2.71);
        assertEquals(JsValue.of(true), Testlib.eval(rt, "x.e_as_double == 2.71"));
        x.set("\uD83C\uDD97", "emoji");
        assertEquals(7, x.propertyNames().size());
        assertEquals(JsValue.of(true), Testlib.eval(rt, "x['\\uD83C\\uDD97'] == 'emoji'"));
        assertTrue(x.get("seven").asObject().isArray());
        assertTrue(rt.global().get("eval").asObject().isFunction());

        JsObject obj = rt.newObject();
        obj.set("roses", "red");
        obj.set("violets", "blue");
        obj.set("oprop", rt.newObject());
        obj.set("aprop", rt.newArray(1));
        assertEquals(JsValue.of(true), Testlib.function(rt, "function (obj) { return obj.roses == 'red' && obj['violets'] == 'blue'"
                + " && typeof obj.oprop == 'object' && Array.isArray(obj.aprop); }").call(obj));

        obj = Testlib.function(rt, "function () { obj = {}; obj.a = 1; Object.defineProperty(obj, 'b', {enumerable: false, value: 2});"
                + " return obj; }").call().asObject();
        assertEquals(JsValue.of(1), obj.get("a"));
        assertEquals(JsValue.of(2), obj.get("b"));
        assertEquals(List.of("a"), obj.propertyNames());

        // the Value-keyed overloads
        JsObject o = Testlib.eval(rt, "var obj2 = {}; obj2").asObject();
        o.set(JsValue.of(123), JsValue.of(456));
        assertTrue(o.has(JsValue.of(123)));
        assertEquals(JsValue.of(456), o.get(JsValue.of(123)));
        Testlib.eval(rt, "Object.defineProperty(obj2, '456', {value: 10, writable: false})");
        assertThrows(JsError.class, () -> o.set(JsValue.of(456), JsValue.of(1)));
        JsValue badObjKey = Testlib.eval(rt, "var badObj = {toString: function () { throw new Error('something went wrong'); }}; badObj");
        assertThrows(JsError.class, () -> o.set(badObjKey, JsValue.of(123)));
        assertThrows(JsError.class, () -> o.has(badObjKey));
        assertThrows(JsError.class, () -> o.get(badObjKey));
    }

    @EngineTest
    void ArrayTest(JsRuntime rt) {
        Testlib.eval(rt, "x = {1:2, '3':4, 5:'six', 'seven':['eight', 'nine']}");
        JsObject x = rt.global().get("x").asObject();
        assertEquals(List.of("1", "3", "5", "seven"), x.propertyNames());
        JsArray seven = x.get("seven").asArray();
        assertEquals(2, seven.length());
        assertEquals(JsValue.of("eight"), seven.get(0));
        assertEquals(JsValue.of("nine"), seven.get("1"));
        seven.set("1", "modified");
        assertEquals(JsValue.of("modified"), seven.get(1));
        JsArray alpha = rt.newArray(4);
        assertTrue(alpha.get(0).isUndefined() && alpha.get(3).isUndefined());
        assertEquals(4, alpha.length());
        alpha.set(0, JsValue.of("a"));
        alpha.set(1, JsValue.of("b"));
        alpha.set(2, JsValue.of("c"));
        alpha.set(3, JsValue.of("d"));
        assertEquals(4, alpha.length());
        assertEquals(JsValue.of(true), Testlib.function(rt, "function (arr) { return arr.length == 4 &&"
                + " ['a','b','c','d'].every(function(v,i) { return v === arr[i]}); }").call(alpha));
        JsArray withAccessor = Testlib.eval(rt, "Object.defineProperty([], '0', {set(){ throw 72 }, get(){ return 45 }})").asArray();
        JsError thrown = assertThrows(JsError.class, () -> withAccessor.set(0, JsValue.of(1)));
        assertEquals(JsValue.of(72), thrown.value());
        assertEquals(JsValue.of(45), withAccessor.get(0));
    }

    @EngineTest
    void ValueTest(JsRuntime rt) {
        JsFunction check = Testlib.function(rt, "function (arr) { return Array.isArray(arr) && arr.length == 5 && arr[0] === null"
                + " && arr[1] == 2 && arr[2] == 'c' && arr[3] == 'emoji: \\uD83C\\uDD97' && typeof arr[4] == 'object'; }");
        assertEquals(JsValue.of(true), check.call(rt.createFromJson("[null, 2, \"c\", \"emoji: \uD83C\uDD97\", {}]")));
        assertTrue(Testlib.eval(rt, "undefined").isUndefined());
        assertTrue(Testlib.eval(rt, "null").isNull());
        assertEquals("boolean", Testlib.eval(rt, "true").typeOf());
        assertEquals(123.4, Testlib.eval(rt, "123.4").asNumber());
        assertEquals("str", Testlib.eval(rt, "'str'").asString());
        assertTrue(Testlib.eval(rt, "[]").asObject().isArray());
        assertTrue(Testlib.eval(rt, "(function(){})") instanceof JsFunction);
        assertTrue(Testlib.eval(rt, "true").asBoolean());
        assertThrows(IllegalStateException.class, () -> Testlib.eval(rt, "123").asBoolean());
        assertThrows(IllegalStateException.class, () -> Testlib.eval(rt, "'word'").asNumber());
        assertThrows(IllegalStateException.class, () -> Testlib.eval(rt, "'oops'").asObject());
        assertEquals(JsValue.of(2), Testlib.eval(rt, "({1:2, 3:4})").asObject().get("1"));
    }

    @EngineTest
    void EqualsTest(JsRuntime rt) {
        assertTrue(rt.strictEquals(rt.global(), rt.global()));
        assertTrue(rt.strictEquals(JsValue.of(1), JsValue.of(1)));
        assertFalse(rt.strictEquals(JsValue.of(true), JsValue.of(1)));
        assertFalse(rt.strictEquals(JsValue.of(true), JsValue.of(false)));
        assertTrue(rt.strictEquals(JsValue.nullValue(), JsValue.nullValue()));
        assertFalse(rt.strictEquals(JsValue.nullValue(), JsValue.of(1)));
        assertTrue(rt.strictEquals(JsValue.undefined(), JsValue.undefined()));
        assertFalse(rt.strictEquals(JsValue.of(Double.NaN), JsValue.of(Double.NaN)));
        assertTrue(rt.strictEquals(JsValue.of(0.0), JsValue.of(-0.0)));
        JsFunction noop = rt.function("noop", 0, (r, self, args) -> JsValue.undefined());
        rt.global().set("noop", noop);
        JsObject noopDup = rt.global().get("noop").asObject();
        assertTrue(rt.strictEquals(noop, noopDup));
        assertFalse(rt.strictEquals(noop, rt.global()));
        assertTrue(rt.strictEquals(JsValue.of("rick"), JsValue.of("rick")));
        assertFalse(rt.strictEquals(JsValue.of("rick"), JsValue.of("morty")));
        assertFalse(rt.strictEquals(JsValue.of("rick"), noop));
        assertFalse(rt.strictEquals(JsValue.of("rick"), JsValue.of(1.0)));
    }

    @EngineTest
    void SymbolTest(JsRuntime rt) {
        Testlib.eval(rt, "x = {1:2, 'three':Symbol('four')}");
        JsObject x = rt.global().get("x").asObject();
        assertEquals(2, x.propertyNames().size());
        assertTrue(x.has("three"));
        assertEquals("Symbol(four)", x.get("three").toString());
        assertTrue(Testlib.eval(rt, "Symbol('sym')") instanceof JsSymbol);
        assertFalse(rt.strictEquals(Testlib.eval(rt, "Symbol('a')"), Testlib.eval(rt, "Symbol('a')")));
        assertTrue(rt.strictEquals(Testlib.eval(rt, "Symbol.for('a')"), Testlib.eval(rt, "Symbol.for('a')")));
        assertFalse(rt.strictEquals(Testlib.eval(rt, "Symbol('a')"), Testlib.eval(rt, "'a'")));
    }

    @EngineTest
    void ArrayBufferSizeTest(JsRuntime rt) {
        JsArrayBuffer ab = (JsArrayBuffer) Testlib.eval(rt, "var x = new ArrayBuffer(10); x");
        assertEquals(10, ab.byteLength());
        ab.byteBuffer().ifPresent(b -> {
            for (int i = 0; i < 10; i++) b.put(i, (byte) 0xab);
        });
        Testlib.eval(rt, "Object.defineProperty(x, 'byteLength', {value: 20})");
        assertEquals(10, ab.byteLength());
    }

    @EngineTest
    void NativeState(JsRuntime rt) {
        record IntState(int value) {
        }
        JsObject holder = rt.newObject();
        assertFalse(holder.hasNativeState());
        holder.setNativeState(new IntState(42));
        assertTrue(holder.hasNativeState());
        assertEquals(42, holder.nativeState(IntState.class).orElseThrow().value());
        holder.setNativeState(new IntState(21));
        assertEquals(21, holder.nativeState(IntState.class).orElseThrow().value());
        // upstream: resetting with nullptr keeps hasNativeState true; here null detaches (documented difference)
        holder.setNativeState(null);
        assertFalse(holder.hasNativeState());
    }

    @EngineTest
    void NativeStateSymbolOverrides(JsRuntime rt) {
        JsObject holder = rt.newObject();
        holder.setNativeState(42);
        Testlib.function(rt, "function (obj) { var mySymbol = Symbol(); obj[mySymbol] = 'foo';"
                + " var all = Object.getOwnPropertySymbols(obj); for (var i = 0; i < all.length; i++) {"
                + " Object.defineProperty(obj, all[i], {configurable: true, writable: true}); obj[all[i]] = 'bar'; } }").call(holder);
        assertEquals(42, holder.nativeState(Integer.class).orElseThrow());
    }

    @EngineTest
    void ObjectSetPrototype(JsRuntime rt) {
        JsObject child = rt.newObject();
        child.setPrototype(JsValue.nullValue());
        assertTrue(child.getPrototype().isNull());
        JsObject prototypeObj = rt.newObject();
        prototypeObj.set("someProperty", 123);
        child.setPrototype(prototypeObj);
        assertEquals(JsValue.of(123), child.get("someProperty"));
        assertEquals(JsValue.of(123), child.getPrototype().asObject().get("someProperty"));
    }

    @EngineTest
    void ObjectCreateWithPrototype(JsRuntime rt) {
        JsObject prototypeObj = rt.newObject();
        prototypeObj.set("someProperty", 123);
        assertEquals(JsValue.of(123), rt.newObject(prototypeObj).get("someProperty"));
        assertTrue(rt.newObject(JsValue.nullValue()).getPrototype().isNull());
    }

    @EngineTest
    void DeleteProperty(JsRuntime rt) {
        JsObject obj = Testlib.eval(rt, "obj = {1:2, foo: 'bar', 3: 4, salt:'pepper'}").asObject();
        assertTrue(obj.has("1"));
        obj.delete("1");
        assertFalse(obj.has("1"));
        assertTrue(obj.has("foo"));
        obj.delete(JsValue.of("foo"));
        assertFalse(obj.has("foo"));
        assertTrue(obj.has("3"));
        obj.delete(JsValue.of(3));
        assertTrue(obj.get("3").isUndefined());
        obj.delete("salt");
        assertFalse(obj.has("salt"));
        JsObject fixed = Testlib.eval(rt, "var obj5 = {}; Object.defineProperty(obj5, 'prop', {value: 10, configurable: false}); obj5")
                .asObject();
        assertFalse(fixed.delete("prop"), "jsi4j answers false where JSI throws (JsObject.delete's documented contract)");
        assertTrue(fixed.has("prop"));
    }

    @EngineTest
    void ScopeDoesNotCrashWhenValueEscapes(JsRuntime rt) {
        org.jsi4j.JsRef<JsObject> v;
        try (org.jsi4j.JsScope scope = rt.openScope()) {
            JsObject o = rt.newObject();
            o.set("a", 5);
            v = o.persist();
        }
        assertEquals(JsValue.of(5), v.get().get("a"));
        v.close();
    }
    @EngineTest
    void MicrotasksTest(JsRuntime rt) {
        rt.global().set("globalValue", "");
        JsFunction microtask1 = Testlib.function(rt, "function microtask1() { globalValue += 'hello'; }");
        JsFunction microtask2 = Testlib.function(rt, "function microtask2() { globalValue += ' world' }");
        rt.queueMicrotask(microtask1);
        rt.queueMicrotask(microtask2);
        rt.drainMicrotasks(-1);
        assertEquals(JsValue.of("hello world"), rt.global().get("globalValue"));
        rt.drainMicrotasks(-1);
        assertEquals(JsValue.of("hello world"), rt.global().get("globalValue"), "microtasks do not run twice");
    }
}
