package org.jsi4j.hostile.cases;

import static org.jsi4j.hostile.Expect.anyOf;
import static org.jsi4j.hostile.Expect.jsError;
import static org.jsi4j.hostile.Expect.syntaxError;
import static org.jsi4j.hostile.Expect.terminated;

import java.time.Duration;
import java.util.List;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.hostile.CaseList;
import org.jsi4j.hostile.HostileCase;

/** Deep and mutual recursion, in plain calls, getters, traps, conversions, the parser and JSON. */
public final class StackCases {
    private StackCases() {
    }

    /** The cases. */
    public static List<HostileCase> cases() {
        return new CaseList("stack")
                .script("self-recursion", "function f() { return f(); } f()", jsError("RangeError"))
                .script("mutual-recursion", "function a() { return b(); } function b() { return a(); } a()",
                        jsError("RangeError"))
                .script("recursion-caught-and-rethrown", "function f() { try { return f(); } catch (e) { throw e; } } f()",
                        jsError("RangeError"))
                .script("recursion-in-tostring", "var o = { toString: function () { return String(this); } }; String(o)",
                        jsError("RangeError"))
                .script("recursion-in-getter", "var o = { get x() { return this.x; } }; o.x", jsError("RangeError"))
                .script("recursion-through-proxy", "var p = new Proxy({}, { get: function (t, k, r) { return r[k]; } }); p.x",
                        jsError("RangeError"))
                .script("recursion-in-tojson", "var o = { toJSON: function () { return JSON.stringify(this); } };"
                        + " JSON.stringify(o)", jsError("RangeError"))
                .script("recursion-in-constructor", "function A() { new A(); } new A()", jsError("RangeError"))
                .script("recursion-through-bound-functions", "var f = function () { return g(); }; var g = f.bind(null); f()",
                        jsError("RangeError"))
                .script("deeply-nested-array-to-json", "var a = []; for (var i = 0; i < 1e6; i++) a = [a];"
                        + " throw new RangeError('length ' + JSON.stringify(a).length)", jsError("RangeError"))
                .script("deeply-nested-source", "eval('['.repeat(1e6) + ']'.repeat(1e6))",
                        anyOf(jsError("RangeError"), jsError("InternalError"), syntaxError()))
                .limited("exponential-recursion-through-finally", "function f() { try { f(); } finally { f(); } } f()",
                        terminated(Reason.TIME_LIMIT))
                .proves("a recursion that never unwinds (each frame re-enters in finally) ends at the time limit")
                .scripted("exponential-recursion-then-new-runtime", terminated(Reason.TIME_LIMIT), ctx -> {
                    RuntimeOptions limited = RuntimeOptions.defaults().withTimeLimit(Duration.ofSeconds(1));
                    try {
                        ctx.runtime(limited).evaluate("function f() { try { f(); } finally { f(); } } f()", "first.js");
                    } catch (JsTerminatedException expected) {
                        // the first runtime's limit; what counts is that the next runtime keeps its own
                    }
                    return ctx.runtime(limited).evaluate("for (;;) {}", "second.js");
                })
                .proves("after a stop that lands while a script overflows its stack, a new runtime of the engine still"
                        + " keeps its time limit")
                .build();
    }
}
