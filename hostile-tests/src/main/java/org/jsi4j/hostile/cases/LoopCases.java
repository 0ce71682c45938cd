package org.jsi4j.hostile.cases;

import static org.jsi4j.hostile.Expect.anyOf;
import static org.jsi4j.hostile.Expect.jsError;
import static org.jsi4j.hostile.Expect.terminated;

import java.util.List;
import org.jsi4j.JsRuntime;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.hostile.CaseList;
import org.jsi4j.hostile.HostileCase;

/** Endless loops, loops that try to swallow the termination, catastrophic regexps and microtask floods. */
public final class LoopCases {
    private LoopCases() {
    }

    /** The cases. */
    public static List<HostileCase> cases() {
        return new CaseList("loop")
                .limited("endless-for", "for (;;) {}", terminated(Reason.TIME_LIMIT))
                .limited("catch-swallows-termination", "for (;;) { try { for (;;) {} } catch (e) {} }",
                        terminated(Reason.TIME_LIMIT))
                .limited("finally-loops-again", "try { for (;;) {} } finally { for (;;) {} }", terminated(Reason.TIME_LIMIT))
                .limited("throw-catch-continue", "for (;;) { try { throw new Error('x'); } catch (e) { continue; } }",
                        terminated(Reason.TIME_LIMIT))
                .limited("endless-generator", "function* g() { for (;;) yield 1; } for (var x of g()) {}",
                        terminated(Reason.TIME_LIMIT))
                .limited("catastrophic-regexp", "throw new RangeError('matched ' + /^(a+)+$/.test('a'.repeat(40) + 'b'))",
                        anyOf(terminated(Reason.TIME_LIMIT), jsError("RangeError").jsMessage("matched false")))
                .proves("a backtracking regexp engine is stopped by the time limit; a linear one (TRegex) just answers")
                .limited("microtask-flood", "function f() { Promise.resolve().then(f); } f()", terminated(Reason.TIME_LIMIT))
                .limited("self-resolving-thenable", "var t = { then: function (resolve) { resolve(t); } }; Promise.resolve(t)",
                        terminated(Reason.TIME_LIMIT))
                .limited("microtask-loop-after-return", "Promise.resolve().then(function () { for (;;) {} }); 'returned'",
                        terminated(Reason.TIME_LIMIT))
                // built-ins that loop over a length the script sets (StoppableBuiltins): no engine checks for a stop in them
                .limited("huge-index-of", "Array.prototype.indexOf.call({length: 2 ** 40}, 1)", terminated(Reason.TIME_LIMIT))
                .limited("huge-includes-sparse", "var a = []; a.length = 2 ** 32 - 1; a.includes(1)", terminated(Reason.TIME_LIMIT))
                .limited("huge-last-index-of", "Array.prototype.lastIndexOf.call({length: 2 ** 53 - 1}, 1)",
                        terminated(Reason.TIME_LIMIT))
                .limited("huge-reverse-sparse", "new Array(2 ** 32 - 1).reverse()", terminated(Reason.TIME_LIMIT))
                .limited("huge-copy-within", "Array.prototype.copyWithin.call({length: 2 ** 40}, 1, 0)",
                        terminated(Reason.TIME_LIMIT))
                .limited("huge-shift", "Array.prototype.shift.call({length: 2 ** 40})", terminated(Reason.TIME_LIMIT))
                .limited("huge-for-each", "Array.prototype.forEach.call({length: 2 ** 40}, function () {})",
                        terminated(Reason.TIME_LIMIT))
                .limited("huge-reduce", "Array.prototype.reduce.call({length: 2 ** 40, 0: 1}, function (s) { return s; })",
                        terminated(Reason.TIME_LIMIT))
                .limited("endless-sort-comparator", "var a = []; for (var i = 0; i < 1000; i++) a.push(i);"
                        + " a.sort(function () { for (;;) {} })", terminated(Reason.TIME_LIMIT))
                .scripted("endless-host-calls", terminated(Reason.TIME_LIMIT), ctx -> {
                    JsRuntime rt = ctx.runtime(RuntimeOptions.defaults().withTimeLimit(CaseList.LIMIT));
                    rt.global().set("h", rt.function("h", 1, (r, self, args) -> args.get(0)));
                    return rt.evaluate("for (var i = 0;; i++) h(i)", "host-loop.js");
                })
                .build();
    }
}
