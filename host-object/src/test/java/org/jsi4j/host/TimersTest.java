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
        eval("clearTimeout(setTimeout(function () {}, 1))"); // the Timeout objects' prototype is made once
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
    void timersAreTimeoutObjectsWhosePrimitiveIsADistinctId() {
        assertEquals(JsValue.of(true), eval("var a = setTimeout(function () {}), b = setInterval(function () {}, 1);"
                + " clearInterval(+b); typeof a === 'object' && typeof +a === 'number' && +a !== +b"
                + " && a.hasRef() === true && a.unref() === a && a.hasRef() === false && a.ref().hasRef()"));
        loop();
        assertEquals(JsValue.of(false), eval("a.hasRef()"), "a timer that ran keeps nothing alive");
    }

    @Test
    void timersDueTogetherFireInCreationOrder() {
        eval("var log = []; for (var i = 0; i < 40; i++) (function (n) { setTimeout(function () { log.push(n); }, 300); })(i);"
                + " setTimeout(function () { log.push('early'); }, 1);");
        loop();
        StringBuilder expected = new StringBuilder("early");
        for (int i = 0; i < 40; i++) expected.append(',').append(i);
        assertEquals(JsValue.of(expected.toString()), eval("log.join()"));
    }

    @Test
    void anUnrefedTimerDoesNotKeepTheLoopAliveButFiresWhileItRuns() {
        eval("var log = []; var idle = setTimeout(function () { log.push('never'); }, 60000); idle.unref();"
                + " setTimeout(function () { log.push('unrefed'); }, 5).unref();"
                + " setTimeout(function () { log.push('kept'); }, 60);");
        long start = System.nanoTime();
        loop();
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "the unrefed 60 s timer did not hold the loop");
        assertEquals(JsValue.of("unrefed,kept"), eval("log.join()"));
        assertEquals(1, rt.executor().pendingCount(), "only the unrefed timer is left");
        eval("idle.ref()");
        assertFalse(rt.runEventLoop(Duration.ofMillis(30)), "ref() makes it keep the loop busy again");
        eval("clearTimeout(idle)");
        assertTrue(rt.runEventLoop(Duration.ofMillis(30)));
    }

    @Test
    void refreshRestartsATimer() {
        eval("var log = []; var t = setTimeout(function () { log.push('t'); }, 400);"
                + " setTimeout(function () { log.push('a'); t.refresh(); }, 100);"
                + " setTimeout(function () { log.push('b'); }, 450);");
        loop();
        assertEquals(JsValue.of("a,b,t"), eval("log.join()"));
    }

    @Test
    void anIntervalOfZeroDoesNotStarveTheCaller() {
        eval("var n = 0; var i = setInterval(function () { n++; }, 0);");
        for (int k = 0; k < 5; k++) {
            rt.runPendingTasks();
        }
        assertTrue(rt.runEventLoop(Duration.ofMillis(20)) == false);
        eval("clearInterval(i)");
        assertTrue(eval("n").asNumber() >= 1);
    }

    @Test
    void clearingWithTheObjectOrItsIdWorksAndForeignValuesAreIgnored() {
        eval("var log = []; var a = setTimeout(function () { log.push('a'); }, 5);"
                + " var b = setTimeout(function () { log.push('b'); }, 5);"
                + " var c = setTimeout(function () { log.push('c'); }, 5);"
                + " clearTimeout(a); clearTimeout(+b); clearTimeout({}); clearTimeout('x'); clearTimeout(null);");
        loop();
        assertEquals(JsValue.of("c"), eval("log.join()"));
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
