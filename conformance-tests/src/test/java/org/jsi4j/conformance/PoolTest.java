package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.jsi4j.pool.JsRuntimePool;
import org.jsi4j.pool.JsRuntimePool.AfterUse;
import org.jsi4j.pool.PoolStats;

/** A pool of ready runtimes: work runs on the pool's JS threads, runtimes are kept or replaced. */
@Area("pool")
class PoolTest {
    private static final String COUNT = "globalThis.n = (globalThis.n || 0) + 1; n";

    private static void awaitIdle(JsRuntimePool pool, int idle) throws InterruptedException {
        for (int i = 0; i < 400 && pool.stats().idle() != idle; i++) Thread.sleep(25);
        assertEquals(idle, pool.stats().idle(), "idle runtimes: " + pool.stats());
    }

    @EngineTest
    void workRunsOnThePoolsOwnThreadsAndKeptRuntimesKeepTheirState(JsRuntimeFactory factory) {
        try (JsRuntimePool pool = JsRuntimePool.builder(factory).size(1).afterUse(AfterUse.KEEP).build()) {
            Thread caller = Thread.currentThread();
            Thread owner = pool.execute(rt -> rt.owner());
            assertNotSame(caller, owner);
            assertEquals(1.0, pool.execute(rt -> rt.evaluate(COUNT, "c.js").asNumber()));
            assertEquals(2.0, pool.execute(rt -> rt.evaluate(COUNT, "c.js").asNumber()), "the same runtime, its state kept");
            PoolStats s = pool.stats();
            assertEquals(1, s.created());
            assertEquals(0, s.evicted());
            assertEquals(3, s.completed());
        }
    }

    @EngineTest
    void discardedRuntimesAreReplacedSoEveryPieceOfWorkStartsFresh(JsRuntimeFactory factory) throws InterruptedException {
        try (JsRuntimePool pool = JsRuntimePool.builder(factory).size(2).afterUse(AfterUse.DISCARD).build()) {
            for (int i = 0; i < 6; i++) assertEquals(1.0, pool.execute(rt -> rt.evaluate(COUNT, "c.js").asNumber()));
            awaitIdle(pool, 2);
            PoolStats s = pool.stats();
            assertEquals(6, s.evicted());
            assertEquals(8, s.created(), "two to start with, one replacement per piece of work");
        }
    }

    @EngineTest
    void aSnapshotGivesEveryPooledRuntimeAWarmStart(JsRuntimeFactory factory) {
        byte[] blob;
        try (JsRuntime setup = factory.create(RuntimeOptions.forSnapshotting())) {
            setup.evaluate("var config = {greeting: 'hello'}; function greet(n) { return config.greeting + ' ' + n; }", "init.js");
            blob = setup.snapshot().bytes();
        }
        // one JS thread: concurrent restores of a V8 image abort V8 (SnapshotsTest.severalThreadsRestoreAtOnce
        // shows it in a child JVM), which would take this whole suite down
        try (JsRuntimePool pool = JsRuntimePool.builder(factory).size(1).afterUse(AfterUse.DISCARD)
                .options(RuntimeOptions.fromSnapshot(blob)).build()) {
            for (int i = 0; i < 4; i++) {
                int n = i;
                assertEquals("hello " + n, pool.execute(rt -> rt.evaluate("greet(" + n + ")", "g.js").asString()));
            }
        }
        assertTrue(Snapshot.parse(blob).scripts().size() >= 1);
    }

    @EngineTest
    void aScriptErrorReachesTheCallerAndTheRuntimeStays(JsRuntimeFactory factory) {
        try (JsRuntimePool pool = JsRuntimePool.builder(factory).size(1).build()) {
            pool.execute(rt -> rt.evaluate("var kept = 7", "k.js"));
            JsError e = assertThrows(JsError.class, () -> pool.execute(rt -> rt.evaluate("null.x", "bad.js")));
            assertEquals("TypeError", e.name().orElseThrow());
            assertEquals(7.0, pool.execute(rt -> rt.evaluate("kept", "k.js").asNumber()));
            assertEquals(0, pool.stats().evicted());
        }
    }

    @EngineTest
    void aRuntimeClosedByItsWorkOrWornOutIsReplaced(JsRuntimeFactory factory) throws InterruptedException {
        try (JsRuntimePool pool = JsRuntimePool.builder(factory).size(1).maxUses(3).build()) {
            pool.execute(rt -> {
                rt.close();
                return null;
            });
            assertEquals(1.0, pool.execute(rt -> rt.evaluate(COUNT, "c.js").asNumber()), "a new runtime");
            pool.execute(rt -> rt.evaluate(COUNT, "c.js"));
            assertEquals(3.0, pool.execute(rt -> rt.evaluate(COUNT, "c.js").asNumber()));
            assertEquals(1.0, pool.execute(rt -> rt.evaluate(COUNT, "c.js").asNumber()), "worn out after three uses");
            awaitIdle(pool, 1);
            assertEquals(2, pool.stats().evicted());
        }
    }

    @EngineTest
    void aTimeLimitStopsRunawayWorkAndThePoolGoesOn(JsRuntimeFactory factory) {
        try (JsRuntimePool pool = JsRuntimePool.builder(factory).size(1)
                .options(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(200))).build()) {
            JsTerminatedException e = assertThrows(JsTerminatedException.class,
                    () -> pool.execute(rt -> rt.evaluate("for (;;) {}", "spin.js")));
            assertEquals(JsTerminatedException.Reason.TIME_LIMIT, e.reason());
            assertEquals(JsValue.of(2).asNumber(), pool.execute(rt -> rt.evaluate("1 + 1", "after.js").asNumber()));
        }
    }

    @EngineTest
    void manyCallersShareTheRuntimes(JsRuntimeFactory factory) throws Exception {
        try (JsRuntimePool pool = JsRuntimePool.builder(factory).size(2).build()) {
            Set<Thread> owners = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Double>> results = new ArrayList<>();
            CountDownLatch both = new CountDownLatch(2);
            for (int i = 0; i < 40; i++) {
                int n = i;
                results.add(pool.submit(rt -> {
                    if (owners.add(rt.owner())) both.countDown();
                    try {
                        both.await(5, TimeUnit.SECONDS); // the first two pieces of work meet, so both threads serve
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return rt.evaluate(n + " * 2", "m.js").asNumber();
                }));
            }
            for (int i = 0; i < 40; i++) assertEquals(i * 2.0, results.get(i).get(30, TimeUnit.SECONDS));
            assertEquals(2, owners.size(), "both runtimes served");
        }
    }

    @EngineTest
    void closingFailsWaitingWorkAndRefusesMore(JsRuntimeFactory factory) throws Exception {
        JsRuntimePool pool = JsRuntimePool.builder(factory).size(1).build();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> running = pool.submit(rt -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        });
        started.await(30, TimeUnit.SECONDS);
        CompletableFuture<Object> waiting = pool.submit(rt -> "never");
        release.countDown();
        pool.close();
        assertEquals("done", running.get(10, TimeUnit.SECONDS));
        if (!waiting.isCompletedExceptionally()) assertEquals("never", waiting.get(1, TimeUnit.SECONDS)); // it may have won the race
        else {
            ExecutionException e = assertThrows(ExecutionException.class, () -> waiting.get(1, TimeUnit.SECONDS));
            assertInstanceOf(RejectedExecutionException.class, e.getCause());
        }
        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> pool.submit(rt -> 1));
        assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
    }
}
