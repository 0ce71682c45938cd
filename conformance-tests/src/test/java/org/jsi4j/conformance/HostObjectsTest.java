package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.EsFeature;
import org.jsi4j.HostObject;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsValue;

/** Java objects seen from JavaScript as ordinary objects ({@link HostObject}). */
@Area("host-objects")
class HostObjectsTest {
    private static JsValue eval(JsRuntime rt, String source) {
        return rt.evaluate(source, "host-objects.js");
    }

    private static MapHostObject expose(JsRuntime rt, boolean writable) {
        MapHostObject host = new MapHostObject(writable).with("a", JsValue.of(1)).with("b", JsValue.of("bee"));
        rt.global().set("h", rt.hostObject(host));
        return host;
    }

    @EngineTest
    void propertyReadsReachTheHost(JsRuntime rt) {
        MapHostObject host = expose(rt, false);
        assertEquals(JsValue.of("1:bee"), eval(rt, "h.a + ':' + h.b"));
        assertEquals(JsValue.of(true), eval(rt, "h.missing === undefined && h['a'] === 1"));
        assertTrue(host.log.contains("get a"));
        assertTrue(host.log.contains("get missing"));
        assertSame(rt, host.lastRuntime, "the callback receives the calling runtime");
        assertEquals(JsValue.of("object"), eval(rt, "typeof h"));
    }

    @EngineTest
    void propertyWritesReachTheHost(JsRuntime rt) {
        MapHostObject host = expose(rt, true);
        eval(rt, "h.c = 42; h.a = 'changed'; h.obj = {deep: [1, 2]};");
        assertEquals(JsValue.of(42), host.peek("c"));
        assertEquals(JsValue.of("changed"), host.peek("a"));
        assertEquals(JsValue.of("42:changed:2"), eval(rt, "h.c + ':' + h.a + ':' + h.obj.deep.length"),
                "objects written into a host object remain usable");
    }

    @EngineTest
    void readOnlyHostRefusesWritesWithTypeErrorInStrictCode(JsRuntime rt) {
        MapHostObject host = expose(rt, false);
        assertEquals(JsValue.of("TypeError"), eval(rt,
                "(function () { 'use strict'; try { h.a = 5; return 'no error'; } catch (e) { return e.name; } })()"));
        assertEquals(JsValue.of(1), host.peek("a"));
        JsError e = assertThrows(JsError.class, () -> eval(rt, "'use strict'; h.z = 1;"));
        assertEquals("TypeError", e.name().orElseThrow());
        assertFalse(host.contains("z"));
    }

    @EngineTest
    void inOperatorAsksTheHost(JsRuntime rt) {
        MapHostObject host = expose(rt, false);
        assertEquals(JsValue.of("true,true,false"), eval(rt, "['a' in h, 'b' in h, 'zz' in h].join()"));
        assertTrue(host.log.contains("has zz"));
    }

    @EngineTest
    void defaultHasUsesPropertyNames(JsRuntime rt) {
        rt.global().set("h", rt.hostObject(new HostObject() {
            @Override
            public JsValue get(JsRuntime runtime, String name) {
                return name.equals("listed") ? JsValue.of(1) : JsValue.undefined();
            }

            @Override
            public List<String> propertyNames(JsRuntime runtime) {
                return List.of("listed");
            }
        }));
        assertEquals(JsValue.of("true,false,1"), eval(rt, "['listed' in h, 'other' in h, Object.keys(h).length].join()"));
    }

    @EngineTest
    void objectKeysAndForInListTheHostsNames(JsRuntime rt) {
        MapHostObject host = expose(rt, true);
        host.with("c", JsValue.of(true));
        assertEquals(JsValue.of("a,b,c"), eval(rt, "Object.keys(h).join()"));
        assertEquals(JsValue.of("a=1;b=bee;c=true;"), eval(rt, "var s = ''; for (var k in h) s += k + '=' + h[k] + ';'; s"));
        assertEquals(List.of("a", "b", "c"), rt.global().get("h").asObject().propertyNames());
    }

    @EngineTest
    void deleteFromJavaScript(JsRuntime rt) {
        MapHostObject host = expose(rt, true);
        assertEquals(JsValue.of(true), eval(rt, "delete h.a"));
        assertFalse(host.contains("a"));
        assertEquals(JsValue.of("false,b"), eval(rt, "['a' in h, Object.keys(h)].join()"));
        assertTrue(host.log.contains("delete a"));
    }

    @EngineTest
    void undeletablePropertiesStay(JsRuntime rt) {
        MapHostObject host = expose(rt, false);
        assertEquals(JsValue.of(false), eval(rt, "delete h.a"));
        assertTrue(host.contains("a"));
        JsError e = assertThrows(JsError.class, () -> eval(rt, "'use strict'; delete h.a;"));
        assertEquals("TypeError", e.name().orElseThrow(), "strict-mode delete of an undeletable property");
    }

    @EngineTest
    void jsonStringifySeesHostProperties(JsRuntime rt) {
        expose(rt, false);
        assertEquals(JsValue.of("{\"a\":1,\"b\":\"bee\"}"), eval(rt, "JSON.stringify(h)"));
    }

    @EngineTest
    void hostObjectAsPrototype(JsRuntime rt) {
        expose(rt, false);
        assertEquals(JsValue.of("1:bee:own:true:false"), eval(rt,
                "var o = Object.create(h); o.own = 'own';"
                + " [o.a, o.b, o.own, 'a' in o, o.hasOwnProperty('a')].join(':')"));
        assertEquals(JsValue.of(true), eval(rt, "Object.getPrototypeOf(o) === h"));
    }

    @EngineTest
    void objectAssignCopiesHostProperties(JsRuntime rt) {
        expose(rt, false);
        assertEquals(JsValue.of("{\"a\":1,\"b\":\"bee\"}"), eval(rt, "JSON.stringify(Object.assign({}, h))"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.SPREAD)
    void objectSpreadCopiesHostProperties(JsRuntime rt) {
        expose(rt, false);
        assertEquals(JsValue.of("a,b,c|1|bee"), eval(rt, "var copy = {...h, c: 3}; Object.keys(copy).join() + '|' + copy.a + '|' + copy.b"));
    }

    @EngineTest
    void sameJavaInstanceComesBack(JsRuntime rt) {
        MapHostObject host = expose(rt, false);
        JsObject fromScript = eval(rt, "var holder = {inner: h}; holder.inner").asObject();
        assertTrue(fromScript.isHostObject());
        assertSame(host, fromScript.getHostObject(MapHostObject.class));
        assertSame(host, fromScript.hostObject().orElseThrow());
        assertTrue(fromScript.strictEquals(rt.global().get("h")));
        assertEquals(JsValue.of(true), eval(rt, "h === holder.inner"));
    }

    @EngineTest
    void plainObjectsAreNotHostObjects(JsRuntime rt) {
        expose(rt, false);
        JsObject plain = eval(rt, "({a: 1})").asObject();
        assertFalse(plain.isHostObject());
        assertTrue(plain.hostObject().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plain.getHostObject(MapHostObject.class));
        assertTrue(e.getMessage().contains("not a host object"), e.getMessage());
        JsObject derived = eval(rt, "Object.create(h)").asObject();
        assertFalse(derived.isHostObject(), "an object inheriting from a host object is not one");
        HostObject other = (runtime, name) -> JsValue.undefined();
        JsObject otherFace = rt.hostObject(other);
        assertThrows(IllegalStateException.class, () -> otherFace.getHostObject(MapHostObject.class),
                "asking for the wrong host type");
    }

    @EngineTest
    void exceptionsInTrapsBecomeJavaScriptErrors(JsRuntime rt) {
        IllegalArgumentException failure = new IllegalArgumentException("trap failed");
        rt.global().set("bad", rt.hostObject(new HostObject() {
            @Override
            public JsValue get(JsRuntime runtime, String name) {
                if (name.equals("ok")) return JsValue.of("fine");
                throw failure;
            }

            @Override
            public void set(JsRuntime runtime, String name, JsValue value) {
                throw new UnsupportedOperationException("no writes to " + name);
            }

            @Override
            public boolean has(JsRuntime runtime, String name) {
                throw new IllegalStateException("no has for " + name);
            }
        }));
        assertEquals(JsValue.of("fine"), eval(rt, "bad.ok"));
        assertEquals(JsValue.of("trap failed|no writes to x|no has for y"), eval(rt, "var out = [];"
                + " try { bad.nope; } catch (e) { out.push(e.message); }"
                + " try { bad.x = 1; } catch (e) { out.push(e.message); }"
                + " try { 'y' in bad; } catch (e) { out.push(e.message); } out.join('|')"));
        JsError e = assertThrows(JsError.class, () -> eval(rt, "bad.nope"));
        assertSame(failure, e.getCause());
    }

    @EngineTest
    void hostObjectMethodsReceiveTheHostAsThis(JsRuntime rt) {
        MapHostObject host = new MapHostObject(false);
        JsObject face = rt.hostObject(host);
        host.with("greet", rt.function("greet", 1, (r, self, args) ->
                JsValue.of("hello " + args.get(0).asString() + " from " + self.asObject().get("name").asString())));
        host.with("name", JsValue.of("host"));
        rt.global().set("h", face);
        assertEquals(JsValue.of("hello you from host"), eval(rt, "h.greet('you')"));
    }

    @EngineTest
    void releaseIsCalledOnceWhenTheRuntimeCloses(JsRuntimeFactory factory) {
        MapHostObject host = new MapHostObject(false);
        JsRuntime rt = factory.create();
        try {
            rt.global().set("h", rt.hostObject(host));
            rt.evaluate("h.a; h = null;", "release.js");
            rt.collectGarbage();
            assertEquals(0, host.released.get(), "not released while the runtime is open");
        } finally {
            rt.close();
        }
        assertEquals(1, host.released.get());
        rt.close();
        assertEquals(1, host.released.get(), "closing twice releases once");
    }

    @EngineTest
    void hostObjectCountsInStats(JsRuntime rt) {
        int before = rt.stats().hostObjects();
        rt.hostObject(new MapHostObject(false));
        rt.hostObject(new MapHostObject(false));
        assertEquals(before + 2, rt.stats().hostObjects());
    }
}
