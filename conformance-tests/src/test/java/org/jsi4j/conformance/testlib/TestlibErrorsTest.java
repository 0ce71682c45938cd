package org.jsi4j.conformance.testlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsFunction;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.PreparedScript;
import org.jsi4j.conformance.Area;
import org.jsi4j.conformance.EngineTest;

/**
 * React Native JSI's own test suite ({@code ReactCommon/jsi/jsi/test/testlib.cpp}) ported to jsi4j,
 * the cases about errors, stacks and prepared scripts. Each method is named after the upstream {@code TEST_P}
 * it ports; {@code conformance-tests/TESTLIB.md} says what was ported, adapted or left out, and why.
 */
@Area("testlib")
class TestlibErrorsTest {
    @EngineTest
    void ExceptionStackTraceTest(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate(
                "function hello() { var a = {}; a.log(); } function world() { hello(); } world()", "stack.js"));
        assertTrue(e.jsStack().orElse("").contains("world"), e.jsStack().orElse("(no stack)"));
    }

    @EngineTest
    void PreparedJavaScriptSourceTest(JsRuntime rt) {
        Testlib.eval(rt, "var q = 0;");
        PreparedScript prep = rt.prepare("q++;", "prep.js");
        assertEquals(JsValue.of(0), rt.global().get("q"));
        prep.run();
        assertEquals(JsValue.of(1), rt.global().get("q"));
        prep.run();
        assertEquals(JsValue.of(2), rt.global().get("q"));
    }

    @EngineTest
    void PreparedJavaScriptURLInBacktrace(JsRuntime rt) {
        String url = "//PreparedJavaScriptURLInBacktrace/Test/URL";
        PreparedScript prep = rt.prepare("function thrower() { throw new Error('oops')} thrower();", url);
        JsError e = assertThrows(JsError.class, prep::run);
        assertTrue(e.jsStack().orElse("").contains(url), e.jsStack().orElse("(no stack)"));
    }

    @EngineTest
    void JSErrorsArePropagatedNicely(JsRuntime rt) {
        JsFunction sometimesThrows = Testlib.function(rt, "function sometimesThrows(shouldThrow, callback) {"
                + " if (shouldThrow) { throw Error('Omg, what a nasty exception') } callback(callback); }");
        int[] callsBeforeError = {5};
        JsFunction callback = rt.function("callback", 0,
                (r, self, args) -> sometimesThrows.call(JsValue.of(--callsBeforeError[0] == 0), args.get(0)));
        rt.evaluate("Error.stackTraceLimit = 50", "limit.js"); // jsi4j's host function frames count against the default 10
        JsError e = assertThrows(JsError.class, () -> sometimesThrows.call(JsValue.of(false), callback));
        assertEquals("Omg, what a nasty exception", e.jsMessage());
        String stack = e.jsStack().orElse("");
        assertTrue(stack.split("sometimesThrows", -1).length - 1 >= 5, "all five JavaScript frames are in the stack: " + stack);
    }

    @EngineTest
    void JSErrorStackOverflowHandling(JsRuntime rt) {
        // made once, outside the callback: upstream compiles it in every call, which on Rhino (whose
        // compiler needs deep Java stack) fails intermittently at the edge of the stack (see TESTLIB.md)
        JsFunction zero = Testlib.function(rt, "function() { return 0; }");
        rt.global().set("callSomething", rt.function("callSomething", 0, (r, self, args) -> {
            assertSame(rt, r);
            return zero.call();
        }));
        JsException e = assertThrows(JsException.class, () -> Testlib.eval(rt, "(function f() { callSomething(); f.apply(); })()"));
        assertTrue(e.getMessage().toLowerCase().contains("exceeded") || e.getMessage().toLowerCase().contains("stack"),
                e.getMessage());
    }

    @EngineTest
    void JSErrorTest(JsRuntime rt) {
        assertThrows(JsException.class, () -> Testlib.eval(rt, "var GetMessageThrows = {get message() { throw Error('ex'); }};"
                + " throw GetMessageThrows;"));
        assertThrows(JsException.class, () -> Testlib.eval(rt, "var GetMessageThrows2 = {get message() { throw GetMessageThrows2; }};"
                + " throw GetMessageThrows2;"));
        assertThrows(JsException.class, () -> Testlib.eval(rt, "var e = Error(); Object.defineProperty(e, 'message',"
                + " {configurable:true, get() { throw Error('getter'); }}); throw e;"));
        assertThrows(JsException.class, () -> Testlib.eval(rt, "var e2 = Error(); String = function() { throw Error('ctor'); }; throw e2;"));
        assertThrows(JsException.class, () -> Testlib.eval(rt, "String = function() { return 42; }; var e3 = Error(); e3.message = 17; throw e3;"));
        assertThrows(JsException.class, () -> Testlib.eval(rt, "throw 17;"));
        assertThrows(JsException.class, () -> Testlib.eval(rt, "throw undefined;"));
        assertThrows(JsException.class, () -> Testlib.eval(rt, "var e4 = {toString() { throw new Error('errstr'); }}; throw e4;"));
    }

    @EngineTest
    void UTF8ExceptionTest(JsRuntime rt) {
        JsFunction throwUtf8 = rt.function("throwUtf8", 1, (r, self, args) -> {
            throw new IllegalStateException(args.get(0).asString());
        });
        JsError e = assertThrows(JsError.class, () -> throwUtf8.call(JsValue.of("\uD83D\uDC4D")));
        assertTrue(e.jsMessage().contains("\uD83D\uDC4D"), e.jsMessage());
    }
}
