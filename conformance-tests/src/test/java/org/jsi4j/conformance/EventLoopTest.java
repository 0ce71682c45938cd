package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jsi4j.JsExecutor;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/** The event loop: order of scheduled tasks, what keeps it waiting, work from other threads. */
@Area("threads")
class EventLoopTest {
    @EngineTest
    void scheduledTasksRunByDueTimeThenInSchedulingOrder(JsRuntime rt) {
        List<Integer> order = new ArrayList<>();
        rt.executor().schedule(Duration.ofMillis(600), r -> order.add(100));
        for (int i = 0; i < 30; i++) {
            int n = i;
            rt.executor().schedule(Duration.ZERO, r -> order.add(n));
        }
        rt.executor().schedule(Duration.ofMillis(300), r -> order.add(50));
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) expected.add(i);
        expected.add(50);
        expected.add(100);
        assertEquals(expected, order);
    }

    @EngineTest
    void theLoopWaitsForWorkAnotherThreadHolds(JsRuntime rt) throws InterruptedException {
        JsExecutor.Hold hold = rt.executor().hold();
        CountDownLatch started = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                started.await();
                Thread.sleep(150);
                rt.executor().execute(() -> rt.evaluate("var fromWorker = 'arrived';", "worker.js"));
                Thread.sleep(50);
                rt.executor().execute(() -> rt.evaluate("fromWorker += ' twice';", "worker.js"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hold.close();
                hold.close(); // idempotent
            }
        }, "holder");
        worker.start();
        started.countDown();
        long start = System.nanoTime();
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190), "waited for the holder");
        assertEquals(JsValue.of("arrived twice"), rt.global().get("fromWorker"));
        worker.join();
        assertEquals(0, rt.executor().pendingCount());
    }

    @EngineTest
    void anUnreferencedTaskDoesNotKeepTheLoopWaiting(JsRuntime rt) {
        List<String> ran = new ArrayList<>();
        JsExecutor.Cancellable far = rt.executor().schedule(Duration.ofMinutes(5), r -> ran.add("far"));
        assertTrue(far.hasRef());
        far.unref();
        assertFalse(far.hasRef());
        rt.executor().schedule(Duration.ofMillis(10), r -> ran.add("near")).unref();
        rt.executor().schedule(Duration.ofMillis(80), r -> ran.add("kept"));
        long start = System.nanoTime();
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(List.of("near", "kept"), ran, "an unreferenced task still runs when due while the loop runs");
        far.ref();
        assertFalse(rt.runEventLoop(Duration.ofMillis(20)));
        assertTrue(far.cancel());
        assertTrue(rt.runEventLoop(Duration.ofMillis(20)));
    }

    @EngineTest
    void aTaskScheduledFromAnotherThreadWakesAWaitingLoopEarlier(JsRuntime rt) throws InterruptedException {
        List<String> ran = new ArrayList<>();
        rt.executor().schedule(Duration.ofMillis(1500), r -> ran.add("late"));
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            rt.executor().schedule(Duration.ofMillis(10), r -> ran.add("early"));
        }, "scheduler");
        other.start();
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        other.join();
        assertEquals(List.of("early", "late"), ran);
    }

    @EngineTest
    void theLoopReturnsFalseWhenReferencedWorkOutlastsTheTimeout(JsRuntime rt) {
        JsExecutor.Hold hold = rt.executor().hold();
        long start = System.nanoTime();
        assertFalse(rt.runEventLoop(Duration.ofMillis(100)));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms >= 90 && ms < 5_000, "waited about the timeout: " + ms + " ms");
        hold.close();
        assertTrue(rt.runEventLoop(Duration.ofMillis(100)));
    }
}
