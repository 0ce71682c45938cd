package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;

/** Each test here did (or would) kill the JVM without the guard it exercises. */
class V8SafetyTest {
    private final V8RuntimeFactory factory = new V8RuntimeFactory();

    @Test
    void aClosedRuntimeRefusesEverythingInsteadOfReturningNull() {
        JsRuntime rt = factory.create();
        JsObject o = rt.evaluate("({a: 1})", "t.js").asObject();
        var script = rt.prepare("1 + 1", "p.js");
        rt.close();
        assertThrows(JsReleasedException.class, () -> rt.evaluate("1", "t.js"));
        assertThrows(JsReleasedException.class, () -> o.get("a"));
        assertThrows(JsReleasedException.class, script::run);
        assertThrows(JsReleasedException.class, rt::newObject);
    }

    @Test
    void closingWhileJavaScriptStillHoldsHostFunctionsAndObjects() {
        JsRuntime rt = factory.create();
        rt.global().set("f", rt.function("f", 0, (r, s, a) -> JsValue.of(1)));
        rt.global().set("h", rt.hostObject((r, n) -> JsValue.of(n)));
        rt.evaluate("globalThis.keep = [f, h, Promise.resolve().then(f)]", "t.js");
        JsFunction f = rt.global().get("f").asFunction();
        rt.close();
        assertThrows(JsReleasedException.class, f::call);
        try (JsRuntime again = factory.create()) {
            assertEquals(2.0, again.evaluate("1 + 1", "t.js").asNumber());
        }
    }

    @Test
    void handlesFromAnotherRuntimeAndThreadAreRefused() throws Exception {
        try (JsRuntime a = factory.create(); JsRuntime b = factory.create()) {
            JsObject fromA = a.newObject();
            assertThrows(IllegalArgumentException.class, () -> b.global().set("x", fromA));
            assertThrows(IllegalArgumentException.class, () -> b.global().set(a.newSymbol("s"), JsValue.of(1)));
            CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
                try {
                    a.evaluate("1", "t.js");
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            assertTrue(other.get(10, TimeUnit.SECONDS) instanceof WrongThreadException);
        }
    }

    @Test
    void runningOutOfHeapStopsTheScriptAndTheRuntimeStaysUsable() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxHeapBytes(64L << 20))) {
            JsTerminatedException e = assertThrows(JsTerminatedException.class,
                    () -> rt.evaluate("var hog = []; for (;;) hog.push(new Array(1e5).fill(1.5))", "oom.js"));
            assertEquals(JsTerminatedException.Reason.MEMORY_LIMIT, e.reason());
            assertTrue(e.runtimeUsable());
            rt.evaluate("hog = null", "t.js");
            assertEquals(4.0, rt.evaluate("2 + 2", "t.js").asNumber());
            JsTerminatedException twice = assertThrows(JsTerminatedException.class,
                    () -> rt.evaluate("var hog2 = []; for (;;) hog2.push(new Array(1e5).fill(2.5))", "oom.js"));
            assertEquals(JsTerminatedException.Reason.MEMORY_LIMIT, twice.reason());
        }
    }

    @Test
    void deepRecursionIsARangeErrorEvenOnAPlainJvmThread() throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try (JsRuntime rt = factory.create()) {
                // JS -> Java -> JS -> ... : V8 aborted the process at about 95 levels before the nesting guard.
                rt.global().set("down", rt.function("down", 1, (r, s, a) ->
                        r.evaluate("down(0)", "nested.js")));
                JsError e = assertThrows(JsError.class, () -> rt.evaluate("function r(n) { return r(n + 1) + 1 } r(0)", "deep.js"));
                JsError viaJava = assertThrows(JsError.class, () -> rt.evaluate("down(0)", "deep2.js"));
                result.set(e.name().orElse("?") + "/" + viaJava.name().orElse("?") + "/"
                        + rt.evaluate("1 + 1", "t.js").asNumber());
            } catch (Throwable x) {
                result.set(x);
            }
        }, "v8-small-stack", 1L << 20);
        t.start();
        t.join();
        assertEquals("RangeError/RangeError/2.0", String.valueOf(result.get()));
    }

    @Test
    void reenteringJavaScriptFromAHostFunctionCalledNearTheStackLimitIsARangeError() throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try (JsRuntime rt = factory.create()) {
                // Without the headroom check V8 aborted the JVM here (Check failed: IsOnCentralStack()):
                // the recursion reaches V8's stack limit, and the host function's Java frames push the
                // nested entry below it.
                rt.global().set("reenter", rt.function("reenter", 0, (r, s, a) -> r.evaluate("1 + 1", "inner.js")));
                JsValue v = rt.evaluate("var calls = 0, deepest = 0;"
                        + " function r(k) { deepest = k; try { calls += reenter() === 2 ? 1 : 0; } catch (e) {}"
                        + " return r(k + 1); }"
                        + " try { r(0); } catch (e) { e.name + ':' + (calls > 100) + ':' + (deepest > 1000); }", "deep.js");
                result.set(v.asString() + "/" + rt.evaluate("1 + 1", "after.js").asNumber());
            } catch (Throwable x) {
                result.set(x);
            }
        }, "v8-reentry-near-limit", 1L << 20);
        t.start();
        t.join();
        assertEquals("RangeError:true:true/2.0", String.valueOf(result.get()));
    }

    @Test
    void timeLimitStopsARunawayScriptAndTheRuntimeStaysUsable() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(200)))) {
            JsTerminatedException e = assertThrows(JsTerminatedException.class,
                    () -> rt.evaluate("try { for (;;) {} } catch (e) { 'swallowed' }", "loop.js"));
            assertEquals(JsTerminatedException.Reason.TIME_LIMIT, e.reason());
            assertTrue(e.runtimeUsable());
            assertEquals(3.0, rt.evaluate("1 + 2", "t.js").asNumber());
        }
    }

    @Test
    void interruptFromAnotherThreadThenTheRuntimeRunsAgain() throws Exception {
        try (JsRuntime rt = factory.create()) {
            CompletableFuture<Boolean> stopper = CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return rt.interrupt();
            });
            JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.evaluate("for (;;) {}", "loop.js"));
            assertTrue(stopper.get(10, TimeUnit.SECONDS));
            assertEquals(JsTerminatedException.Reason.INTERRUPTED, e.reason());
            assertEquals(5.0, rt.evaluate("2 + 3", "t.js").asNumber());
            assertFalse(rt.interrupt(), "nothing runs now");
            assertEquals(6.0, rt.evaluate("3 + 3", "t.js").asNumber(), "a late interrupt leaves nothing pending");
        }
    }

    @Test
    void aTerminationInsideANestedEntryUnwindsTheWholeScript() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(200)))) {
            rt.global().set("spin", rt.function("spin", 0, (r, s, a) -> r.evaluate("for (;;) {}", "inner.js")));
            JsTerminatedException e = assertThrows(JsTerminatedException.class,
                    () -> rt.evaluate("try { spin() } catch (e) { 'caught' }", "outer.js"));
            assertEquals(JsTerminatedException.Reason.TIME_LIMIT, e.reason());
            assertEquals(1.0, rt.evaluate("1", "t.js").asNumber());
        }
    }

    @Test
    void unsupportedLimitsAreRefusedClearly() {
        // statementLimit and maxStackDepth are kept by rewriting (V8CountingTest); a heap V8 cannot start with is refused
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory.create(RuntimeOptions.defaults().withMaxHeapBytes(1024)));
        assertTrue(e.getMessage().contains("maxHeapBytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> factory.create(RuntimeOptions.defaults().withMaxHeapBytes(1024)));
    }
}
