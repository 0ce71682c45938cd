package org.jsi4j.rhino;

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
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RhinoHostObjectTest {
    private final JsRuntime rt = new RhinoRuntimeFactory().create();
    private final List<String> calls = new ArrayList<>();
    private final LoggingHost host = new LoggingHost(calls);

    /** A writable map host that logs has/set/delete and refuses to delete "fixed". */
    private static final class LoggingHost implements HostObject {
        final Map<String, JsValue> values = new LinkedHashMap<>();
        private final List<String> calls;

        LoggingHost(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public JsValue get(JsRuntime runtime, String name) {
            return values.getOrDefault(name, JsValue.undefined());
        }

        @Override
        public boolean has(JsRuntime runtime, String name) {
            calls.add("has " + name);
            return values.containsKey(name);
        }

        @Override
        public void set(JsRuntime runtime, String name, JsValue value) {
            calls.add("set " + name);
            values.put(name, value);
        }

        @Override
        public boolean delete(JsRuntime runtime, String name) {
            calls.add("delete " + name);
            return !name.equals("fixed") && values.remove(name) != null;
        }

        @Override
        public List<String> propertyNames(JsRuntime runtime) {
            return List.copyOf(values.keySet());
        }
    }

    RhinoHostObjectTest() {
        host.values.put("fixed", JsValue.of(1));
        rt.global().set("h", rt.hostObject(host));
    }

    @AfterEach
    void close() {
        rt.close();
    }

    @Test
    void writesReachSetAndInAsksHas() {
        rt.evaluate("h.x = 1; h['y'] = 2; h.toString = 3; h[4] = 5;", "t.js");
        assertEquals(List.of("set x", "set y", "set toString", "set 4"),
                calls.stream().filter(c -> c.startsWith("set")).toList(),
                "every write reaches set (Rhino asks has first to find where a write lands, as for its own objects)");
        assertEquals(JsValue.of(2), host.values.get("y"));
        assertEquals(JsValue.of(5), host.values.get("4"));
        calls.clear();
        assertEquals(JsValue.of(true), rt.evaluate("'x' in h", "t.js"));
        assertEquals(List.of("has x"), calls, "the in operator asks the host");
    }

    @Test
    void writesToAnObjectInheritingFromTheHostStayOnThatObject() {
        assertEquals(JsValue.of("own:true"), rt.evaluate(
                "var child = Object.create(h); child.fixed = 'own'; child.fixed + ':' + child.hasOwnProperty('fixed')", "t.js"));
        assertFalse(calls.contains("set fixed"), calls.toString());
        assertEquals(JsValue.of(1), host.values.get("fixed"));
    }

    @Test
    void strictDeleteOfAPropertyTheHostKeepsThrowsTypeError() {
        assertEquals(JsValue.of(false), rt.evaluate("delete h.fixed", "t.js"));
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("'use strict'; delete h.fixed;", "t.js"));
        assertEquals("TypeError", e.name().orElseThrow());
        assertEquals(JsValue.of("TypeError"), rt.evaluate(
                "(function () { 'use strict'; try { delete h.fixed; return 'kept quiet'; } catch (e) { return e.name; } })()", "t.js"));
        assertTrue(host.values.containsKey("fixed"));
        assertEquals(JsValue.of(true), rt.evaluate("'use strict'; h.gone = 1; delete h.gone", "t.js"),
                "a strict delete the host accepts succeeds");
    }

    @Test
    void deleteFromJavaInsideStrictCodeAnswersFalse() {
        rt.global().set("deleteFromJava", rt.function("deleteFromJava", 0,
                (r, self, args) -> JsValue.of(r.global().get("h").asObject().delete("fixed"))));
        assertEquals(JsValue.of(false), rt.evaluate("'use strict'; deleteFromJava()", "t.js"));
    }

    @Test
    void symbolKeysReachTheSymbolOverloadsNeverTheStringOnes() {
        // this host object keeps the HostObject defaults for symbols: none readable, writes refused; deleting what is not there is true, as in JS
        assertEquals(JsValue.of("TypeError:false:undefined:true"), rt.evaluate("var s = Symbol('k'); var r;"
                + " try { h[s] = 'v'; r = 'set' } catch (e) { r = e.name }"
                + " r + ':' + (s in h) + ':' + h[s] + ':' + delete h[s]", "t.js"));
        assertFalse(calls.stream().anyMatch(c -> c.contains("Symbol")), calls.toString());
        assertEquals(JsValue.of("[object Object]"), rt.evaluate("Object.prototype.toString.call(h)", "t.js"));
    }

    @Test
    void protoGetterAndSetterWorkOnTheHostAndThroughIt() {
        assertEquals(JsValue.of(true), rt.evaluate("h.__proto__ === Object.prototype", "t.js"));
        assertEquals(JsValue.of(true), rt.evaluate("var child = Object.create(h); child.__proto__ === h", "t.js"));
        assertEquals(JsValue.of("yes"), rt.evaluate("h.__proto__ = {extra: 'yes'}; h.extra", "t.js"));
        assertEquals(JsValue.of("TypeError"), rt.evaluate("try { h.__proto__ = child; 'no error' } catch (e) { e.name }", "t.js"));
        assertFalse(calls.stream().anyMatch(c -> c.contains("__proto__")), calls.toString());
    }

    @Test
    void aWriteReachesSetEvenWhenHasThrows() {
        rt.global().set("picky", rt.hostObject(new HostObject() {
            @Override
            public JsValue get(JsRuntime runtime, String name) {
                return JsValue.undefined();
            }

            @Override
            public boolean has(JsRuntime runtime, String name) {
                throw new IllegalStateException("no has for " + name);
            }

            @Override
            public void set(JsRuntime runtime, String name, JsValue value) {
                calls.add("picky set " + name);
            }
        }));
        rt.evaluate("picky.x = 1", "t.js");
        assertEquals(List.of("picky set x"), calls);
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("'y' in picky", "t.js"));
        assertEquals("no has for y", e.jsMessage());
    }
}
