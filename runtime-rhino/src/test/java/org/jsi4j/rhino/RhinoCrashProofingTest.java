package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rhino's part of the crash-proofing issue: hostile scripts and host callbacks end in a JsException, never a raw one. */
class RhinoCrashProofingTest {
    private final RhinoRuntimeFactory factory = new RhinoRuntimeFactory();
    private final JsRuntime rt = factory.create();

    @AfterEach
    void close() {
        rt.close();
    }

    @Test
    void aJavaErrorInAHostFunctionIsNeverCatchableInJavaScript() {
        NoClassDefFoundError failure = new NoClassDefFoundError("Could not initialize class com.example.Broken");
        rt.global().set("broken", rt.function("broken", 0, (r, self, args) -> {
            throw failure;
        }));
        JsEngineException e = assertThrows(JsEngineException.class, () -> rt.evaluate(
                "var caught = 'no'; try { broken() } catch (e) { caught = 'yes: ' + e } finally { caught += ' finally' }", "t.js"));
        assertSame(failure, e.getCause());
        assertTrue(rt.global().get("caught").asString().startsWith("no"), "catch did not see the Java error"
                + " (finally blocks of compiled code run as the error unwinds, as for a termination)");
        assertEquals(2.0, rt.evaluate("1 + 1", "t.js").asNumber(), "the runtime stays usable");
    }

    @Test
    void aJavaErrorDeepInNestedCallbacksStopsEveryLevel() {
        rt.global().set("broken", rt.function("broken", 0, (r, self, args) -> {
            throw new AssertionError("host invariant");
        }));
        rt.global().set("nested", rt.function("nested", 0, (r, self, args) -> r.evaluate("broken()", "inner.js")));
        JsEngineException e = assertThrows(JsEngineException.class, () -> rt.evaluate(
                "var caught = 'no'; try { nested() } catch (e) { caught = String(e) } caught", "t.js"));
        assertInstanceOf(AssertionError.class, e.getCause());
        assertEquals("no", rt.global().get("caught").asString());
    }

    @Test
    void onASmallStackNoJavaErrorReachesJavaScriptOrTheCaller() throws Exception {
        AtomicReference<Object> throughHost = new AtomicReference<>();
        AtomicReference<Object> plain = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try (JsRuntime r = factory.create()) {
                r.global().set("again", r.function("again", 0, (rr, self, args) -> rr.evaluate("again()", "inner.js")));
                throughHost.set(outcome(() -> r.evaluate("var seen = []; function f() { try { return again() } catch (e) {"
                        + " seen.push(e instanceof RangeError ? 'RangeError' : 'other: ' + e); throw e } }"
                        + " try { f() } catch (e) { } seen.filter(function (s) { return s !== 'RangeError' }).join()", "t.js")));
                plain.set(outcome(() -> r.evaluate("function g() { return g() } try { g() } catch (e) { 'caught ' + e }", "g.js")));
            } catch (Throwable t) {
                throughHost.compareAndSet(null, t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join(Duration.ofSeconds(60));
        assertFalse(small.isAlive());
        Object host = throughHost.get();
        if (host instanceof JsValue v) {
            assertEquals("", v.asString(), "JavaScript caught only RangeErrors");
        } else {
            assertInstanceOf(JsException.class, host, "a raw exception reached the caller: " + host);
        }
        Object recursion = plain.get();
        if (recursion instanceof JsValue v) {
            assertTrue(v.asString().startsWith("caught RangeError"), v.asString());
        } else {
            JsError e = assertInstanceOf(JsError.class, recursion, "a raw exception reached the caller: " + recursion);
            assertEquals("RangeError", e.name().orElse("?"));
        }
    }

    private static Object outcome(java.util.function.Supplier<JsValue> run) {
        try {
            return run.get();
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    @Test
    void aHostFunctionReturningJavaNullReturnsUndefined() {
        rt.global().set("nothing", rt.function("nothing", 0, (r, self, args) -> null));
        assertEquals("undefined", rt.evaluate("typeof nothing()", "t.js").asString());
        assertTrue(rt.global().get("nothing").asFunction().call().isUndefined());
    }

    @Test
    void thrownObjectsWhoseGettersThrowBecomeJsErrors() {
        for (String script : List.of(
                "throw { get message() { throw new Error('no') }, get name() { throw new Error('no') } }",
                "var e = new Error('x'); Object.defineProperty(e, 'message', { get: function () { throw e } }); throw e",
                "var e = new TypeError('x'); Object.defineProperty(e, 'name', { get: function () { throw 1 } }); throw e",
                "Error.prototype.toString = function () { throw new Error('no') }; throw new Error('x')",
                "throw new Proxy({}, { get: function () { throw new Error('trap') }, has: function () { throw 2 } })",
                "var r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy",
                "throw Object.create(null)",
                "throw Symbol('s')")) {
            try (JsRuntime fresh = factory.create()) {
                JsError e = assertThrows(JsError.class, () -> fresh.evaluate(script, "hostile.js"), script);
                assertTrue(e.getMessage() != null, script);
            }
        }
    }

    @Test
    void selfReferencingThrownObjectsBecomeJsErrors() {
        for (String script : List.of(
                "var o = {}; o.message = o; o.name = o; o.toString = function () { return String(o) }; throw o",
                "var e = new Error(); e.message = e; throw e",
                "var e = new Error('x'); e.name = e; throw e",
                "var a = []; a[0] = a; throw a",
                "var e = new Error('x'); e.cause = e; e.stack = e; throw e")) {
            try (JsRuntime fresh = factory.create()) {
                JsException e = assertThrows(JsException.class, () -> fresh.evaluate(script, "self.js"), script);
                assertInstanceOf(JsError.class, e, script + " gave " + e);
            }
        }
    }

    @Test
    void aSyntaxErrorFromNestedEvalOrNewFunctionIsAJsSyntaxError() {
        JsSyntaxError fromEval = assertThrows(JsSyntaxError.class, () -> rt.evaluate("eval('var = ;')", "outer.js"));
        assertTrue(fromEval.reason().length() > 0);
        assertThrows(JsSyntaxError.class, () -> rt.evaluate("new Function('return +;')", "outer.js"));
        assertThrows(JsSyntaxError.class, () -> rt.evaluate("(function () { return eval('}') })()", "outer.js"));
        assertEquals("SyntaxError", rt.evaluate("try { eval('var = ;') } catch (e) { e.name }", "t.js").asString(),
                "inside JavaScript it is still an ordinary, catchable SyntaxError");
        JsError thrown = assertThrows(JsError.class, () -> rt.evaluate("throw new SyntaxError('mine')", "t.js"));
        assertEquals("SyntaxError", thrown.name().orElseThrow(), "a SyntaxError a script throws itself stays a JsError with its value");
        JsSyntaxError rethrown = assertThrows(JsSyntaxError.class,
                () -> rt.evaluate("var kept; try { eval('var = ;') } catch (e) { kept = e }\nthrow kept", "t.js"),
                "the parser's error object, caught and thrown again, is still the syntax error");
        assertEquals(fromEval.reason(), rethrown.reason());
        JsError json = assertThrows(JsError.class, () -> rt.evaluate("try { JSON.parse('{') } catch (e) { throw e }", "t.js"));
        assertEquals("SyntaxError", json.name().orElseThrow(), "JSON.parse's SyntaxError, rethrown, stays a JsError");
        assertThrows(JsError.class, () -> rt.evaluate("try { eval('var = ;') } catch (e) { e.stack = 'mine'; throw e }", "t.js"),
                "once a script replaced its stack Rhino no longer knows where the error came from");
    }

    @Test
    void interruptWakesAHostFunctionThatSleeps() {
        AtomicBoolean slept = new AtomicBoolean();
        rt.global().set("sleep", rt.function("sleep", 1, (r, self, args) -> {
            try {
                Thread.sleep((long) args.get(0).asNumber());
                slept.set(true);
            } catch (InterruptedException e) {
                throw new IllegalStateException("woken", e);
            }
            return JsValue.undefined();
        }));
        CompletableFuture<Boolean> stopper = CompletableFuture.supplyAsync(() -> {
            sleepQuietly(200);
            return rt.interrupt();
        });
        long start = System.nanoTime();
        JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.evaluate(
                "var caught = 'no'; try { sleep(20000) } catch (e) { caught = 'yes' } caught", "t.js"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(JsTerminatedException.Reason.INTERRUPTED, e.reason());
        assertTrue(stopper.join());
        assertTrue(millis < 3_000, "stopped after " + millis + " ms");
        assertFalse(slept.get());
        assertEquals("no", rt.global().get("caught").asString(), "the script did not see the host function's exception");
        assertFalse(Thread.currentThread().isInterrupted(), "the owner thread's interrupt status is cleared");
        assertEquals(3.0, rt.evaluate("1 + 2", "t.js").asNumber());
    }

    @Test
    void anInterruptThatReturnsTrueAlwaysStopsTheScript() {
        AtomicBoolean accepted = new AtomicBoolean();
        rt.global().set("interruptMe", rt.function("interruptMe", 0, (r, self, args) -> {
            // from another thread, while the script runs; the script then has nothing left that the observer would see
            accepted.set(CompletableFuture.supplyAsync(r::interrupt).join());
            return JsValue.undefined();
        }));
        assertThrows(JsTerminatedException.class, () -> rt.evaluate("interruptMe(); 'finished'", "t.js"));
        assertTrue(accepted.get());
        assertEquals("ok", rt.evaluate("'ok'", "t.js").asString());
    }

    @Test
    void anInterruptDuringMicrotasksStopsThem() {
        rt.global().set("interruptMe", rt.function("interruptMe", 0, (r, self, args) -> {
            CompletableFuture.supplyAsync(r::interrupt).join();
            return JsValue.undefined();
        }));
        assertThrows(JsTerminatedException.class, () ->
                rt.evaluate("var after = 0; Promise.resolve().then(function () { interruptMe() }).then(function () { after = 1 }); 'sync'", "t.js"));
        assertEquals(0.0, rt.global().get("after").asNumber());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
