package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimersTest {
    private final JsRuntime rt = JsEngines.factory("rhino").create();

    TimersTest() {
        Builtins.install(rt, new RecordingSink(), List.of(), ModuleRegistry.empty());
    }

    @AfterEach
    void close() {
        rt.close();
    }

    private JsValue eval(String source) {
        return rt.evaluate(source, "test.js");
    }

    private void loop() {
        assertTrue(rt.runEventLoop(Duration.ofSeconds(5)), "the event loop went idle");
    }

    @Test
    void timersFireByDueTimeAfterMicrotasks() {
        // due times far enough apart that a loaded machine pausing between two setTimeout calls
        // cannot change which timer is due first
        eval("var log = [];"
                + " setTimeout(function () { log.push('t600'); }, 600);"
                + " setTimeout(function (a, b) { log.push('t0' + a + b); }, 0, '-x', '-y');"
                + " setTimeout(function () { log.push('t300'); }, 300);"
                + " setTimeout(function () { log.push('t0b'); });"
                + " queueMicrotask(function () { log.push('micro'); });"
                + " Promise.resolve().then(function () { log.push('promise'); });"
                + " log.push('sync');");
        loop();
        assertEquals(JsValue.of("sync,micro,promise,t0-x-y,t0b,t300,t600"), eval("log.join()"));
    }

    @Test
    void clearedTimersAndIntervalsStop() {
        int refs = rt.stats().liveRefs();
        eval("var log = []; var n = 0;"
                + " var t = setTimeout(function () { log.push('cleared'); }, 5); clearTimeout(t);"
                + " var i = setInterval(function () { log.push('i' + (++n)); if (n === 3) clearInterval(i); }, 1);"
                + " clearTimeout(12345); clearTimeout(undefined);");
        loop();
        assertEquals(JsValue.of("i1,i2,i3"), eval("log.join()"));
        assertEquals(refs, rt.stats().liveRefs(), "no callback is kept once its timer is done");
    }

    @Test
    void idsAreDistinctNumbers() {
        assertEquals(JsValue.of(true), eval("var a = setTimeout(function () {}), b = setInterval(function () {}, 1);"
                + " clearInterval(b); typeof a === 'number' && a !== b"));
        loop();
    }

    @Test
    void aPendingIntervalKeepsTheLoopBusy() {
        eval("setInterval(function () {}, 1)");
        assertFalse(rt.runEventLoop(Duration.ofMillis(50)));
    }

    @Test
    void badArgumentsAreTypeErrors() {
        assertEquals(JsValue.of("TypeError: setTimeout(): parameter 'callback' must be a function, got a string"),
                eval("try { setTimeout('code', 1); } catch (e) { e.name + ': ' + e.message }"));
        assertEquals(JsValue.of("TypeError: setInterval(): parameter 'delay' must be a number of milliseconds, got a string"),
                eval("try { setInterval(function () {}, '5'); } catch (e) { e.name + ': ' + e.message }"));
        assertEquals(JsValue.of("TypeError"), eval("try { queueMicrotask(); } catch (e) { e.name }"));
    }

    @Test
    void errorsThrownByCallbacksComeOutOfTheEventLoop() {
        eval("setTimeout(function () { throw new RangeError('from a timer'); }, 0)");
        JsError e = assertThrows(JsError.class, this::loop);
        assertEquals("from a timer", e.jsMessage());
        eval("queueMicrotask(function () { throw new Error('from a microtask'); })");
        assertEquals("from a microtask", assertThrows(JsError.class, this::loop).jsMessage());
    }

    @Test
    void closingTheRuntimeCancelsPendingTimers() {
        JsRuntime other = JsEngines.factory("rhino").create();
        Builtins.install(other, new RecordingSink(), List.of(), ModuleRegistry.empty());
        other.evaluate("setTimeout(function () {}, 60000); setInterval(function () {}, 1)", "t.js");
        other.close();
        assertTrue(other.executor().pendingCount() == 0, "pending: " + other.executor().pendingCount());
    }
}
