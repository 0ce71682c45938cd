package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsFunction;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.modules.ModuleLoader;
import org.junit.jupiter.api.function.Executable;

/** Stopping runaway scripts: time limits, interrupts, statement limits, stack depth. */
@Area("limits")
class LimitsTest {
    private static final Duration LIMIT = Duration.ofMillis(300);

    /**
     * Runs {@code body}, expecting a termination; a watchdog interrupts after 20 s so that a
     * broken limit fails the test (with reason INTERRUPTED) instead of hanging the suite.
     */
    private static JsTerminatedException assertTerminated(JsRuntime rt, Executable body) {
        Thread watchdog = OtherThread.later("limits-watchdog", 20_000, () -> {
            while (!rt.isClosed() && !rt.interrupt()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            return assertThrows(JsTerminatedException.class, body);
        } finally {
            watchdog.interrupt();
        }
    }

    private static JsRuntime timeLimited(JsRuntimeFactory factory) {
        return factory.create(RuntimeOptions.defaults().withTimeLimit(LIMIT));
    }

    @EngineTest
    void timeLimitStopsAnEndlessLoop(JsRuntimeFactory factory) {
        try (JsRuntime rt = timeLimited(factory)) {
            long start = System.nanoTime();
            JsTerminatedException e = assertTerminated(rt, () -> rt.evaluate("for (;;) {}", "loop.js"));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Reason.TIME_LIMIT, e.reason());
            assertTrue(e.runtimeUsable());
            assertTrue(tookMillis >= LIMIT.toMillis() - 10 && tookMillis < 10_000, "stopped after " + tookMillis + " ms");
            assertEquals(JsValue.of(4), rt.evaluate("2 + 2", "after.js"), "the runtime still evaluates");
        }
    }

    @EngineTest
    void timeLimitIsPerEntryNotCumulative(JsRuntimeFactory factory) {
        try (JsRuntime rt = timeLimited(factory)) {
            rt.evaluate("function busy(ms) { var end = Date.now() + ms; var n = 0; while (Date.now() < end) n++; return n; }",
                    "busy.js");
            // each entry stays well under the limit (room for a loaded machine); together they exceed it
            for (int i = 0; i < 6; i++) rt.evaluate("busy(60)", "busy.js");
            assertTrue(rt.global().get("busy").asFunction().call(JsValue.of(100)).asNumber() > 0);
        }
    }

    @EngineTest
    void javaScriptCannotCatchTheTermination(JsRuntimeFactory factory) {
        try (JsRuntime rt = timeLimited(factory)) {
            JsTerminatedException e = assertTerminated(rt, () -> rt.evaluate(
                    "var caught = 0; var finallyRan = 0;"
                    + " while (true) { try { for (;;) {} } catch (e) { caught++; } finally { finallyRan++; } }", "catch.js"));
            assertEquals(Reason.TIME_LIMIT, e.reason());
            assertEquals(JsValue.of(0), rt.global().get("caught"), "no catch block saw the termination");
        }
    }

    /** Promise jobs the engine runs after the script (on GraalJS, as the outermost call returns) are stopped too. */
    @EngineTest
    void timeLimitStopsPromiseJobs(JsRuntimeFactory factory) {
        for (String jobs : new String[] {"function f() { Promise.resolve().then(f); } f()",
            "Promise.resolve().then(function () { for (;;) {} }); 'returned'",
            "var t = { then: function (resolve) { resolve(t); } }; Promise.resolve(t)"}) {
            try (JsRuntime rt = timeLimited(factory)) {
                assertEquals(Reason.TIME_LIMIT, assertTerminated(rt, () -> rt.evaluate(jobs, "jobs.js")).reason(), jobs);
            }
        }
    }

    @EngineTest
    void timeLimitStopsEndlessFunctionCalls(JsRuntimeFactory factory) {
        try (JsRuntime rt = timeLimited(factory)) {
            JsFunction spin = rt.evaluate("(function () { var x = 0; while (true) { x = (x + 1) % 7; } })", "spin.js")
                    .asFunction();
            assertEquals(Reason.TIME_LIMIT, assertTerminated(rt, spin::call).reason());
            assertEquals(Reason.TIME_LIMIT, assertTerminated(rt, () -> rt.prepare("while (1) {}", "p.js").run()).reason());
            assertEquals(JsValue.of(1), rt.evaluate("1", "after.js"));
        }
    }

    @EngineTest
    void terminationInsideNestedHostCallbackIsNotCatchable(JsRuntimeFactory factory) {
        try (JsRuntime rt = timeLimited(factory)) {
            rt.global().set("nested", rt.function("nested", 0, (r, self, args) -> r.evaluate("for (;;) {}", "inner.js")));
            JsTerminatedException e = assertTerminated(rt, () -> rt.evaluate(
                    "var caughtIt = false; try { nested(); } catch (e) { caughtIt = true; } for (;;) {}", "outer.js"));
            assertEquals(Reason.TIME_LIMIT, e.reason());
            assertEquals(JsValue.of(false), rt.global().get("caughtIt"));
            assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"));
        }
    }

    /** From another thread, after 100 ms: interrupts {@code rt} until an interrupt is accepted. */
    private static void interruptSoon(JsRuntime rt) {
        OtherThread.later("interrupter", 100, () -> {
            while (!rt.interrupt()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        });
    }

    @EngineTest
    void interruptFromAnotherThreadStopsALoop(JsRuntime rt) {
        // the script declares spins first: an interrupt landing before its first statement must not fail the test
        rt.evaluate("var spins = 0", "spins.js");
        interruptSoon(rt);
        JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.evaluate(
                "for (;;) { spins++; }", "spin.js"));
        assertEquals(Reason.INTERRUPTED, e.reason());
        assertTrue(e.runtimeUsable());
        assertTrue(rt.global().get("spins").asNumber() >= 0);
        assertEquals(JsValue.of("still usable"), rt.evaluate("'still usable'", "after.js"));
    }

    @EngineTest
    void interruptWhenIdleDoesNothing(JsRuntime rt) {
        assertFalse(rt.interrupt(), "nothing was running");
        assertEquals(JsValue.of(3), rt.evaluate("1 + 2", "after.js"), "an idle interrupt does not stop the next script");
    }

    @EngineTest
    void deepRecursionIsACatchableRangeError(JsRuntime rt) {
        assertEquals(JsValue.of("RangeError"), rt.evaluate(
                "function down(n) { return down(n + 1) + 1; }"
                + " var name; try { down(0); name = 'no error'; } catch (e) { name = e.name; } name", "deep.js"));
        assertEquals(JsValue.of(55), rt.evaluate("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(10)",
                "after.js"), "the runtime works after the overflow");
    }

    @EngineTest
    void uncaughtDeepRecursionArrivesAsRangeError(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("function forever() { return forever(); } forever();",
                "forever.js"));
        assertEquals("RangeError", e.name().orElseThrow());
        assertEquals(JsValue.of(1), rt.evaluate("1", "after.js"));
    }

    @EngineTest
    void recursionThroughHostFunctionsEndsInRangeError(JsRuntime rt) {
        rt.global().set("viaJava", rt.function("viaJava", 1, (r, self, args) ->
                r.global().get("viaJs").asFunction().call(JsValue.of(args.get(0).asNumber() + 1))));
        rt.evaluate("function viaJs(n) { return viaJava(n); }", "mutual.js");
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("viaJs(0)", "mutual.js"));
        assertEquals("RangeError", e.name().orElseThrow());
        assertEquals(JsValue.of("caught RangeError"), rt.evaluate(
                "try { viaJs(0); } catch (e) { 'caught ' + e.name; }", "mutual.js"));
        assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"));
    }

    /**
     * Like statement limits below: an engine that counts stack frames must end a recursion deeper
     * than {@code maxStackDepth} at about that depth, either with a {@code RangeError} that
     * JavaScript can catch (Rhino) or, when it declares {@link Reason#STACK_LIMIT}, with an
     * uncatchable termination for that reason (GraalJS); an engine that limits its stack some other
     * way (V8 limits it by size) must refuse the option when the runtime is created instead of
     * silently ignoring it.
     */
    @EngineTest
    void maxStackDepthLimitsRecursion(JsRuntimeFactory factory) {
        RuntimeOptions options = RuntimeOptions.defaults().withMaxStackDepth(200);
        JsRuntime rt;
        try {
            rt = factory.create(options);
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage().contains("maxStackDepth"), refused.getMessage());
            assertFalse(factory.capabilities().limits().contains(Reason.STACK_LIMIT), "declared but refused");
            return;
        }
        try (rt) {
            rt.evaluate("function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }", "depth.js");
            assertEquals(JsValue.of(50), rt.evaluate("depth(50)", "ok.js"));
            assertEquals(JsValue.of(150), rt.evaluate("depth(150)", "ok.js"), "150 frames are within the limit");
            rt.evaluate("var reached = 0; function dive(n) { reached = n; dive(n + 1); }", "dive.js");
            if (factory.capabilities().limits().contains(Reason.STACK_LIMIT)) {
                JsTerminatedException e = assertTerminated(rt, () -> rt.evaluate(
                        "var caught = false; try { dive(1); } catch (e) { caught = true; } finally { dive(1); }", "dive.js"));
                assertEquals(Reason.STACK_LIMIT, e.reason());
                assertTrue(e.getMessage().contains("maxStackDepth") && e.runtimeUsable(), e.getMessage());
                assertEquals(JsValue.of(false), rt.global().get("caught"), "JavaScript cannot catch the stop");
            } else {
                JsError e = assertThrows(JsError.class, () -> rt.evaluate("depth(5000)", "too-deep.js"));
                assertEquals("RangeError", e.name().orElseThrow());
                rt.evaluate("try { dive(1); } catch (e) { if (!(e instanceof RangeError)) throw e; }", "dive.js");
            }
            double reached = rt.global().get("reached").asNumber();
            assertTrue(reached >= 150 && reached <= 250, "recursion ended at depth " + reached + ", not about 200");
            assertEquals(JsValue.of(100), rt.evaluate("depth(100)", "after.js"), "the count restarts with each entry");
        }
    }

    /**
     * Recursion through {@code eval} and {@code new Function} (each level compiles new code) ends
     * quickly with a clear error on every engine, with or without {@code maxStackDepth}, and the
     * runtime goes on; with {@code maxStackDepth} it ends within that many levels (not where the
     * Java stack runs out).
     */
    @EngineTest
    void recursionThroughEvalEndsQuickly(JsRuntimeFactory factory) {
        RuntimeOptions limited = RuntimeOptions.defaults().withMaxStackDepth(200);
        for (RuntimeOptions options : new RuntimeOptions[] {RuntimeOptions.defaults(), limited}) {
            JsRuntime rt;
            try {
                rt = factory.create(options);
            } catch (IllegalArgumentException refused) {
                continue; // refusing maxStackDepth is checked above
            }
            try (rt) {
                for (String script : new String[] {"var level = 0; function f(n) { level = n; return eval('f(n + 1)'); } f(0)",
                        "var level = 0; function h(n) { level = n; return new Function('n', 'return h(n + 1)')(n); } h(0)"}) {
                    long start = System.nanoTime();
                    JsException e = assertThrows(JsException.class, () -> rt.evaluate(script, "eval-deep.js"));
                    long tookMillis = (System.nanoTime() - start) / 1_000_000;
                    assertTrue(tookMillis < 10_000, "ended after " + tookMillis + " ms");
                    if (e instanceof JsTerminatedException t) {
                        assertEquals(Reason.STACK_LIMIT, t.reason(), t.getMessage());
                    } else {
                        JsError error = assertInstanceOf(JsError.class, e, e.getMessage());
                        assertTrue(java.util.Set.of("RangeError", "InternalError").contains(error.name().orElse("")),
                                error.getMessage());
                        assertFalse(error.getMessage().isBlank());
                    }
                    if (options == limited) {
                        // each level is at least one frame (the function; the eval'd code may count too)
                        double level = rt.global().get("level").asNumber();
                        assertTrue(level >= 50 && level <= 200, "recursion through eval reached level " + level
                                + " under maxStackDepth 200");
                    }
                    assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"));
                }
            }
        }
    }

    /**
     * Statement limits are not an ES feature, so they are not skipped: an engine that declares
     * {@code STATEMENT_LIMIT} must enforce one, and an engine that does not must refuse the
     * option clearly when the runtime is created instead of silently ignoring it.
     */
    @EngineTest
    void statementLimitIsEnforcedOrRefused(JsRuntimeFactory factory) {
        RuntimeOptions options = RuntimeOptions.defaults().withStatementLimit(10_000);
        if (factory.capabilities().limits().contains(Reason.STATEMENT_LIMIT)) {
            try (JsRuntime rt = factory.create(options)) {
                assertEquals(JsValue.of(45), rt.evaluate("var s = 0; for (var i = 0; i < 10; i++) { s += i; } s", "small.js"));
                JsTerminatedException e = assertTerminated(rt, () -> rt.evaluate("var n = 0; for (;;) { n++; }", "loop.js"));
                assertEquals(Reason.STATEMENT_LIMIT, e.reason());
                assertTrue(e.runtimeUsable());
                assertNotEquals(0.0, rt.global().get("n").asNumber());
                assertEquals(JsValue.of(1), rt.evaluate("1", "after.js"), "the count restarts for each entry");
                assertEquals(JsValue.of(45), rt.evaluate("var s = 0; for (var i = 0; i < 10; i++) { s += i; } s", "again.js"),
                        "a loop after the stopped entry runs: the count restarted");
            }
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.create(options).close());
            assertTrue(e.getMessage().toLowerCase().contains("statement"), e.getMessage());
        }
    }

    @EngineTest
    void anInterruptThatAnswersTrueAlwaysEndsTheEntry(JsRuntime rt) {
        // short scripts racing interrupts: whenever interrupt() says it stopped the script, the entry
        // must end with a termination, and a stop must never spill over into the next entry
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger claimed = new java.util.concurrent.atomic.AtomicInteger();
        Thread interrupter = new Thread(() -> {
            while (!stop.get()) if (rt.interrupt()) claimed.incrementAndGet();
        }, "interrupter");
        interrupter.start();
        int terminated = 0;
        try {
            for (int i = 0; i < 2000; i++) {
                try {
                    rt.evaluate("var s = 0; for (var i = 0; i < 50; i++) s += i; s", "short.js");
                } catch (JsTerminatedException e) {
                    assertEquals(Reason.INTERRUPTED, e.reason());
                    terminated++;
                }
            }
        } finally {
            stop.set(true);
            try {
                interrupter.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertEquals(claimed.get(), terminated, "each true answer of interrupt() is one terminated entry");
        assertEquals(JsValue.of(1225), rt.evaluate("var s = 0; for (var i = 0; i < 50; i++) s += i; s", "after.js"));
    }

    @EngineTest
    void interruptWakesAHostFunctionThatSleeps(JsRuntime rt) {
        rt.global().set("nap", rt.function("nap", 0, (r, self, args) -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException("woken", e);
            }
            return JsValue.undefined();
        }));
        interruptSoon(rt);
        long start = System.nanoTime();
        JsTerminatedException e = assertThrows(JsTerminatedException.class,
                () -> rt.evaluate("try { nap(); } catch (e) { 'swallowed'; } for (;;) {}", "nap.js"));
        assertEquals(Reason.INTERRUPTED, e.reason());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "woken long before the 20 s nap ended");
        assertFalse(Thread.currentThread().isInterrupted(), "the wake-up flag does not outlive the entry");
        assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"));
    }

    @EngineTest
    void aHeapBombEndsWithAMemoryLimitAndTheHostLivesOn(JsRuntimeFactory factory) {
        long start = System.nanoTime();
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxHeapBytes(512L << 20));
             JsRuntime bystander = factory.create()) {
            JsTerminatedException e = assertTerminated(rt, () -> rt.evaluate(
                    "var a = []; while (true) a.push(new Array(1e6).fill(1.5));", "bomb.js"));
            assertEquals(Reason.MEMORY_LIMIT, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("maxHeapBytes"), e.getMessage());
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "stopped within 10 s");
            if (e.runtimeUsable()) {
                assertEquals(JsValue.of(2), rt.evaluate("a = null; 1 + 1", "after.js"), "the stricken runtime goes on");
            } else {
                assertTrue(e.getMessage().contains("close it"), e.getMessage());
            }
            assertEquals(JsValue.of(6), bystander.evaluate("2 * 3", "other.js"), "other runtimes are unharmed");
        }
    }

    /** Memory outside a JavaScript heap counts too: ArrayBuffer backing stores (outside V8's heap). */
    @EngineTest
    void anArrayBufferBombEndsWithAMemoryLimit(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxHeapBytes(256L << 20))) {
            // 3 GB at most, so that a broken limit fails the test instead of exhausting the machine
            JsTerminatedException e = assertTerminated(rt, () -> rt.evaluate(
                    "var kept = []; for (var i = 0; i < 384; i++) kept.push(new Uint8Array(8 << 20).fill(1)); kept.length",
                    "buffers.js"));
            assertEquals(Reason.MEMORY_LIMIT, e.reason(), e.getMessage());
            double kept = rt.global().get("kept").asObject().get("length").asNumber();
            assertTrue(kept < 96, "stopped after " + kept + " buffers of 8 MB under a 256 MB limit");
            if (e.runtimeUsable()) assertEquals(JsValue.of(2), rt.evaluate("kept = null; 1 + 1", "after.js"));
        }
    }

    @EngineTest
    void aMemoryLimitCountsOneEntryNotTheRuntimesLife(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxHeapBytes(512L << 20))) {
            // 40 entries each making and dropping an array of 2e6 numbers (16 MB on V8, more as garbage on
            // the JVM engines): over 640 MB in all, each entry far under the limit
            for (int i = 0; i < 40; i++) {
                assertEquals(JsValue.of(1.5), rt.evaluate("var t = new Array(2e6).fill(1.5); t[7]", "churn.js"));
            }
        }
    }

    /**
     * A statement limit counts code however it was made: {@code eval} (direct, indirect, optional
     * call), the {@code Function} constructors, getters, prepared scripts and ES modules.
     */
    @EngineTest
    void statementLimitCountsCodeMadeFromStringsAndModules(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of("/loop.mjs", "export const started = true; for (;;) {}");
        RuntimeOptions options = RuntimeOptions.defaults().withStatementLimit(100_000).withModules(ModuleLoader.inMemory(files));
        try (JsRuntime rt = factory.create(options)) {
            for (String script : new String[] {"eval('for (;;) {}')", "(0, eval)('for (;;) {}')", "eval?.('while (true) {}')",
                    "new Function('a', 'for (;;) {}')(1)",
                    "({ get x() { for (;;) {} } }).x", "[1, 2].map(function () { do {} while (true); })"}) {
                JsTerminatedException e = assertTerminated(rt, () -> rt.evaluate(script, "strings.js"));
                assertEquals(Reason.STATEMENT_LIMIT, e.reason(), script);
            }
            assertEquals(Reason.STATEMENT_LIMIT, assertTerminated(rt, () -> rt.prepare("for (;;) {}", "p.js").run()).reason());
            assertEquals(Reason.STATEMENT_LIMIT, assertTerminated(rt, () -> rt.importModule("./loop.mjs")).reason());
            assertEquals(JsValue.of(3), rt.evaluate("eval('1 + 2')", "after.js"));
        }
    }

    /** Statements that nested entries (a host function calling back into JavaScript) run are charged to the outer entry. */
    @EngineTest
    void statementLimitChargesNestedEntriesToTheOuterOne(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withStatementLimit(100_000))) {
            rt.global().set("some", rt.function("some", 0, (r, self, args) ->
                    r.evaluate("var k = 0; for (var i = 0; i < 100; i++) { k += i; } k", "nested.js")));
            assertEquals(JsValue.of(4950), rt.evaluate("some()", "once.js"));
            JsTerminatedException e = assertTerminated(rt, () -> rt.evaluate("var calls = 0; for (;;) { some(); calls++; }", "outer.js"));
            assertEquals(Reason.STATEMENT_LIMIT, e.reason());
            assertTrue(rt.global().get("calls").asNumber() > 0);
        }
    }
}
