package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/** Microtasks queued from Java and drained on request (JSI's queueMicrotask and drainMicrotasks). */
@Area("jsi-surface")
class JsiMicrotasksTest {
    @EngineTest
    void queueMicrotaskFromJavaRunsInOrderWhenDrained(JsRuntime rt) {
        rt.evaluate("var order = [];", "o.js");
        rt.executor(); // touch nothing: the queue is the engine's own
        rt.global().set("note", rt.function("note", 1, (r, self, args) -> {
            r.evaluate("order.push('" + args.get(0).asString() + "')", "n.js");
            return JsValue.undefined();
        }));
        rt.evaluate("Promise.resolve().then(function () { order.push('script'); });"
                + " var first = function () { order.push('java1'); }, second = function () { order.push('java2'); };", "p.js");
        rt.queueMicrotask(rt.global().get("first").asFunction());
        rt.queueMicrotask(rt.global().get("second").asFunction());
        assertTrue(rt.drainMicrotasks(10));
        assertEquals(JsValue.of("script,java1,java2"), rt.evaluate("order.join()", "r.js"));
    }

    @EngineTest
    void aThrowingMicrotaskDoesNotStopTheOthers(JsRuntime rt) {
        rt.evaluate("var ran = []; var bad = function () { throw new Error('bad'); }; var good = function () { ran.push(1); };", "b.js");
        rt.queueMicrotask(rt.global().get("bad").asFunction());
        rt.queueMicrotask(rt.global().get("good").asFunction());
        assertTrue(rt.drainMicrotasks(-1));
        assertEquals(JsValue.of(1), rt.evaluate("ran.length", "r.js"));
    }
}
