package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jsi4j.EsFeature;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsValue;
import org.jsi4j.UnhandledRejection;

/** Promises rejected with no handler, reported through {@link JsRuntime#onUnhandledRejection}. */
@Area("async")
@RequiresFeature(EsFeature.PROMISES)
class UnhandledRejectionsTest {
    /** What the listener saw: name (or -), message, and the reason as text or "object". */
    private static List<String> listen(JsRuntime rt) {
        List<String> seen = new ArrayList<>();
        rt.onUnhandledRejection((r, rejection) -> seen.add(describe(r, rejection)));
        return seen;
    }

    private static String describe(JsRuntime rt, UnhandledRejection rejection) {
        String reason = rejection.reason() instanceof JsString s ? s.value() : rejection.reason().toString();
        return rejection.error().name().orElse("-") + "|" + rejection.error().jsMessage() + "|"
                + (rejection.reason() instanceof JsObject ? "object" : reason);
    }

    @EngineTest
    void aRejectedPromiseWithoutHandlerIsReportedWithItsError(JsRuntime rt) {
        List<String> seen = listen(rt);
        rt.evaluate("function fail() { return Promise.reject(new RangeError('boom')); }\nfail();", "reject.js");
        assertEquals(List.of("RangeError|boom|object"), seen);
    }

    @EngineTest
    void theErrorOfARejectionCarriesItsStack(JsRuntime rt) {
        List<UnhandledRejection> seen = new ArrayList<>();
        List<String> stacks = new ArrayList<>();
        rt.onUnhandledRejection((r, rejection) -> {
            seen.add(rejection);
            stacks.add(rejection.error().jsStack().orElse(""));
        });
        rt.evaluate("function makeIt() { return new Error('where'); }\nPromise.reject(makeIt());", "where.js");
        assertEquals(1, seen.size());
        assertTrue(stacks.get(0).contains("where.js"), "the stack names the script: " + stacks.get(0));
        assertTrue(stacks.get(0).contains("makeIt"), "the stack names the function that made it: " + stacks.get(0));
    }

    @EngineTest
    void aPrimitiveReasonIsReportedAsItself(JsRuntime rt) {
        List<String> seen = listen(rt);
        rt.evaluate("Promise.reject('plain text'); Promise.reject(42);", "prim.js");
        // Rhino's tracker does not keep the order of rejections
        assertEquals(java.util.Set.of("-|plain text|plain text", "-|42|42"), new java.util.HashSet<>(seen), seen.toString());
        assertEquals(2, seen.size(), seen.toString());
    }

    @EngineTest
    @RequiresFeature(value = EsFeature.ASYNC_AWAIT, transpilable = true)
    void anAsyncFunctionThatThrowsIsReported(JsRuntime rt) {
        List<String> seen = listen(rt);
        rt.evaluate("async function load() { await null; throw new TypeError('no data'); }\nload();", "async.js");
        assertEquals(List.of("TypeError|no data|object"), seen);
    }

    @EngineTest
    void aRejectionHandledInTheSameTurnIsNotReported(JsRuntime rt) {
        List<String> seen = listen(rt);
        rt.evaluate("var p = Promise.reject(new Error('late')); var caught = null;"
                + " Promise.resolve().then(function () { return null; }).then(function () {"
                + "   p.catch(function (e) { caught = e.message; }); });", "late.js");
        assertEquals(List.of(), seen);
        assertEquals(JsValue.of("late"), rt.global().get("caught"));
        rt.evaluate("var q = Promise.reject(1); q.then(null, function () {});", "handled.js");
        assertEquals(List.of(), seen);
    }

    @EngineTest
    void eachRejectionIsReportedOnceAndOnlyAfterItHappened(JsRuntime rt) {
        List<String> seen = listen(rt);
        rt.evaluate("var later = function () { Promise.reject('second'); };", "setup.js");
        assertEquals(List.of(), seen);
        rt.evaluate("Promise.reject('first');", "first.js");
        assertEquals(1, seen.size());
        rt.evaluate("1 + 1", "other.js");
        assertEquals(1, seen.size(), "not reported again");
        rt.global().get("later").asFunction().call();
        assertEquals(2, seen.size(), "a rejection in a call from Java is reported when the call returns: " + seen);
    }

    @EngineTest
    void aRejectionInAQueuedTaskIsReportedAfterThatTask(JsRuntime rt) {
        List<String> seen = listen(rt);
        rt.executor().execute(() -> rt.evaluate("Promise.reject(new Error('in a task'))", "task.js"));
        assertEquals(List.of(), seen);
        rt.runPendingTasks();
        assertEquals(List.of("Error|in a task|object"), seen);
    }

    @EngineTest
    void aListenerThatThrowsFailsTheCallThatLeftTheRejection(JsRuntime rt) {
        IllegalStateException fatal = new IllegalStateException("unhandled");
        rt.onUnhandledRejection((r, rejection) -> {
            throw fatal;
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> rt.evaluate("Promise.reject(1); 'done'", "throws.js"));
        assertSame(fatal, thrown);
        assertEquals(JsValue.of(3), rt.evaluate("1 + 2", "after.js"), "the runtime stays usable");
    }

    @EngineTest
    void theListenerMayUseTheRuntime(JsRuntime rt) {
        List<String> seen = new ArrayList<>();
        rt.onUnhandledRejection((r, rejection) -> {
            r.global().set("lastReason", rejection.reason());
            seen.add(r.evaluate("String(lastReason.message)", "listener.js").asString());
        });
        rt.evaluate("Promise.reject(new Error('kept'))", "use.js");
        assertEquals(List.of("kept"), seen);
        assertEquals(JsValue.of("kept"), rt.evaluate("lastReason.message", "read.js"));
    }

    @EngineTest
    void withoutAListenerNothingIsReportedAndNothingFails(JsRuntime rt) {
        assertEquals(JsValue.of(2), rt.evaluate("Promise.reject(new Error('ignored')); 2", "none.js"));
        List<String> seen = listen(rt);
        rt.evaluate("1", "after.js");
        assertFalse(seen.size() > 0, "a rejection from before the listener is not reported: " + seen);
    }

    @EngineTest
    void aHandlerAttachedInALaterTurnDoesNotUndoTheReport(JsRuntime rt) {
        List<String> seen = listen(rt);
        rt.evaluate("var p = Promise.reject('early');", "early.js");
        assertEquals(1, seen.size());
        rt.evaluate("p.catch(function () {});", "handle.js");
        assertEquals(1, seen.size());
    }

    @EngineTest
    void theTrackingHookIsNotReachableFromScripts(JsRuntime rt) {
        List<String> seen = listen(rt);
        // GraalJS's handler is set through its Graal global, which jsi4j takes and deletes before any script
        assertEquals(JsValue.of("undefined"), rt.evaluate("typeof Graal", "probe.js"));
        rt.evaluate("globalThis.Graal = {setUnhandledPromiseRejectionHandler: function () {}}; Promise.reject('still seen');",
                "replace.js");
        assertEquals(1, seen.size(), seen.toString());
    }
}
