package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jsi4j.Capabilities;
import org.jsi4j.EngineInfo;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsValue;
import org.jsi4j.MicrotaskPolicy;
import org.jsi4j.RuntimeOptions;

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

    /**
     * {@link MicrotaskPolicy#EXPLICIT}: promise jobs wait across entries (evaluations, calls,
     * Java's own queueMicrotask) until Java drains them; an engine that cannot defer them says so
     * when the runtime is created, naming the policy.
     */
    @EngineTest
    void explicitPolicyLeavesJobsQueuedUntilJavaDrains(JsRuntimeFactory factory, Capabilities caps, EngineInfo engine) {
        RuntimeOptions explicit = RuntimeOptions.defaults().withMicrotaskPolicy(MicrotaskPolicy.EXPLICIT);
        if (!caps.explicitMicrotasks()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.create(explicit).close());
            assertTrue(e.getMessage().contains("MicrotaskPolicy.EXPLICIT") && e.getMessage().contains("AUTO"), e.getMessage());
            return;
        }
        try (JsRuntime rt = factory.create(explicit)) {
            rt.evaluate("var log = []; Promise.resolve(1).then(function (v) { log.push('then' + v);"
                    + " Promise.resolve().then(function () { log.push('chained'); }); });"
                    + " function later() { Promise.resolve().then(function () { log.push('call'); }); return log.length; }"
                    + " var fromJava = function () { log.push('java'); };", "e.js");
            assertEquals(JsValue.of(0), rt.evaluate("log.length", "n.js"), "a job ran at the end of an entry");
            assertEquals(JsValue.of(0), rt.global().get("later").asFunction().call());
            rt.queueMicrotask(rt.global().get("fromJava").asFunction());
            List<JsValue> seenInside = new ArrayList<>();
            rt.global().set("drainInside", rt.function("drainInside", 0, (r, self, args) -> {
                seenInside.add(JsValue.of(r.drainMicrotasks(-1)));
                return JsValue.undefined();
            }));
            rt.evaluate("drainInside()", "inside.js");
            assertEquals(List.of(JsValue.of(false)), seenInside, "a drain inside a host callback runs nothing");
            assertEquals(JsValue.of(""), rt.evaluate("log.join()", "n.js"));
            assertFalse(rt.drainMicrotasks(0), "jobs wait and none ran");
            assertEquals(JsValue.of(""), rt.evaluate("log.join()", "n.js"));
            assertFalse(rt.drainMicrotasks(1), "one job ran, others wait");
            assertEquals(JsValue.of("then1"), rt.evaluate("log.join()", "r.js"));
            assertTrue(rt.drainMicrotasks(-1), "the rest ran, jobs queued by jobs included");
            assertEquals(JsValue.of("then1,call,java,chained"), rt.evaluate("log.join()", "r.js"));
            assertTrue(rt.drainMicrotasks(-1), "an empty queue drains at once");
            rt.evaluate("Promise.reject(new Error('x')).catch(function () { log.push('caught'); });", "c.js");
            rt.drainMicrotasks();
            assertEquals(JsValue.of("caught"), rt.evaluate("log[log.length - 1]", "l.js"), "drainMicrotasks() drains too");
        }
    }

    /** {@link MicrotaskPolicy#AUTO} (the default): jobs run before the outermost entry returns to Java. */
    @EngineTest
    void autoPolicyRunsJobsBeforeEachEntryReturns(JsRuntime rt) {
        assertEquals(MicrotaskPolicy.AUTO, RuntimeOptions.defaults().microtasks());
        assertEquals(JsValue.of("pending"), rt.evaluate(
                "var state = 'pending'; Promise.resolve().then(function () { state = 'done'; }); state", "a.js"));
        assertEquals(JsValue.of("done"), rt.evaluate("state", "s.js"));
        assertThrows(IllegalArgumentException.class, () -> rt.drainMicrotasks(-2));
    }
}
