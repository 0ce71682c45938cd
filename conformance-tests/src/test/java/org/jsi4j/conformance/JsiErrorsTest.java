package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsValue;

/** Errors of every type made from Java, any value thrown from a host function, names of non-Error throws. */
@Area("jsi-surface")
class JsiErrorsTest {
    @EngineTest
    void errorsOfEveryTypeFromJava(JsRuntime rt) {
        for (JsErrorType type : JsErrorType.values()) {
            JsObject e = rt.newError(type, "made in Java");
            rt.global().set("e", e);
            assertEquals(JsValue.of(type.constructorName() + ":made in Java:true:true"), rt.evaluate(
                    "[e.name, e.message, e instanceof " + type.constructorName() + ", e instanceof Error].join(':')", "e.js"),
                    type.toString());
        }
    }

    @EngineTest
    void jsErrorOfEveryTypeReachesTheScript(JsRuntime rt) {
        rt.global().set("fail", rt.function("fail", 1, (r, self, args) -> {
            throw JsError.of(JsErrorType.valueOf(args.get(0).asString()), "from host");
        }));
        for (JsErrorType type : JsErrorType.values()) {
            assertEquals(JsValue.of(type.constructorName() + ":true"), rt.evaluate(
                    "try { fail('" + type.name() + "'); } catch (x) { x.name + ':' + (x instanceof " + type.constructorName() + ") }",
                    "t.js"));
        }
    }

    @EngineTest
    void aHostFunctionThrowsAnyValue(JsRuntime rt) {
        rt.global().set("throwIt", rt.function("throwIt", 1, (r, self, args) -> {
            throw JsError.throwing(args.get(0));
        }));
        assertEquals(JsValue.of("string:s|number:4|undefined:undefined|object:null|boolean:false|object:same"),
                rt.evaluate("var o = {}; [['s'], [4], [undefined], [null], [false], [o]].map(function (a) {"
                        + " try { throwIt(a[0]); return 'no throw'; } catch (x) { return typeof x + ':' + (x === o ? 'same' : String(x)); } }).join('|')",
                        "any.js"));
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("throwIt(12)", "out.js"));
        assertEquals(JsValue.of(12), e.value(), "uncaught, it comes back to Java as the same value");
        JsObject error = rt.newError(JsErrorType.RANGE_ERROR, "premade");
        rt.global().set("premade", error);
        assertEquals(JsValue.of(true), rt.evaluate("try { throwIt(premade); } catch (x) { x === premade }", "p.js"));
    }

    @EngineTest
    void aNonErrorObjectThrownKeepsItsName(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("throw {name: 'Custom', message: 'm'}", "c.js"));
        assertEquals("Custom", e.name().orElseThrow());
        assertTrue(e.value().asObject().get("message").asString().equals("m"));
        JsError getter = assertThrows(JsError.class, () -> rt.evaluate(
                "throw {get name() { throw new Error('no'); }}", "g.js"));
        assertTrue(getter.name().isEmpty(), "a getter is not run for the name");
        JsError plain = assertThrows(JsError.class, () -> rt.evaluate("throw 'text'", "t.js"));
        assertTrue(plain.name().isEmpty());
    }

    @EngineTest
    void evaluateSyntaxErrorInsideAHostFunctionIsARealSyntaxError(JsRuntime rt) {
        rt.global().set("evalIt", rt.function("evalIt", 1, (r, self, args) -> r.evaluate(args.get(0).asString(), "inner.js")));
        assertEquals(JsValue.of("SyntaxError:true"), rt.evaluate(
                "try { evalIt('var = ;'); 'no error' } catch (x) { x.name + ':' + (x instanceof SyntaxError) }", "s.js"));
        JsError out = assertThrows(JsError.class, () -> rt.evaluate("evalIt('(')", "o.js"));
        assertEquals("SyntaxError", out.name().orElseThrow());
        assertTrue(out.getCause() instanceof JsSyntaxError, "the Java cause is the original syntax error");
        assertEquals(JsValue.of(3), rt.evaluate("evalIt('1 + 2')", "ok.js"));
    }

    @EngineTest
    void throwingOnlyTheValueOfThisRuntime(JsRuntime rt) {
        JsError made = JsError.throwing(JsValue.of("x"));
        assertSame(JsValue.of("x").getClass(), made.value().getClass());
        assertThrows(NullPointerException.class, () -> JsError.throwing(null));
    }
}
