package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;

/** Sandbox, compiled mode, limits, recursion and error locations on real Rhino. */
class RhinoSafetyTest {
    private final RhinoRuntimeFactory factory = new RhinoRuntimeFactory();

    @Test
    void scriptsCannotReachJava() {
        try (JsRuntime rt = factory.create()) {
            assertEquals("undefined,undefined,undefined,undefined,undefined",
                    rt.evaluate("[typeof java, typeof Packages, typeof JavaImporter, typeof getClass, typeof javax].join()",
                            "t.js").asString());
            rt.global().set("f", rt.function("f", 0, (r, self, args) -> JsValue.undefined()));
            assertEquals("undefined", rt.evaluate("typeof f.getClass", "t.js").asString());
        }
    }

    @Test
    void scriptsRunCompiledToBytecode() {
        try (JsRuntime rt = factory.create()) {
            rt.global().set("javaFrames", rt.function("javaFrames", 0, (r, self, args) -> JsValue.of(
                    java.util.Arrays.stream(new Throwable().getStackTrace())
                            .anyMatch(f -> f.getClassName().startsWith("org.mozilla.javascript.gen.")))));
            // a script compiled by Rhino's optimizer runs as generated JVM classes in org.mozilla.javascript.gen
            assertTrue(rt.evaluate("(function caller() { return javaFrames() })()", "t.js").asBoolean());
        }
    }

    @Test
    void sloppyByDefaultAndStrictOnRequest() {
        try (JsRuntime rt = factory.create()) {
            // Rhino 1.9.2 still passes the global object as `this` to strict functions; the other strict rules hold
            assertEquals(1.0, rt.evaluate("sloppyGlobal = 1; sloppyGlobal", "t.js").asNumber());
            assertEquals("TypeError", rt.evaluate(
                    "'use strict'; (function () { try { return arguments.callee } catch (e) { return e.name } })()", "t.js").asString());
            JsError e = assertThrows(JsError.class, () -> rt.evaluate("'use strict'; undeclared = 1", "t.js"));
            assertEquals("ReferenceError", e.name().orElseThrow());
        }
    }

    @Test
    void syntaxErrorsCarrySourceLineAndColumn() {
        try (JsRuntime rt = factory.create()) {
            JsSyntaxError e = assertThrows(JsSyntaxError.class, () -> rt.evaluate("var a = 1;\nvar b = ;", "bad.js"));
            assertEquals("bad.js", e.sourceName());
            assertEquals(2, e.line());
            assertEquals(9, e.column());
        }
    }

    @Test
    void runtimeErrorsCarryTheThrownValueNameAndLine() {
        try (JsRuntime rt = factory.create()) {
            JsError e = assertThrows(JsError.class, () -> rt.evaluate("\n\nnull.foo", "boom.js"));
            assertEquals("TypeError", e.name().orElseThrow());
            assertEquals(3, e.location().orElseThrow().line());
            assertEquals("boom.js", e.location().orElseThrow().sourceName());
            assertTrue(e.value().asObject().instanceOf(rt.global().get("TypeError").asFunction()));
            JsError thrown = assertThrows(JsError.class, () -> rt.evaluate("throw {code: 42}", "t.js"));
            assertEquals(42.0, thrown.value().asObject().get("code").asNumber());
            assertTrue(thrown.name().isEmpty());
            JsError custom = assertThrows(JsError.class, () -> rt.evaluate("function f() { throw new RangeError('r') }\nf()", "s.js"));
            assertTrue(custom.jsStack().orElseThrow().contains("s.js"), custom.jsStack().orElseThrow());
        }
    }

    @Test
    void hostExceptionsReachJavaScriptAsTheValueRaised() {
        try (JsRuntime rt = factory.create()) {
            rt.global().set("fail", rt.function("fail", 0, (r, self, args) -> {
                throw new IllegalStateException("disk full");
            }));
            assertEquals("Error: disk full", rt.evaluate("try { fail() } catch (e) { e.name + ': ' + e.message }", "t.js").asString());
            JsError e = assertThrows(JsError.class, () -> rt.evaluate("fail()", "t.js"));
            assertTrue(e.getCause() instanceof IllegalStateException);
        }
    }

    @Test
    void interruptStopsALoopAndTheRuntimeStaysUsable() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        // the time limit only keeps a lost interrupt from hanging the build: it would fail the reason check
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofSeconds(60)))) {
            // repeated: an interrupt that comes before the script has started stops nothing (interrupt() is false then)
            timer.scheduleAtFixedRate(rt::interrupt, 100, 100, TimeUnit.MILLISECONDS);
            JsTerminatedException e = assertThrows(JsTerminatedException.class,
                    () -> rt.evaluate("var n = 0; try { while (true) { n++ } } catch (e) { 'caught' } finally { }", "t.js"));
            timer.shutdownNow();
            assertTrue(timer.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(JsTerminatedException.Reason.INTERRUPTED, e.reason());
            assertTrue(e.runtimeUsable());
            assertEquals(4.0, rt.evaluate("2 + 2", "t.js").asNumber());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void timeLimitStopsARunawayScript() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(100)))) {
            long start = System.nanoTime();
            JsTerminatedException e = assertThrows(JsTerminatedException.class,
                    () -> rt.evaluate("for (;;) { try { for (;;) {} } catch (e) {} }", "t.js"));
            assertEquals(JsTerminatedException.Reason.TIME_LIMIT, e.reason());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
            assertEquals("ok", rt.evaluate("'ok'", "t.js").asString());
        }
    }

    @Test
    void statementLimitStopsAfterTheBudget() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withStatementLimit(50_000))) {
            assertEquals(45.0, rt.evaluate("var t = 0; for (var i = 0; i < 10; i++) t += i; t", "t.js").asNumber());
            JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.evaluate("while (true) {}", "t.js"));
            assertEquals(JsTerminatedException.Reason.STATEMENT_LIMIT, e.reason());
            assertTrue(e.runtimeUsable());
            assertEquals(45.0, rt.evaluate("t", "t.js").asNumber());
        }
    }

    @Test
    void runawayRecursionBecomesARangeErrorAtTheBoundary() {
        try (JsRuntime rt = factory.create()) {
            JsError e = assertThrows(JsError.class, () -> rt.evaluate("function f() { return f() } f()", "r.js"));
            assertEquals("RangeError", e.name().orElseThrow());
            assertEquals(6.0, rt.evaluate("function g(n) { return n ? n + g(n - 1) : 0 } g(3)", "t.js").asNumber());
        }
    }

    @Test
    void recursionThroughAHostFunctionIsCatchableInJavaScript() {
        try (JsRuntime rt = factory.create()) {
            rt.global().set("again", rt.function("again", 0, (r, self, args) -> r.evaluate("again()", "inner.js")));
            String caught = rt.evaluate("try { again() } catch (e) { (e instanceof RangeError) + ' ' + e + ' ' + e.stack }", "t.js").asString();
            assertTrue(caught.startsWith("true RangeError"), caught);
        }
    }
}
