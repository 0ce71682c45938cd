package org.jsi4j.conformance.testlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
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
 * the cases about host objects, host functions and calls. Each method is named after the upstream {@code TEST_P}
 * it ports; {@code conformance-tests/TESTLIB.md} says what was ported, adapted or left out, and why.
 */
@Area("testlib")
class TestlibHostTest {
    @EngineTest
    void HostObjectTest(JsRuntime rt) {
        HostObject constant = new HostObject() {
            @Override
            public JsValue get(JsRuntime runtime, String name) {
                return JsValue.of(9000);
            }

            @Override
            public void set(JsRuntime runtime, String name, JsValue value) {
            }
        };
        JsObject cho = rt.hostObject(constant);
        assertEquals(JsValue.of(true), Testlib.function(rt, "function (obj) { return obj.someRandomProp == 9000; }").call(cho));
        assertTrue(cho.isHostObject());
        assertSame(constant, cho.hostObject().orElseThrow());

        List<JsRuntime> seen = new ArrayList<>();
        JsObject srho = rt.hostObject(new HostObject() {
            @Override
            public JsValue get(JsRuntime runtime, String name) {
                seen.add(runtime);
                return JsValue.undefined();
            }

            @Override
            public void set(JsRuntime runtime, String name, JsValue value) {
                seen.add(runtime);
            }

            @Override
            public List<String> propertyNames(JsRuntime runtime) {
                seen.add(runtime);
                return List.of();
            }
        });
        Testlib.function(rt, "function (obj) { return obj.isSame; }").call(srho);
        Testlib.function(rt, "function (obj) { obj['k'] = 'v'; }").call(srho);
        Testlib.function(rt, "function (obj) { for (k in obj) {} }").call(srho);
        assertTrue(seen.size() >= 3, "get, set and the names each reached the host");
        assertTrue(seen.stream().allMatch(r -> r == rt));

        JsObject tho = rt.hostObject((runtime, name) -> JsValue.of(name + name));
        assertEquals(JsValue.of(true), Testlib.function(rt, "function (obj) { return obj.abc == 'abcabc'; }").call(tho));
        assertEquals(JsValue.of(true), Testlib.function(rt, "function (obj) { return obj['def'] == 'defdef'; }").call(tho));
        assertEquals(JsValue.of(true), Testlib.function(rt, "function (obj) { return obj[12] === '1212'; }").call(tho));

        Map<String, String> bag = new HashMap<>();
        JsObject bho = rt.hostObject(new HostObject() {
            @Override
            public JsValue get(JsRuntime runtime, String name) {
                return name.equals("thing") ? JsValue.of(bag.getOrDefault("thing", "")) : JsValue.undefined();
            }

            @Override
            public void set(JsRuntime runtime, String name, JsValue value) {
                if (name.equals("thing")) bag.put(name, value.asString());
            }
        });
        assertTrue(Testlib.function(rt, "function (obj) { return obj.undef; }").call(bho).isUndefined());
        assertEquals(JsValue.of("hello"), Testlib.function(rt, "function (obj) { obj.thing = 'hello'; return obj.thing; }").call(bho));
        assertEquals("hello", bag.get("thing"));

        JsObject thro = rt.hostObject(new HostObject() {
            @Override
            public JsValue get(JsRuntime runtime, String name) {
                throw new IllegalStateException("Cannot get");
            }

            @Override
            public void set(JsRuntime runtime, String name, JsValue value) {
                throw new IllegalStateException("Cannot set");
            }
        });
        JsError getFailed = assertThrows(JsError.class, () -> Testlib.function(rt, "function (obj) { return obj.thing; }").call(thro));
        assertTrue(getFailed.getMessage().contains("Cannot get"), getFailed.getMessage());
        JsError setFailed = assertThrows(JsError.class, () -> Testlib.function(rt, "function (obj) { obj.thing = 'hello'; }").call(thro));
        assertTrue(setFailed.getMessage().contains("Cannot set"), setFailed.getMessage());

        JsObject nopHo = rt.hostObject((runtime, name) -> JsValue.undefined());
        assertTrue(Testlib.function(rt, "function (obj) { return obj.thing; }").call(nopHo).isUndefined());
        JsError nop = assertThrows(JsError.class, () -> Testlib.function(rt, "function (obj) { obj.thing = 'pika'; }").call(nopHo));
        assertEquals("TypeError", nop.name().orElseThrow());

        JsObject howpn = rt.hostObject(new HostObject() {
            @Override
            public JsValue get(JsRuntime runtime, String name) {
                return JsValue.undefined();
            }

            @Override
            public List<String> propertyNames(JsRuntime runtime) {
                return List.of("a_prop", "1", "false", "a_prop", "3", "c_prop");
            }
        });
        // upstream uses Object.getOwnPropertyNames, which Rhino refuses for a non-ScriptableObject: Object.keys lists the same
        assertEquals(JsValue.of(true), Testlib.function(rt, "function (o) { return Object.keys(o).length == 5 }").call(howpn));
        JsFunction hasName = Testlib.function(rt, "function (o, p) { return Object.keys(o).indexOf(p) >= 0 }");
        for (String name : List.of("a_prop", "1", "false", "3", "c_prop")) {
            assertEquals(JsValue.of(true), hasName.call(howpn, JsValue.of(name)), name);
        }
        assertEquals(JsValue.of(false), hasName.call(howpn, JsValue.of("not_existing")));
    }

    @EngineTest
    void HostObjectProtoTest(JsRuntime rt) {
        rt.global().set("pho", rt.hostObject(new HostObject() {
            @Override
            public JsValue get(JsRuntime runtime, String name) {
                return JsValue.of("phoprop");
            }

            @Override
            public JsValue get(JsRuntime runtime, JsSymbol key) {
                return JsValue.of("phoprop");
            }
        }));
        assertEquals(JsValue.of("phoprop"), Testlib.eval(rt, "({__proto__: pho})[Symbol.toPrimitive]"));
    }

    @EngineTest
    void HostFunctionTest(JsRuntime rt) {
        JsFunction plusOne = rt.function("plusOne", 2, (r, self, args) -> {
            assertSame(rt, r);
            assertTrue(self.isUndefined() || rt.strictEquals(self, rt.global()));
            return JsValue.of(1 + args.get(0).asNumber() + args.get(1).asNumber());
        });
        assertEquals(JsValue.of(4), plusOne.call(JsValue.of(1), JsValue.of(2)));
        rt.global().set("plusOne", plusOne);
        assertEquals(JsValue.of(true), Testlib.eval(rt, "plusOne(20, 300) == 321"));
        rt.global().set("cons", rt.function("dot", 2, (r, self, args) -> {
            if (args.size() != 2) throw new IllegalArgumentException("expected 2 args");
            return JsValue.of(args.get(0).asString() + "." + args.get(1).asString());
        }));
        assertEquals(JsValue.of(true), Testlib.eval(rt, "cons('left', 'right') == 'left.right' && cons.name == 'dot'"
                + " && cons.length == 2 && cons instanceof Function"));
        assertEquals(JsValue.of(true), Testlib.eval(rt, "(function() { try { cons('fail'); return false; } catch (e) {"
                + " return (e instanceof Error) && e.message.indexOf('expected 2 args') >= 0; }})()"));
        rt.global().set("coolify", rt.function("coolify", 0, (r, self, args) -> {
            JsValue text = Testlib.function(r, "function (v) { return String(v); }").call(self);
            return JsValue.of(text.asString() + " is cool");
        }));
        assertEquals(JsValue.of(true), Testlib.eval(rt, "coolify.name == 'coolify' && coolify.length == 0"
                + " && coolify.bind('R&M')() == 'R&M is cool'"));
        rt.global().set("lookAtMe", rt.function("lookAtMe", 0, (r, self, args) -> {
            assertEquals(JsValue.of("mr.meeseeks"), self.asObject().get("name"));
            return JsValue.undefined();
        }));
        assertTrue(Testlib.eval(rt, "lookAtMe.bind({'name': 'mr.meeseeks'})()").isUndefined());
        HostFunction callableBody = (r, self, args) -> args.size() != 1 ? JsValue.undefined()
                : JsValue.of(args.get(0).asString() + " was called with the target");
        JsFunction callable = rt.function("callable", 1, callableBody);
        assertEquals(JsValue.of("A cat was called with the target"),
                Testlib.function(rt, "function (f) { return f('A cat'); }").call(callable));
        assertTrue(callable.isHostFunction());
        assertSame(callableBody, callable.getHostFunction());
        String[] strval = {"strval1"};
        JsObject getter = rt.newObject();
        getter.set("get", rt.function("getter", 1, (r, self, args) -> JsValue.of(strval[0])));
        JsObject obj = rt.newObject();
        rt.global().get("Object").asObject().get("defineProperty").asFunction().call(obj, JsValue.of("prop"), getter);
        JsFunction check = Testlib.function(rt, "function (value, want) { return value.prop == want; }");
        assertEquals(JsValue.of(true), check.call(obj, JsValue.of("strval1")));
        strval[0] = "strval2";
        assertEquals(JsValue.of("strval2"), obj.get("prop"));
        assertEquals(JsValue.of(true), check.call(obj, JsValue.of("strval2")));
    }

    @EngineTest
    void HostObjectWithValueMembers(JsRuntime rt) {
        Map<String, Object> data = new HashMap<>();
        JsObject jsbag = rt.hostObject(new HostObject() {
            @Override
            public JsValue get(JsRuntime runtime, String name) {
                Object v = data.get(name);
                return v instanceof org.jsi4j.JsRef<?> ref ? ref.get() : v == null ? JsValue.undefined() : (JsValue) v;
            }

            @Override
            public void set(JsRuntime runtime, String name, JsValue value) {
                data.put(name, value instanceof JsObject o ? o.persist() : value);
            }
        });
        Testlib.function(rt, "function (o) { o.foo = 'bar'; o.count = 37; o.nul = null; o.iscool = true; o.obj = {'foo': 'bar'}; }")
                .call(jsbag);
        assertEquals(JsValue.of(true), Testlib.function(rt, "function (o) { return o.foo === 'bar' && o.count === 37"
                + " && o.nul === null && o.iscool === true && typeof o.obj === 'object' && o.obj.foo === 'bar'; }").call(jsbag));
        assertEquals(JsValue.of("bar"), data.get("foo"));
        assertEquals(JsValue.of(37), data.get("count"));
        assertTrue(((JsValue) data.get("nul")).isNull());
        assertEquals(JsValue.of(true), data.get("iscool"));
        assertEquals(JsValue.of("bar"), ((org.jsi4j.JsRef<?>) data.get("obj")).get().get("foo"));
    }

    @EngineTest
    void FunctionTest(JsRuntime rt) {
        JsFunction f = Testlib.function(rt, "function(n, b, d, i, s1, s_sun, o, a, f, v) { return n === null && b === true"
                + " && d === 3.14 && i === 17 && s1 == 's1' && s_sun == 's\\u2600' && typeof o == 'object'"
                + " && Array.isArray(a) && typeof f == 'function' && v == 42 }");
        assertEquals(JsValue.of(true), f.call(JsValue.nullValue(), JsValue.of(true), JsValue.of(3.14), JsValue.of(17),
                JsValue.of("s1"), JsValue.of("s\u2600"), rt.newObject(), rt.newArray(1), Testlib.function(rt, "function(){}"),
                JsValue.of(42)));
    }

    @EngineTest
    void FunctionThisTest(JsRuntime rt) {
        JsFunction check = Testlib.function(rt, "function() { return this.a === 'a_property' }");
        JsObject jsObject = rt.newObject();
        jsObject.set("a", "a_property");
        JsObject hostObject = rt.hostObject((runtime, name) -> JsValue.of("a_property"));
        assertEquals(JsValue.of(true), check.callWithThis(jsObject));
        assertEquals(JsValue.of(true), check.callWithThis(hostObject));
        assertEquals(JsValue.of(false), check.callWithThis(rt.newArray(5)));
        assertEquals(JsValue.of(false), check.call());
    }

    @EngineTest
    void FunctionConstructorTest(JsRuntime rt) throws InterruptedException {
        JsFunction ctor = Testlib.function(rt, "function (a) { if (typeof a !== 'undefined') { this.pika = a; } }");
        ctor.get("prototype").asObject().set("pika", "chu");
        JsObject empty = ctor.construct();
        assertEquals(JsValue.of("chu"), empty.get("pika"));
        JsObject who = ctor.construct(JsValue.of("who"));
        assertEquals(JsValue.of("who"), who.get("pika"));
        JsFunction instanceOf = Testlib.function(rt, "function (o, b) { return o instanceof b; }");
        assertEquals(JsValue.of(true), instanceOf.call(empty, ctor));
        assertEquals(JsValue.of(true), instanceOf.call(who, ctor));
        JsFunction dateCtor = rt.global().get("Date").asFunction();
        JsObject date = dateCtor.construct();
        assertEquals(JsValue.of(true), instanceOf.call(date, dateCtor));
        Thread.sleep(50);
        assertTrue(Testlib.function(rt, "function (d) { return (new Date()).getTime() - d.getTime(); }").call(date).asNumber() >= 50);
    }

    @EngineTest
    void InstanceOfTest(JsRuntime rt) {
        JsFunction ctor = Testlib.function(rt, "function Rick() { this.say = 'wubalubadubdub'; }");
        JsObject instance = Testlib.function(rt, "function (ctor) { return new ctor(); }").call(ctor).asObject();
        assertTrue(instance.instanceOf(ctor));
        assertEquals(JsValue.of("wubalubadubdub"), instance.get("say"));
        assertFalse(rt.newObject().instanceOf(ctor));
        assertTrue(ctor.construct().instanceOf(ctor));
    }
}
