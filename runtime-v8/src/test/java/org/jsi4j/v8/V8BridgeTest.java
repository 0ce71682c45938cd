package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.MapHostObject;
import org.jsi4j.RuntimeStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The crossing itself: what scripts can see of it, and what one crossing costs in handles. */
class V8BridgeTest {
    private final JsRuntime rt = new V8RuntimeFactory().create();

    @AfterEach
    void close() {
        rt.close();
    }

    private JsValue eval(String js) {
        return rt.evaluate(js, "bridge.js");
    }

    @Test
    void nothingOfTheLibraryIsAGlobal() {
        rt.global().set("f", rt.function("f", 0, (r, self, args) -> JsValue.of(1)));
        rt.global().set("h", rt.hostObject(new MapHostObject()));
        eval("f(); h.x = 1");
        assertEquals(0.0, eval("Object.getOwnPropertySymbols(globalThis).length").asNumber());
        assertEquals("", eval("Object.getOwnPropertyNames(globalThis).filter(n => n.includes('jsi4j')).join()").asString());
    }

    @Test
    void replacingBuiltInsAfterStartDoesNotReachTheCrossing() {
        List<JsValue> receivers = new ArrayList<>();
        List<List<JsValue>> arguments = new ArrayList<>();
        rt.global().set("f", rt.function("f", 2, (r, self, args) -> {
            receivers.add(self);
            arguments.add(List.copyOf(args));
            return JsValue.of(args.size());
        }));
        MapHostObject store = new MapHostObject();
        store.values().put("k", JsValue.of(5));
        JsObject host = rt.hostObject(store);
        rt.global().set("h", host);
        // A hostile script replaces everything the bridge uses and poisons Object.prototype.
        eval("""
                Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({done: true});
                Object.defineProperty(Array.prototype, '1', {set(v) { throw new Error('index setter') }, configurable: true});
                Object.defineProperty(Array.prototype, '0', {set(v) { throw new Error('index setter') }, configurable: true});
                Reflect.apply = () => 'hijacked'; Reflect.get = () => 'hijacked';
                Reflect.defineProperty = () => false; Reflect.getOwnPropertyDescriptor = () => undefined;
                Function.prototype.apply = () => 'hijacked'; Function.prototype.call = () => 'hijacked';
                WeakMap.prototype.get = () => 99; WeakMap.prototype.has = () => false;
                WeakRef.prototype.deref = () => undefined; Object.keys = () => ['hijacked'];
                Object.defineProperty(Object.prototype, 'get', {get() { throw new Error('descriptor poisoned') }, configurable: true});
                Object.defineProperty(Object.prototype, 'set', {get() { throw new Error('descriptor poisoned') }, configurable: true});
                globalThis.Proxy = function () { throw new Error('no proxies') };
                """);
        assertEquals(2.0, eval("f(1, 'a')").asNumber());
        assertEquals(1.0, eval("({m: f}).m(true)").asNumber());
        assertEquals(2.0, eval("String.prototype.hf = f; 'p'.hf(3, 4)").asNumber(), "a primitive receiver with the iterator and setters replaced");
        assertEquals(JsValue.undefined(), receivers.get(0));
        assertEquals(List.of(JsValue.of(1), JsValue.of("a")), arguments.get(0));
        assertTrue(receivers.get(1) instanceof JsObject);
        assertEquals(List.of(JsValue.of(true)), arguments.get(1));
        assertEquals(JsValue.of("p"), receivers.get(2));
        assertEquals(List.of(JsValue.of(3), JsValue.of(4)), arguments.get(2));
        assertEquals(5.0, eval("h.k").asNumber());
        eval("h.k = 6");
        assertEquals(JsValue.of(6), store.get(rt, "k"));
        assertEquals("k", eval("Object.getOwnPropertyNames(h).join()").asString());
        assertSame(store, rt.global().get("h").asObject().getHostObject(MapHostObject.class), "hostObjectOf still finds it");
        assertTrue(rt.global().strictEquals(eval("globalThis")), "global() still answers the real global");
    }

    @Test
    void aPlainCallWithPrimitivesMakesNoHandle() {
        int[] during = new int[2];
        rt.global().set("probe", rt.function("probe", 2, (r, self, args) -> {
            RuntimeStats s = r.stats();
            during[0] = Math.max(during[0], s.liveHandles());
            during[1] = Math.max(during[1], (int) s.engineReferences());
            return JsValue.of(args.get(0).asNumber() + args.get(1).asString().length());
        }));
        RuntimeStats before = rt.stats();
        assertEquals(1000 * 1001 / 2.0, eval("var s = 0; for (var i = 0; i < 1000; i++) s += probe(i, 'x'); s").asNumber());
        assertEquals(before.liveHandles(), during[0], "no handle for this, the arguments or the result");
        assertTrue(during[1] <= before.engineReferences() + 1, "no V8 handle per call: " + during[1] + " vs " + before.engineReferences());
    }

    @Test
    void theReceiverArrivesAsItWasGiven() {
        List<JsValue> receivers = new ArrayList<>();
        rt.global().set("who", rt.function("who", 0, (r, self, args) -> {
            receivers.add(self);
            return self;
        }));
        assertTrue(eval("var o = {who}; o.who() === o && who.call(5) === 5 && who.call(null) === null"
                + " && who() === undefined && who.call('s', 1) === 's' && globalThis.who() === globalThis").asBoolean());
        assertEquals(JsValue.of(5), receivers.get(1));
        assertEquals(JsValue.nullValue(), receivers.get(2));
        assertEquals(JsValue.undefined(), receivers.get(3));
    }

    @Test
    void aFirstNestedEntryAtTheDeepestFrameIsARangeErrorNotAnAbort() throws Exception {
        // The headroom probe is armed only by the runtime's first nested entry; here that first
        // entry happens at the deepest frame a recursion can reach, for several depths near it.
        java.util.concurrent.atomic.AtomicReference<Object> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (int offset = 0; offset < 12; offset += 3) {
                    try (JsRuntime fresh = new V8RuntimeFactory().create()) {
                        fresh.global().set("reenter", fresh.function("reenter", 0, (r, self, args) -> r.evaluate("1 + 1", "inner.js")));
                        seen.append(fresh.evaluate("var max = 0, target = 1e9, got = 'none';"
                                + " function r(k) { max = k; if (k >= target) { try { got = reenter() } catch (e) { got = e.name } return 0 }"
                                + " return r(k + 1) }"
                                + " try { r(0) } catch (e) {} target = max - " + offset + ";"
                                + " try { r(0) } catch (e) { got = 'outer ' + e.name } got", "deep.js").toString()).append(',');
                        seen.append(fresh.evaluate("reenter()", "after.js")).append(';');
                    }
                }
                result.set(seen.toString());
            } catch (Throwable x) {
                result.set(x);
            }
        }, "v8-first-reentry", 1L << 20);
        t.start();
        t.join();
        assertTrue(String.valueOf(result.get()).matches("((\\S+),2(\\.0)?;){4}"), String.valueOf(result.get()));
    }

    @Test
    void hostObjectKeysCrossExactly() {
        MapHostObject store = new MapHostObject();
        List<String> names = List.of("plain", "q\"uote", "back\\slash", "nul\u0000", "tab\t", "\uD83D\uDE00", "lone\uD800", "é");
        for (String n : names) store.values().put(n, JsValue.of(n.length()));
        rt.global().set("h", rt.hostObject(store));
        JsValue keys = eval("Object.keys(h)");
        assertEquals(names.size(), keys.asObject().get("length").asInt());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(JsValue.of(store.propertyNames(rt).get(i)), keys.asObject().get(String.valueOf(i)));
        }
    }
}
