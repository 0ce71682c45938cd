package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.EsFeature;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;

/** Objects and arrays through {@link JsObject} and {@link JsArray}. */
@Area("objects")
class ObjectsTest {
    private static JsValue eval(JsRuntime rt, String source) {
        return rt.evaluate(source, "objects.js");
    }

    @EngineTest
    void propertiesSetInJavaAreSeenByScripts(JsRuntime rt) {
        JsObject o = rt.newObject();
        o.set("n", 41);
        o.set("s", "text");
        o.set("b", true);
        o.set("nested", rt.newObject());
        rt.global().set("o", o);
        assertEquals(JsValue.of(42), eval(rt, "o.n + 1"));
        assertEquals(JsValue.of("text:true:object"), eval(rt, "o.s + ':' + o.b + ':' + typeof o.nested"));
        assertEquals(JsValue.of(true), eval(rt, "Object.getPrototypeOf(o) === Object.prototype"));
    }

    @EngineTest
    void propertiesSetInScriptsAreSeenByJava(JsRuntime rt) {
        JsObject o = eval(rt, "({a: 1, b: 'x', c: {d: true}, e: null})").asObject();
        assertEquals(JsValue.of(1), o.get("a"));
        assertEquals(JsValue.of("x"), o.get("b"));
        assertEquals(JsValue.of(true), o.get("c").asObject().get("d"));
        assertTrue(o.get("e").isNull());
        assertInstanceOf(JsUndefined.class, o.get("missing"));
    }

    @EngineTest
    void hasSeesOwnAndInheritedProperties(JsRuntime rt) {
        JsObject o = eval(rt, "var proto = {inherited: 1}; var o = Object.create(proto); o.own = 2; o").asObject();
        assertTrue(o.has("own"));
        assertTrue(o.has("inherited"));
        assertTrue(o.has("toString"), "Object.prototype members are inherited");
        assertFalse(o.has("absent"));
        eval(rt, "o.undef = undefined");
        assertTrue(o.has("undef"), "a property holding undefined exists");
    }

    @EngineTest
    void deleteRemovesOnlyConfigurableProperties(JsRuntime rt) {
        JsObject o = eval(rt, "var o = {a: 1, b: 2}; Object.defineProperty(o, 'fixed', {value: 3, configurable: false}); o")
                .asObject();
        assertTrue(o.delete("a"));
        assertFalse(o.has("a"));
        assertEquals(JsValue.of("undefined"), eval(rt, "typeof o.a"));
        assertTrue(o.delete("notThere"), "deleting a missing property succeeds, as in JavaScript");
        assertFalse(o.delete("fixed"), "a non-configurable property cannot be deleted");
        assertEquals(JsValue.of(3), o.get("fixed"));
    }

    @EngineTest
    void propertyNamesPutIntegerKeysFirstThenInsertionOrder(JsRuntime rt) {
        JsObject o = eval(rt, "var o = {b: 1, a: 2}; o[2] = 3; o[1] = 4; o.c = 5; o['10'] = 6; o.z = 7; o").asObject();
        assertEquals(List.of("1", "2", "10", "b", "a", "c", "z"), o.propertyNames());
        assertEquals(eval(rt, "Object.keys(o).join(',')").asString(), String.join(",", o.propertyNames()));
    }

    @EngineTest
    void propertyNamesListOnlyOwnEnumerableStringKeys(JsRuntime rt) {
        JsObject o = eval(rt, "var o = Object.create({inherited: 1}); o.visible = 1;"
                + " Object.defineProperty(o, 'hidden', {value: 2, enumerable: false}); o").asObject();
        assertEquals(List.of("visible"), o.propertyNames());
        assertEquals(List.of(), rt.newObject().propertyNames());
        assertEquals(List.of("0", "1"), eval(rt, "['x', 'y']").asObject().propertyNames());
    }

    @EngineTest
    @RequiresFeature(EsFeature.SYMBOLS)
    void symbolKeyedProperties(JsRuntime rt) {
        JsSymbol key = rt.newSymbol("secret");
        JsObject o = rt.newObject();
        o.set(key, JsValue.of("hidden value"));
        o.set("plain", 1);
        rt.global().set("o", o);
        rt.global().set("key", key);
        assertEquals(JsValue.of("hidden value"), eval(rt, "o[key]"));
        assertEquals(JsValue.of("hidden value"), o.get(key));
        assertTrue(o.has(key));
        assertEquals(List.of("plain"), o.propertyNames(), "symbol keys are not property names");
        eval(rt, "o[Symbol['for']('reg')] = 5");
        assertEquals(JsValue.of(5), o.get((JsSymbol) eval(rt, "Symbol['for']('reg')")));
        assertTrue(o.delete(key));
        assertFalse(o.has(key));
        assertEquals(JsValue.of(true), eval(rt, "o[key] === undefined"));
    }

    @EngineTest
    void prototypeChainsAndInstanceOf(JsRuntime rt) {
        eval(rt, "function Animal(name) { this.name = name; }"
                + " Animal.prototype.speak = function () { return this.name + ' speaks'; };"
                + " function Dog(name) { Animal.call(this, name); }"
                + " Dog.prototype = Object.create(Animal.prototype); Dog.prototype.constructor = Dog;"
                + " var rex = new Dog('Rex');");
        JsObject rex = rt.global().get("rex").asObject();
        JsFunction animal = rt.global().get("Animal").asFunction();
        JsFunction dog = rt.global().get("Dog").asFunction();
        assertTrue(rex.instanceOf(dog));
        assertTrue(rex.instanceOf(animal));
        assertFalse(rex.instanceOf(rt.global().get("Array").asFunction()));
        assertTrue(rex.instanceOf(rt.global().get("Object").asFunction()));
        assertEquals(JsValue.of("Rex speaks"), rex.get("speak").asFunction().callWithThis(rex));
        assertTrue(eval(rt, "[]").asObject().instanceOf(rt.global().get("Array").asFunction()));
    }

    @EngineTest
    void strictEqualityIsObjectIdentity(JsRuntime rt) {
        eval(rt, "var a = {}; var b = {}; var holder = {ref: a};");
        JsObject a1 = rt.global().get("a").asObject();
        JsObject a2 = rt.global().get("holder").asObject().get("ref").asObject();
        JsObject b = rt.global().get("b").asObject();
        assertTrue(a1.strictEquals(a2), "two handles to one object");
        assertFalse(a1.strictEquals(b));
        assertFalse(a1.strictEquals(JsValue.of("a")));
        assertFalse(a1.strictEquals(JsValue.nullValue()));
        assertNotEquals(a1, a2, "equals() compares handles, not objects");
        assertTrue(rt.global().strictEquals(eval(rt, "this")), "global() is the script's global object");
    }

    @EngineTest
    void gettersAndSettersRunWhenJavaAccessesProperties(JsRuntime rt) {
        JsObject o = eval(rt, "var reads = 0; var o = { get counted() { return ++reads; },"
                + " set doubled(v) { this.stored = v * 2; } }; o").asObject();
        assertEquals(JsValue.of(1), o.get("counted"));
        assertEquals(JsValue.of(2), o.get("counted"));
        assertEquals(JsValue.of(2), rt.global().get("reads"));
        o.set("doubled", 21);
        assertEquals(JsValue.of(42), o.get("stored"));
    }

    @EngineTest
    void throwingGetterReachesJavaAsJsError(JsRuntime rt) {
        JsObject o = eval(rt, "({ get bad() { throw new RangeError('no access'); } })").asObject();
        JsError e = assertThrows(JsError.class, () -> o.get("bad"));
        assertEquals("RangeError", e.name().orElseThrow());
        assertEquals("no access", e.jsMessage());
        assertEquals(JsValue.of(3), eval(rt, "1 + 2"), "the runtime still works");
    }

    @EngineTest
    void arraysLengthAndElements(JsRuntime rt) {
        JsArray a = eval(rt, "[1, 'a', null, undefined, [2, 3], {k: 'v'}]").asArray();
        assertEquals(6, a.length());
        List<JsValue> items = a.toList();
        assertEquals(6, items.size());
        assertEquals(JsValue.of(1), items.get(0));
        assertEquals(JsValue.of("a"), items.get(1));
        assertTrue(items.get(2).isNull());
        assertTrue(items.get(3).isUndefined());
        assertEquals(2, items.get(4).asArray().length());
        assertEquals(JsValue.of("v"), items.get(5).asObject().get("k"));
        assertEquals(JsValue.of(1), a.get(0));
        assertTrue(a.get(99).isUndefined());
    }

    @EngineTest
    void arrayHolesReadAsUndefinedButDoNotExist(JsRuntime rt) {
        JsArray a = eval(rt, "[1, , 3]").asArray();
        assertEquals(3, a.length());
        assertTrue(a.get(1).isUndefined());
        assertFalse(a.has("1"));
        assertTrue(a.has("2"));
        assertEquals(List.of("0", "2"), a.propertyNames());
        JsArray sparse = eval(rt, "var s = []; s[5] = 'x'; s").asArray();
        assertEquals(6, sparse.length());
        assertEquals(6, sparse.toList().size());
    }

    @EngineTest
    void writingArraysFromJava(JsRuntime rt) {
        JsArray a = eval(rt, "var arr = [1, 2]; arr").asArray();
        a.set(4, JsValue.of("end"));
        assertEquals(5, a.length());
        assertEquals(JsValue.of("1,2,,,end"), eval(rt, "arr.join(',')"));
        a.set("length", 1);
        assertEquals(JsValue.of("1"), eval(rt, "arr.join(',')"), "writing length truncates");
    }

    @EngineTest
    void newObjectAndNewArrayFromJava(JsRuntime rt) {
        JsObject inner = rt.newObject();
        JsArray a = rt.newArray(JsValue.of(1), JsValue.of("two"), inner, JsValue.nullValue());
        rt.global().set("a", a);
        rt.global().set("inner", inner);
        assertEquals(JsValue.of(true), eval(rt, "Array.isArray(a) && a.length === 4 && a[2] === inner && a[3] === null"));
        assertEquals(JsValue.of("1|two|[object Object]|"), eval(rt, "a.join('|')"));
        assertEquals(0, rt.newArray(List.of()).length());
        assertEquals(JsValue.of(true), eval(rt, "a.map(function (x) { return typeof x; }).join() === 'number,string,object,object'"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.TYPED_ARRAYS)
    void arrayBufferBytesFromJavaToJavaScript(JsRuntime rt) {
        byte[] bytes = {0, 1, 127, -128, -1};
        JsArrayBuffer buffer = rt.newArrayBuffer(bytes);
        bytes[0] = 99;
        rt.global().set("buf", buffer);
        assertEquals(5, buffer.byteLength());
        assertEquals(JsValue.of("0,1,127,128,255"), eval(rt, "Array.prototype.join.call(new Uint8Array(buf), ',')"),
                "the buffer holds a copy made when it was created");
        assertEquals(JsValue.of(true), eval(rt, "buf instanceof ArrayBuffer"));
    }

    /**
     * A typed array length is ToIndex: one past 2^53 - 1, negative or infinite is a RangeError (Rhino
     * wrapped it to 32 bits; lengths that are valid but too big to allocate differ per engine: a
     * RangeError on Rhino and GraalJS, V8's memory limit on V8, so they are tested per engine).
     */
    @EngineTest
    @RequiresFeature(EsFeature.TYPED_ARRAYS)
    void typedArrayLengthsAreNeverWrapped(JsRuntime rt) {
        for (String length : List.of("2 ** 53", "2 ** 64 + 5", "-1", "Infinity")) {
            JsError e = assertThrows(JsError.class, () -> eval(rt, "new Float64Array(" + length + ")"), length);
            assertEquals("RangeError", e.name().orElseThrow(), length);
        }
        assertEquals(JsValue.of("3,0,true,true,2,4"), eval(rt, "var a = new Float64Array(3), z = new Int8Array(0);"
                + " [a.length, z.length, a instanceof Float64Array, a.constructor === Float64Array,"
                + " new Float64Array([1, 2]).map(function (x) { return x * 2 }).slice(1).constructor === Float64Array ? 2 : 0,"
                + " new Float64Array('4').length].join()"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.TYPED_ARRAYS)
    void arrayBufferBytesFromJavaScriptToJava(JsRuntime rt) {
        JsArrayBuffer buffer = (JsArrayBuffer) eval(rt, "var b = new ArrayBuffer(4); var v = new Uint8Array(b);"
                + " v[0] = 1; v[1] = 200; v[3] = 255; b");
        byte[] copy = buffer.toByteArray();
        assertArrayEquals(new byte[] {1, (byte) 200, 0, (byte) 255}, copy);
        copy[0] = 42;
        assertEquals(JsValue.of(1), eval(rt, "v[0]"), "toByteArray returns a copy");
        eval(rt, "v[2] = 7");
        assertEquals(7, buffer.toByteArray()[2], "a later read sees the script's write");
        assertEquals(0, rt.newArrayBuffer(new byte[0]).byteLength());
    }

    @EngineTest
    void writingFrozenObjectFromJavaThrowsTypeError(JsRuntime rt) {
        JsObject frozen = eval(rt, "var f = Object.freeze({a: 1}); f").asObject();
        JsError e = assertThrows(JsError.class, () -> frozen.set("a", 2));
        assertEquals("TypeError", e.name().orElseThrow());
        assertThrows(JsError.class, () -> frozen.set("added", 2));
        assertEquals(JsValue.of(1), frozen.get("a"));
        assertFalse(frozen.has("added"));
    }

    @EngineTest
    void writingReadOnlyPropertyFromJavaThrowsTypeError(JsRuntime rt) {
        JsObject o = eval(rt, "var o = {}; Object.defineProperty(o, 'ro', {value: 1, writable: false}); o").asObject();
        JsError e = assertThrows(JsError.class, () -> o.set("ro", 5));
        assertEquals("TypeError", e.name().orElseThrow());
        assertEquals(JsValue.of(1), o.get("ro"));
    }

    @EngineTest
    void globalPropertiesAreScriptVariables(JsRuntime rt) {
        rt.global().set("answer", 42);
        assertEquals(JsValue.of(43), eval(rt, "answer + 1"));
        eval(rt, "var fromScript = 'hi'");
        assertEquals(JsValue.of("hi"), rt.global().get("fromScript"));
        assertTrue(rt.global().has("Object"));
        assertTrue(rt.global().has("fromScript"));
    }

    @EngineTest
    void jsonSeesObjectsBuiltInJava(JsRuntime rt) {
        JsObject o = rt.newObject();
        o.set("name", "jsi");
        o.set("n", 2);
        o.set("list", rt.newArray(JsValue.of(1), JsValue.of(true), JsValue.nullValue()));
        rt.global().set("o", o);
        assertEquals(JsValue.of("{\"name\":\"jsi\",\"n\":2,\"list\":[1,true,null]}"), eval(rt, "JSON.stringify(o)"));
        JsObject parsed = eval(rt, "JSON.parse('{\"x\":[1,{\"y\":\"z\"}]}')").asObject();
        assertEquals(JsValue.of("z"), parsed.get("x").asArray().get(1).asObject().get("y"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.PROXY)
    void proxyTrapsRunForJavaAccess(JsRuntime rt) {
        JsObject p = eval(rt, "var log = []; new Proxy({}, {"
                + " get: function (t, k) { log.push('get ' + String(k)); return 'v:' + String(k); },"
                + " has: function (t, k) { log.push('has ' + k); return k === 'yes'; } })").asObject();
        assertEquals(JsValue.of("v:foo"), p.get("foo"));
        assertTrue(p.has("yes"));
        assertFalse(p.has("no"));
        assertEquals(JsValue.of("get foo,has yes,has no"), eval(rt, "log.join(',')"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.MAP_SET)
    void builtInCollectionsAreUsableFromJava(JsRuntime rt) {
        JsObject map = eval(rt, "new Map()").asObject();
        map.get("set").asFunction().callWithThis(map, JsValue.of("k"), JsValue.of(7));
        assertEquals(JsValue.of(7), map.get("get").asFunction().callWithThis(map, JsValue.of("k")));
        assertEquals(JsValue.of(1), map.get("size"));
        rt.global().set("m", map);
        assertEquals(JsValue.of(true), eval(rt, "m instanceof Map && m.get('k') === 7"));
    }
}
