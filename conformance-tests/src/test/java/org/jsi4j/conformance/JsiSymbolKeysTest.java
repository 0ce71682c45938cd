package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.HostObject;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;

/** Symbol-keyed and value-keyed property operations, on ordinary objects and on host objects. */
@Area("jsi-surface")
class JsiSymbolKeysTest {
    /** A host object that keeps symbol-keyed properties in a map and logs every symbol access. */
    private static final class SymbolHost implements HostObject {
        final Map<JsSymbol, JsValue> symbols = new LinkedHashMap<>();
        final List<String> log = new ArrayList<>();

        @Override
        public JsValue get(JsRuntime runtime, String name) {
            return name.equals("plain") ? JsValue.of("p") : JsValue.undefined();
        }

        @Override
        public List<String> propertyNames(JsRuntime runtime) {
            return List.of("plain", "plain", "other");
        }

        @Override
        public JsValue get(JsRuntime runtime, JsSymbol key) {
            log.add("get " + key.description());
            return symbols.getOrDefault(key, JsValue.undefined());
        }

        @Override
        public void set(JsRuntime runtime, JsSymbol key, JsValue value) {
            log.add("set " + key.description());
            symbols.put(key, value);
        }

        @Override
        public boolean has(JsRuntime runtime, JsSymbol key) {
            log.add("has " + key.description());
            return symbols.containsKey(key);
        }

        @Override
        public boolean delete(JsRuntime runtime, JsSymbol key) {
            log.add("delete " + key.description());
            return symbols.remove(key) != null;
        }

        @Override
        public List<JsSymbol> propertySymbols(JsRuntime runtime) {
            return List.copyOf(symbols.keySet());
        }
    }

    @EngineTest
    void hostObjectReceivesSymbolKeys(JsRuntime rt) {
        SymbolHost host = new SymbolHost();
        rt.global().set("h", rt.hostObject(host));
        rt.evaluate("var s = Symbol('k'); h[s] = 42;", "sym.js");
        JsSymbol s = (JsSymbol) rt.evaluate("s", "s.js");
        assertEquals(JsValue.of(42), host.symbols.get(s), "the write reached the host with the symbol");
        assertEquals(JsValue.of("42,true,false"), rt.evaluate("[h[s], s in h, Symbol('other') in h].join()", "r.js"));
        assertTrue(host.log.contains("get k") && host.log.contains("has k") && host.log.contains("has other"), host.log.toString());
        assertEquals(JsValue.of(true), rt.evaluate("delete h[s]", "d.js"));
        assertFalse(host.symbols.containsKey(s));
        assertEquals(JsValue.of("plain"), rt.evaluate("h.plain === 'p' ? 'plain' : 'lost'", "str.js"),
                "string keys still reach the String overloads");
    }

    @EngineTest
    void hostObjectNamesAreListedOnceAndSymbolsAfterThem(JsRuntime rt) {
        SymbolHost host = new SymbolHost();
        rt.global().set("h", rt.hostObject(host));
        assertEquals(JsValue.of("plain,other"), rt.evaluate("Object.keys(h).join()", "k.js"));
        assertEquals(JsValue.of("plain,other"), rt.evaluate("var n = []; for (var k in h) n.push(k); n.join()", "f.js"));
        if (!rt.engine().id().equals("rhino")) {
            // Rhino cannot list a host object's symbols (Object.getOwnPropertySymbols wants a ScriptableObject)
            rt.evaluate("h[Symbol.for('listed')] = 1", "l.js");
            assertEquals(JsValue.of("Symbol(listed)"), rt.evaluate("Object.getOwnPropertySymbols(h).map(String).join()", "o.js"));
        }
    }

    @EngineTest
    void defaultHostObjectHasNoSymbolPropertiesAndRefusesSymbolWrites(JsRuntime rt) {
        rt.global().set("h", rt.hostObject((runtime, name) -> JsValue.undefined()));
        assertEquals(JsValue.of("undefined,false"), rt.evaluate(
                "var t = Symbol('t'); [typeof h[t], t in h].join()", "d.js"));
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("'use strict'; h[t] = 1;", "w.js"));
        assertEquals("TypeError", e.name().orElseThrow());
        assertEquals(JsValue.of("[object Object]"), rt.evaluate("Object.prototype.toString.call(h)", "ts.js"),
                "well-known symbol lookups reach the default and fall back to the prototype");
    }

    @EngineTest
    void symbolsKeptByJavaStayUsableAfterTheCallback(JsRuntime rt) {
        List<JsValue> kept = new ArrayList<>();
        rt.global().set("keep", rt.function("keep", 1, (r, self, args) -> {
            kept.add(args.get(0));
            return args.get(0);
        }));
        assertEquals(JsValue.of(true), rt.evaluate("var x = Symbol('x'); keep(x) === x && keep(x) === x", "k.js"));
        rt.global().set("back", kept.get(0));
        assertEquals(JsValue.of("Symbol(x),true"), rt.evaluate("[String(back), back === x].join()", "b.js"));
    }

    @EngineTest
    void valueKeyedOperations(JsRuntime rt) {
        JsObject o = rt.newObject();
        o.set(JsValue.of("name"), JsValue.of("n"));
        o.set(JsValue.of(3), JsValue.of("three"));
        o.set(JsValue.of(true), JsValue.of("yes"));
        o.set(JsValue.nullValue(), JsValue.of("nil"));
        o.set(JsValue.of(1.5), JsValue.of("frac"));
        o.set(JsValue.of(-1), JsValue.of("neg"));
        JsSymbol sym = rt.newSymbol("s");
        o.set((JsValue) sym, JsValue.of(7));
        JsObject key = rt.evaluate("({toString() { return 'fromObject'; }})", "k.js").asObject();
        o.set(key, JsValue.of("obj"));
        rt.global().set("o", o);
        assertEquals(JsValue.of("n,three,yes,nil,frac,neg,obj"), rt.evaluate(
                "[o.name, o[3], o['true'], o['null'], o['1.5'], o['-1'], o.fromObject].join()", "v.js"));
        assertEquals(JsValue.of(7), o.get((JsValue) sym));
        assertEquals(JsValue.of("three"), o.get(JsValue.of("3")));
        assertEquals(JsValue.of("obj"), o.get(key));
        assertTrue(o.has(key));
        assertTrue(o.has(JsValue.of(3)));
        assertTrue(o.delete(key));
        assertFalse(o.has(JsValue.of("fromObject")));
        JsObject throwingKey = rt.evaluate("({toString() { throw new RangeError('no key'); }})", "t.js").asObject();
        JsError e = assertThrows(JsError.class, () -> o.get(throwingKey));
        assertEquals("RangeError", e.name().orElseThrow());
    }
}
