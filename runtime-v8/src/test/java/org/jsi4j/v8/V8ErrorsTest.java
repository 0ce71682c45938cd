package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsValue;
import org.jsi4j.PreparedScript;
import org.jsi4j.RuntimeStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each route by which a thrown value reaches Java keeps the value itself. */
class V8ErrorsTest {
    private final JsRuntime rt = new V8RuntimeFactory().create();

    @AfterEach
    void close() {
        rt.close();
    }

    private JsError thrownBy(String js) {
        return assertThrows(JsError.class, () -> rt.evaluate(js, "t.js"));
    }

    private void assertIsGlobal(String name, JsError e) {
        assertTrue(e.value().asObject().strictEquals(rt.global().get(name)), name + " is the thrown value itself");
    }

    @Test
    void aScriptsThrownObjectIsItself() {
        JsError e = thrownBy("var thrown = {code: 7};\nthrow thrown;");
        assertIsGlobal("thrown", e);
        assertTrue(e.name().isEmpty());
        assertEquals("[object Object]", e.jsMessage());
        assertEquals(2, e.location().orElseThrow().line());
    }

    @Test
    void aPreparedScriptsThrownObjectIsItself() {
        PreparedScript p = rt.prepare("var arr = [1, 2]; throw arr;", "p.js");
        assertIsGlobal("arr", assertThrows(JsError.class, p::run));
        assertIsGlobal("arr", assertThrows(JsError.class, p::run));
    }

    @Test
    void callsConstructorsAndGettersThrowTheValueItself() {
        JsFunction f = rt.evaluate("var boom = {fn: true}; (function () { throw boom; })", "f.js").asFunction();
        assertIsGlobal("boom", assertThrows(JsError.class, () -> f.call()));
        JsFunction ctor = rt.evaluate("var ctorBoom = new RangeError('c'); (function C() { throw ctorBoom; })", "c.js").asFunction();
        JsError fromNew = assertThrows(JsError.class, () -> ctor.construct());
        assertIsGlobal("ctorBoom", fromNew);
        assertEquals("RangeError", fromNew.name().orElseThrow());
        JsObject o = rt.evaluate("var getBoom = () => {}; ({get x() { throw getBoom; }})", "g.js").asObject();
        assertIsGlobal("getBoom", assertThrows(JsError.class, () -> o.get("x")));
    }

    @Test
    void errorObjectsKeepClassNameMessageStackAndLocation() {
        JsError e = thrownBy("class HttpError extends Error {}\nvar err = new HttpError('nope'); err.name = 'HttpError';\n"
                + "function f() { throw err; }\nf();");
        assertIsGlobal("err", e);
        assertTrue(e.value().asObject().instanceOf(rt.evaluate("HttpError", "c.js").asFunction()));
        assertEquals("HttpError", e.name().orElseThrow());
        assertEquals("nope", e.jsMessage());
        assertTrue(e.jsStack().orElseThrow().startsWith("HttpError: nope\n    at t.js:2:"), e.jsStack().orElseThrow());
        assertEquals(3, e.location().orElseThrow().line(), "where it was thrown");

        JsError custom = thrownBy("function VE(m) { this.message = m; } VE.prototype = Object.create(Error.prototype);"
                + " VE.prototype.name = 'VE'; Error.prototype.toString = function () { return 'hijacked'; }; throw new VE('m');");
        assertEquals("VE", custom.name().orElseThrow());
        assertEquals("m", custom.jsMessage());
    }

    @Test
    void symbolsAndFunctionsAreThemselves() {
        JsError sym = thrownBy("var s = Symbol('x'); throw s;");
        assertEquals(rt.global().get("s"), sym.value());
        assertEquals("Symbol(x)", sym.jsMessage());
        assertIsGlobal("fn", thrownBy("function fn() {} throw fn;"));
    }

    @Test
    void primitivesComeBackExactly() {
        assertEquals(JsValue.of("42"), thrownBy("throw '42'").value(), "a string that looks like a number");
        assertEquals(JsValue.of(42), thrownBy("throw 42").value());
        assertEquals("42", thrownBy("throw 42").jsMessage());
        assertEquals(JsValue.of(1.5), thrownBy("throw 1.5").value());
        assertEquals(JsValue.of(true), thrownBy("throw true").value());
        assertEquals(JsValue.of(new BigInteger("123456789012345678901234567890")), thrownBy("throw 123456789012345678901234567890n").value());
        JsError nul = thrownBy("throw null");
        assertTrue(nul.value().isNull());
        assertEquals("null", nul.jsMessage());
        assertTrue(nul.name().isEmpty());
    }

    @Test
    void aPrimitiveThrownAfterHostCallsIsNotMistakenForTheirArguments() {
        rt.global().set("take", rt.function("take", 1, (r, self, args) -> args.get(0)));
        JsError e = thrownBy("var kept = take({arg: 1}); take([2]); throw 'after';");
        assertEquals(JsValue.of("after"), e.value());
        JsError o = thrownBy("take({arg: 1}); var last = {last: true}; take(last); throw last;");
        assertIsGlobal("last", o);
    }

    @Test
    void undefinedRaisedByHostCodeStaysUndefined() {
        rt.global().set("raiseUndefined", rt.function("raiseUndefined", 0, (r, self, args) -> {
            throw new JsError(JsValue.undefined(), null, "", null, null, null);
        }));
        assertTrue(thrownBy("raiseUndefined()").value().isUndefined());
    }

    @Test
    void hostExceptionsKeepTheirJavaCauseAndTheirObject() {
        IllegalStateException boom = new IllegalStateException("boom");
        rt.global().set("fail", rt.function("fail", 0, (r, self, args) -> { throw boom; }));
        JsError e = thrownBy("var seen; try { fail() } catch (x) { seen = x; }\nthrow seen;");
        assertSame(boom, e.getCause());
        assertIsGlobal("seen", e);
        assertEquals("boom", e.jsMessage());
    }

    @Test
    void nestedEntriesEachKeepTheirOwnValue() {
        rt.global().set("inner", rt.function("inner", 0, (r, self, args) -> {
            JsError e = assertThrows(JsError.class, () -> r.evaluate("var innerThrown = {inner: 1}; throw innerThrown;", "in.js"));
            assertTrue(e.value().asObject().strictEquals(r.global().get("innerThrown")));
            throw e;  // rethrown into the outer script: the same object
        }));
        JsError outer = thrownBy("inner()");
        assertIsGlobal("innerThrown", outer);
    }

    @Test
    void thrownValuesLeaveNoHandlesBehind() {
        rt.evaluate("0", "warm.js"); // the first entry makes the core's own helpers (two references)
        RuntimeStats before = rt.stats();
        for (int i = 0; i < 1000; i++) {
            try (JsScope scope = rt.openScope()) {
                assertThrows(JsError.class, () -> rt.evaluate("throw {i: 1}", "l.js"));
                assertThrows(JsError.class, () -> rt.evaluate("throw new TypeError('t')", "l.js"));
                assertThrows(JsError.class, () -> rt.evaluate("throw 'p'", "l.js"));
            }
        }
        RuntimeStats after = rt.stats();
        assertEquals(before.liveHandles(), after.liveHandles());
        assertEquals(before.engineReferences(), after.engineReferences());
    }

    @Test
    void scriptSemanticsStayThoseOfAClassicScript() {
        thrownBy("let lexical = 1; const c = 2; function declared() {} var v = 3; throw 0;");
        assertEquals(JsValue.of(6), rt.evaluate("lexical + c + v", "after.js"));
        assertEquals(JsValue.of("function"), rt.evaluate("typeof declared", "after.js"));
    }
}
