package org.jsi4j.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class GraalLimitsTest {
    private static final GraalRuntimeFactory FACTORY = new GraalRuntimeFactory();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void timeLimitStopsALoopAndTheRuntimeStaysUsable() {
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(200)))) {
            for (int i = 0; i < 3; i++) {
                JsTerminatedException e = assertThrows(JsTerminatedException.class,
                        () -> rt.evaluate("var n = 0; for (;;) { n++; }", "loop.js"));
                assertEquals(JsTerminatedException.Reason.TIME_LIMIT, e.reason());
                assertTrue(e.runtimeUsable());
                assertTrue(rt.global().get("n").asNumber() > 0);
            }
            assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"));
        }
    }

    /** Many short scripts with a limit: an interrupt racing with a finishing script must neither hang nor hit the next one. */
    @Test
    void timeLimitRacingWithFinishingScriptsNeverHangsOrLeaks() {
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(1)))) {
            int stopped = 0;
            for (int i = 0; i < 300; i++) {
                try {
                    rt.evaluate("var s = 0; for (var i = 0; i < 2000; i++) s += i; s", "short.js");
                } catch (JsTerminatedException e) {
                    stopped++;
                    assertTrue(e.runtimeUsable());
                }
            }
            assertTrue(stopped < 300, "some scripts finish within 1 ms");
        }
        try (JsRuntime rt = FACTORY.create()) {
            assertEquals(JsValue.of(1), rt.evaluate("1", "fresh.js"));
        }
    }

    @Test
    void interruptWhenIdleReturnsFalse() {
        try (JsRuntime rt = FACTORY.create()) {
            assertFalse(rt.interrupt());
            assertEquals(JsValue.of(1), rt.evaluate("1", "x.js"));
        }
    }

    @Test
    void stackOverflowIsACatchableRangeError() {
        try (JsRuntime rt = FACTORY.create()) {
            assertEquals(JsValue.of("RangeError"), rt.evaluate(
                    "function d(n) { return d(n + 1) + 1; } try { d(0) } catch (e) { e.name }", "deep.js"));
            JsError e = assertThrows(JsError.class, () -> rt.evaluate("d(0)", "deep.js"));
            assertEquals("RangeError", e.name().orElseThrow());
        }
    }
}
