package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.caoccao.javet.exceptions.JavetTerminatedException;
import com.caoccao.javet.interop.V8Runtime;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stop protocol of {@link V8Entry} on a real isolate: a stop V8 lost is repeated by the
 * watchdog's {@link V8Entry#watch()} until the entry is reset, and never after.
 */
class V8EntryTest {
    private final V8Runtime rt = V8Platform.newRuntime();
    private final V8Limits limits = new V8Limits(rt, 512L << 20);
    private final V8Entry entry = new V8Entry(rt, limits);

    @AfterEach
    void close() throws Exception {
        limits.close();
        rt.close();
    }

    /**
     * The loss itself, as V8 does it: a stop requested while another thread last held the isolate's
     * lock (here the test thread asking for heap statistics of the idle isolate, which Javet answers
     * by locking it) goes into that thread's interrupt state, and the owner's next lock restores its
     * own saved state without it.
     */
    @Test
    void aStopLostInALockSwitchIsRepeatedByTheWatchUntilTheScriptEnds() throws Exception {
        ExecutorService owner = Executors.newSingleThreadExecutor();
        try {
            owner.submit(() -> {
                rt.getExecutor("1").executeVoid();  // the owner thread has held the isolate's lock
                return null;
            }).get(10, TimeUnit.SECONDS);
            assertTrue(rt.getV8HeapStatistics().isDone(), "the statistics were not taken under the test thread's lock");
            entry.interrupt();
            Future<?> loop = owner.submit(() -> {
                rt.getExecutor("for (;;) {}").executeVoid();
                return null;
            });
            Thread.sleep(300);
            assertFalse(loop.isDone(), "V8 kept the request this time, so this test proves nothing");
            long start = System.nanoTime();
            while (!loop.isDone() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
                entry.watch();  // as the core's watchdog does every 10 ms
                Thread.sleep(10);
            }
            ExecutionException ended = assertThrows(ExecutionException.class, () -> loop.get(1, TimeUnit.SECONDS),
                    "the watch did not repeat the lost stop");
            assertInstanceOf(JavetTerminatedException.class, ended.getCause());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "the repetition took more than 2 s");
            entry.resetInterrupt();
            assertEquals(2, owner.submit(() -> rt.getExecutor("1 + 1").executeInteger()).get(10, TimeUnit.SECONDS));
        } finally {
            owner.shutdownNow();
        }
    }

    @Test
    void noRepetitionLandsAfterTheReset() throws Exception {
        entry.interrupt();
        entry.resetInterrupt();
        for (int i = 0; i < 25; i++) entry.watch();  // 250 ms of watchdog calls after the stopped entry ended
        assertEquals(42, rt.getExecutor("var n = 0; for (var i = 0; i < 1e6; i++) n++; 42").executeInteger());
    }
}
