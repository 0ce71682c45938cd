package org.jsi4j.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Stops on GraalJS land wherever the script is: in the promise jobs GraalJS runs as the outermost
 * call returns, in a recursion that reaches no safepoint, and in every runtime created after one.
 */
class GraalStopTest {
    private static final GraalRuntimeFactory FACTORY = new GraalRuntimeFactory();
    private static final RuntimeOptions LIMITED = RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(300));

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static JsTerminatedException stopped(JsRuntime rt, String script) {
        return assertThrows(JsTerminatedException.class, () -> rt.evaluate(script, "stopped.js"));
    }

    @Test
    void timeLimitInPromiseJobsEndsTheEntryAndNoHandlerSeesIt() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), GraalStopTest::promiseJobsStopped);
    }

    private static void promiseJobsStopped() {
        try (JsRuntime rt = FACTORY.create(LIMITED)) {
            for (String flood : new String[] {
                "var seen; function f() { Promise.resolve().then(f); } f(); Promise.reject(1).catch(function (e) { seen = e; })",
                "var seen; Promise.resolve().then(function () { for (;;) {} }).catch(function (e) { seen = e; }); 'returned'",
                "var seen; var t = { then: function (resolve) { resolve(t); } }; Promise.resolve(t).catch(function (e) { seen = e; })"}) {
                JsTerminatedException e = stopped(rt, flood);
                assertEquals(Reason.TIME_LIMIT, e.reason(), flood);
                assertTrue(e.runtimeUsable());
                // an engine interrupt would reach the handler as a rejection; the stop clears the queue instead
                assertTrue(rt.evaluate("seen === undefined || seen === 1", "seen.js").asBoolean(), flood);
            }
            assertEquals(JsValue.of(3), rt.evaluate("Promise.resolve(3).then(function (x) { globalThis.r = x; }); 1 + 2",
                    "after.js"));
            assertEquals(JsValue.of(3), rt.global().get("r"), "promise jobs run again after the stop");
        }
    }

    @Test
    void interruptInPromiseJobsEndsTheEntry() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), GraalStopTest::promiseJobsInterrupted);
    }

    private static void promiseJobsInterrupted() throws InterruptedException {
        try (JsRuntime rt = FACTORY.create()) {
            Thread stopper = Thread.ofVirtual().start(() -> {
                try {
                    while (!rt.interrupt()) Thread.sleep(20);
                } catch (InterruptedException e) {
                    // the test ended
                }
            });
            JsTerminatedException e = stopped(rt, "function f() { Promise.resolve().then(f); } f()");
            stopper.join();
            assertEquals(Reason.INTERRUPTED, e.reason());
        }
    }

    /**
     * A recursion whose calls only end by throwing passes no safepoint; after it, each new runtime
     * of the engine still keeps its time limit (a stop used to attach a listener, which could wait
     * forever for a root lock the overflowing script left held).
     */
    @Test
    void recursionWithoutSafepointsIsStoppedAndLaterRuntimesKeepTheirLimits() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), GraalStopTest::recursionStopped);
    }

    private static void recursionStopped() {
        for (int round = 0; round < 2; round++) {
            try (JsRuntime rt = FACTORY.create(LIMITED)) {
                assertEquals(Reason.TIME_LIMIT, stopped(rt, "function f() { try { f(); } finally { f(); } } f()").reason());
                assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"));
            }
            for (int i = 0; i < 2; i++) {
                try (JsRuntime rt = FACTORY.create(LIMITED)) {
                    assertEquals(Reason.TIME_LIMIT, stopped(rt, "for (;;) {}").reason());
                }
            }
        }
    }
}
