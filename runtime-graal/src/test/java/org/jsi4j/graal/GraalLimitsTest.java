package org.jsi4j.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Time limits, interrupts, statement limits and stack overflows, each leaving the runtime usable. */
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

    /** GraalJS's catch catches the engine's own interrupt; the stop listener must end the script in the catch block. */
    @Test
    void catchBlocksNeverSeeATermination() {
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(100)))) {
            rt.evaluate("var caught = 0, spins = 0;", "setup.js");
            for (String loop : new String[] {"for (;;) {}", "for (;;) { spins++; }", "'x'.repeat(1 << 20).split('').sort(); for (;;) {}"}) {
                JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.evaluate(
                        "while (true) { try { " + loop + " } catch (e) { caught++; } }", "catch.js"));
                assertEquals(Reason.TIME_LIMIT, e.reason());
                assertTrue(e.runtimeUsable());
            }
            assertEquals(JsValue.of(0), rt.global().get("caught"), "no catch block ran");
            assertTrue(rt.global().get("spins").asNumber() > 0);
            assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"));
        }
    }

    @Test
    void interruptUnwindsNestedHostCallbacksPastEveryCatch() {
        try (JsRuntime rt = FACTORY.create()) {
            rt.global().set("inner", rt.function("inner", 0, (r, self, args) ->
                    r.evaluate("try { for (;;) {} } catch (e) { innerCaught = true; }", "inner.js")));
            rt.evaluate("var innerCaught = false, outerCaught = false, afterCall = false;", "setup.js");
            Thread interrupter = Thread.ofVirtual().start(() -> {
                while (!rt.interrupt()) Thread.onSpinWait();
            });
            JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.evaluate(
                    "try { inner(); afterCall = true; } catch (e) { outerCaught = true; }", "outer.js"));
            assertEquals(Reason.INTERRUPTED, e.reason());
            assertTrue(e.runtimeUsable());
            assertEquals(JsValue.of("false false false"),
                    rt.evaluate("innerCaught + ' ' + outerCaught + ' ' + afterCall", "check.js"));
            assertEquals(JsValue.of(3), rt.evaluate("1 + 2", "after.js"));
            assertTrue(joined(interrupter));
        }
    }

    @Test
    void statementLimitStopsUncatchablyAndRestartsForEachEntry() {
        assertTrue(FACTORY.capabilities().limits().contains(Reason.STATEMENT_LIMIT));
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.defaults().withStatementLimit(5_000))) {
            rt.evaluate("var caught = 0, n = 0; function sum(k) { var s = 0; for (var i = 0; i < k; i++) { s += i; } return s; }",
                    "setup.js");
            for (int i = 0; i < 5; i++) {
                assertEquals(JsValue.of(4950), rt.evaluate("sum(100)", "small.js"), "each entry gets the whole budget");
            }
            JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.evaluate(
                    "while (true) { try { for (;;) { n++; } } catch (e) { caught++; } }", "loop.js"));
            assertEquals(Reason.STATEMENT_LIMIT, e.reason());
            assertTrue(e.runtimeUsable());
            assertTrue(e.getMessage().contains("5000"), e.getMessage());
            double n = rt.global().get("n").asNumber();
            assertTrue(n > 1_000 && n <= 5_000, "stopped after " + n + " iterations, near the limit");
            assertEquals(JsValue.of(0), rt.global().get("caught"));
            assertEquals(Reason.STATEMENT_LIMIT, assertThrows(JsTerminatedException.class,
                    () -> rt.global().get("sum").asFunction().call(JsValue.of(100_000))).reason(), "calls are limited too");
            assertEquals(JsValue.of(4950), rt.evaluate("sum(100)", "after.js"));
        }
    }

    @Test
    void statementLimitCountsNestedCallbacksInTheOuterEntryAndEachRuntimeApart() {
        try (JsRuntime limited = FACTORY.create(RuntimeOptions.defaults().withStatementLimit(3_000));
             JsRuntime free = FACTORY.create(RuntimeOptions.defaults().withStatementLimit(1_000_000))) {
            limited.global().set("callFree", limited.function("callFree", 0, (r, self, args) ->
                    free.evaluate("var t = 0; for (var i = 0; i < 100000; i++) { t += i; } t", "free.js")));
            limited.global().set("again", limited.function("again", 0, (r, self, args) ->
                    r.evaluate("for (var i = 0; i < 1000; i++) { x++; }", "again.js")));
            assertEquals(JsValue.of(4999950000.0), limited.evaluate("callFree()", "outer.js"),
                    "another runtime's statements are not charged to this one");
            assertEquals(Reason.STATEMENT_LIMIT, assertThrows(JsTerminatedException.class, () -> limited.evaluate(
                    "var x = 0, caught = false; try { for (var k = 0; k < 10; k++) again(); } catch (e) { caught = true; }",
                    "outer.js")).reason(), "one entry's nested callbacks share its budget");
            assertEquals(JsValue.of(false), limited.global().get("caught"));
            assertTrue(limited.global().get("x").asNumber() < 3_000);
        }
    }

    @Test
    void stackDepthCountsHostReentryAndEachRuntimeApartAndCombinesWithStatementLimits() {
        assertTrue(FACTORY.capabilities().limits().contains(Reason.STACK_LIMIT));
        try (JsRuntime limited = FACTORY.create(RuntimeOptions.defaults().withMaxStackDepth(20).withStatementLimit(1_000_000));
             JsRuntime deep = FACTORY.create(RuntimeOptions.defaults().withMaxStackDepth(5_000))) {
            deep.evaluate("function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }", "deep.js");
            limited.global().set("viaJava", limited.function("viaJava", 1, (r, self, args) ->
                    r.global().get("viaJs").asFunction().call(JsValue.of(args.get(0).asNumber() + 1))));
            limited.global().set("other", limited.function("other", 0, (r, self, args) -> deep.evaluate("depth(300)", "d.js")));
            limited.evaluate("var reached = 0; function viaJs(n) { reached = n; return viaJava(n); }", "mutual.js");
            JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> limited.evaluate("viaJs(0)", "m.js"));
            assertEquals(Reason.STACK_LIMIT, e.reason(), e.getMessage());
            double reached = limited.global().get("reached").asNumber();
            assertTrue(reached >= 15 && reached <= 20, "frames of JavaScript re-entered from Java count: " + reached);
            assertEquals(JsValue.of(300), limited.evaluate("(function () { return other(); })()", "o.js"),
                    "another runtime's frames are charged to that runtime");
            assertEquals(Reason.STATEMENT_LIMIT, assertThrows(JsTerminatedException.class,
                    () -> limited.evaluate("for (;;) {}", "loop.js")).reason(), "the statement limit still holds");
            assertEquals(JsValue.of(2), limited.evaluate("1 + 1", "after.js"));
        }
    }

    @Test
    void interruptStopsAStatementLimitedRuntime() {
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.defaults().withStatementLimit(Long.MAX_VALUE)
                .withTimeLimit(Duration.ofMillis(100)))) {
            assertEquals(Reason.TIME_LIMIT, assertThrows(JsTerminatedException.class,
                    () -> rt.evaluate("for (;;) {}", "loop.js")).reason());
            assertEquals(JsValue.of(1), rt.evaluate("1", "after.js"));
        }
    }

    /** The overflow may strike in a host frame, in a JS frame or while the core builds the error: always a RangeError. */
    @Test
    void recursionThroughHostFunctionsIsARangeErrorWhereverTheStackEnds() {
        try (JsRuntime rt = FACTORY.create()) {
            rt.global().set("viaJava", rt.function("viaJava", 1, (r, self, args) ->
                    r.global().get("viaJs").asFunction().call(JsValue.of(args.get(0).asNumber() + 1))));
            rt.evaluate("function viaJs(n) { return viaJava(n); }"
                    + " function padded(n, pad) { var a = [pad]; return pad > 0 ? padded(n, pad - 1) : viaJs(n); }", "mutual.js");
            for (int pad = 0; pad < 12; pad++) {
                int p = pad;
                JsError e = assertThrows(JsError.class, () -> rt.evaluate("padded(0, " + p + ")", "mutual.js"));
                assertEquals("RangeError", e.name().orElseThrow(), "uncaught, pad " + pad);
                assertEquals(JsValue.of("RangeError true"), rt.evaluate(
                        "try { padded(0, " + pad + "); 'no error' } catch (e) { e.name + ' ' + (e instanceof RangeError) }",
                        "mutual.js"), "caught, pad " + pad);
            }
            assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"));
        }
    }

    private static boolean joined(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
