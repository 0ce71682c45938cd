package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jsi4j.EsFeature;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsValue;

/** A runtime belongs to one thread; other threads go through its executor. */
@Area("threads")
class ThreadsTest {
    private static void assertWrongThread(JsRuntime rt, Runnable use) {
        Throwable t = OtherThread.failureOf("intruder", use);
        WrongThreadException e = assertInstanceOf(WrongThreadException.class, t, "expected WrongThreadException, got " + t);
        assertTrue(e.getMessage().contains("intruder"), e.getMessage());
        assertTrue(e.getMessage().contains(rt.owner().getName()), e.getMessage());
    }

    @EngineTest
    void evaluatingFromAnotherThreadNamesBothThreads(JsRuntime rt) {
        assertSame(Thread.currentThread(), rt.owner());
        assertWrongThread(rt, () -> rt.evaluate("1", "x.js"));
        assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "x.js"), "the owner still uses it");
    }

    @EngineTest
    void everyOperationChecksTheThread(JsRuntime rt) {
        JsObject o = rt.evaluate("({a: 1, f: function () { return 1; }})", "o.js").asObject();
        assertWrongThread(rt, () -> o.get("a"));
        assertWrongThread(rt, () -> o.set("a", 2));
        assertWrongThread(rt, () -> o.has("a"));
        assertWrongThread(rt, () -> o.delete("a"));
        assertWrongThread(rt, o::propertyNames);
        assertWrongThread(rt, () -> o.persist());
        assertWrongThread(rt, () -> rt.global());
        assertWrongThread(rt, () -> rt.newObject());
        assertWrongThread(rt, () -> rt.prepare("1", "p.js"));
        assertWrongThread(rt, () -> rt.openScope());
        assertWrongThread(rt, () -> rt.toJavaData(o));
        assertWrongThread(rt, () -> rt.toJavaData(JsValue.of(1)));
        assertWrongThread(rt, () -> rt.fromJavaData(java.util.Map.of("a", 1)));
        assertWrongThread(rt, () -> rt.drainMicrotasks());
        assertWrongThread(rt, () -> rt.runPendingTasks());
        assertWrongThread(rt, rt::close);
        assertFalse(rt.isClosed(), "a refused close leaves the runtime open");
        assertEquals(JsValue.of(1), o.get("a"), "nothing changed");
    }

    @EngineTest
    void hostFunctionsRunOnTheOwnerThread(JsRuntime rt) {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        rt.global().set("where", rt.function("where", 0, (r, self, args) -> {
            ranOn.set(Thread.currentThread());
            return JsValue.undefined();
        }));
        rt.evaluate("where()", "where.js");
        assertSame(rt.owner(), ranOn.get());
    }

    @EngineTest
    void submittedWorkRunsOnTheOwnerWhenItPumps(JsRuntime rt) throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CompletableFuture<Double> future = OtherThread.call("submitter", () -> rt.executor().submit(r -> {
            ranOn.set(Thread.currentThread());
            return r.evaluate("6 * 7", "task.js").asNumber();
        }));
        assertFalse(future.isDone(), "nothing runs until the owner pumps");
        assertEquals(1, rt.runPendingTasks());
        assertTrue(future.isDone());
        assertEquals(42.0, future.get());
        assertSame(rt.owner(), ranOn.get());
        assertEquals(0, rt.runPendingTasks());
    }

    @EngineTest
    @RequiresFeature(EsFeature.PROMISES)
    void eventLoopRunsWorkSubmittedWhileItWaits(JsRuntime rt) {
        rt.evaluate("var received = [];", "setup.js");
        CompletableFuture<JsValue> pending = new CompletableFuture<>();
        rt.promise(pending); // never settles, so the loop waits until its timeout
        CompletableFuture<JsValue> gate = new CompletableFuture<>();
        rt.global().set("gate", rt.promise(gate));
        OtherThread.later("producer", 50, () -> {
            for (int i = 0; i < 3; i++) {
                int n = i;
                rt.executor().submit(r -> r.evaluate("received.push(" + n + ")", "push.js"));
            }
            rt.executor().execute(() -> gate.complete(JsValue.of("open")));
        });
        rt.evaluate("gate.then(function (v) { received.push(v); })", "wait.js");
        assertFalse(rt.runEventLoop(Duration.ofMillis(1500)), "an unsettled promise() keeps the loop busy until the timeout");
        assertEquals(JsValue.of("0,1,2,open"), rt.evaluate("received.join()", "check.js"));
        assertFalse(pending.isDone());
    }

    @EngineTest
    void eventLoopReturnsWhenIdle(JsRuntime rt) {
        long start = System.nanoTime();
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "no work: returns at once");
    }

    @EngineTest
    void failingTaskFailsItsFuture(JsRuntime rt) throws Exception {
        CompletableFuture<JsValue> future = OtherThread.call("submitter",
                () -> rt.executor().submit(r -> r.evaluate("throw new TypeError('task failed')", "task.js")));
        rt.runPendingTasks();
        ExecutionException e = assertThrows(ExecutionException.class, future::get);
        JsError error = assertInstanceOf(JsError.class, e.getCause());
        assertEquals("TypeError", error.name().orElseThrow());
        assertEquals(JsValue.of(3), rt.evaluate("1 + 2", "after.js"));
    }

    @EngineTest
    void scheduledTasksRunAfterTheirDelay(JsRuntime rt) {
        long start = System.nanoTime();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        rt.executor().schedule(Duration.ofMillis(100), r -> {
            ranOn.set(Thread.currentThread());
            r.evaluate("var timerFired = true;", "timer.js");
        });
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90));
        assertSame(rt.owner(), ranOn.get());
        assertEquals(JsValue.of(true), rt.global().get("timerFired"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.PROMISES)
    void futureCompletedOnAnotherThreadResolvesAPromise(JsRuntime rt) {
        CompletableFuture<JsValue> future = new CompletableFuture<>();
        rt.global().set("p", rt.promise(future));
        rt.evaluate("var result = 'pending'; p.then(function (v) { result = 'got ' + v; });", "p.js");
        assertEquals(JsValue.of("pending"), rt.global().get("result"));
        OtherThread.later("completer", 50, () -> future.complete(JsValue.of("data")));
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertEquals(JsValue.of("got data"), rt.global().get("result"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.PROMISES)
    void failedFutureRejectsThePromiseWithAnError(JsRuntime rt) {
        CompletableFuture<JsValue> future = new CompletableFuture<>();
        rt.global().set("p", rt.promise(future));
        rt.evaluate("var result = 'pending';"
                + " p.then(function () { result = 'resolved?'; }, function (e) { result = (e instanceof Error) + ':' + e.message; });",
                "p.js");
        OtherThread.later("completer", 50, () -> future.completeExceptionally(new IOException("disk gone")));
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertEquals(JsValue.of("true:disk gone"), rt.global().get("result"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.PROMISES)
    void alreadyCompletedFutureResolvesOnTheNextPump(JsRuntime rt) {
        rt.global().set("p", rt.promise(CompletableFuture.completedFuture(JsValue.of(5))));
        rt.evaluate("var result; p.then(function (v) { result = v * 2; });", "p.js");
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertEquals(JsValue.of(10), rt.global().get("result"));
    }

    @EngineTest
    void closingFailsQueuedWork(JsRuntimeFactory factory) throws Exception {
        JsRuntime rt = factory.create();
        CompletableFuture<JsValue> queued;
        try {
            queued = OtherThread.call("submitter", () -> rt.executor().submit(r -> r.evaluate("1", "never.js")));
        } finally {
            rt.close();
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> queued.get(5, TimeUnit.SECONDS));
        assertInstanceOf(JsReleasedException.class, e.getCause());
        CompletableFuture<JsValue> late = rt.executor().submit(r -> r.evaluate("1", "late.js"));
        ExecutionException lateFailure = assertThrows(ExecutionException.class, () -> late.get(5, TimeUnit.SECONDS));
        assertInstanceOf(JsReleasedException.class, lateFailure.getCause(), "work submitted after close fails too");
    }

    @EngineTest
    void runtimesOnDifferentThreadsAreIndependent(JsRuntimeFactory factory) throws Exception {
        List<CompletableFuture<String>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            CompletableFuture<String> result = new CompletableFuture<>();
            results.add(result);
            Thread t = new Thread(() -> {
                try (JsRuntime own = factory.create()) {
                    own.evaluate("var id = " + n + "; var sum = 0; for (var k = 0; k < 200000; k++) sum += k;", "t.js");
                    result.complete(own.evaluate("id + ':' + sum", "t.js").asString());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, "worker-" + i);
            t.start();
        }
        for (int i = 0; i < 3; i++) assertEquals(i + ":19999900000", results.get(i).get(30, TimeUnit.SECONDS));
    }

    @EngineTest
    void isClosedAndExecutorWorkFromAnyThread(JsRuntime rt) throws Exception {
        assertFalse(OtherThread.call("reader", rt::isClosed));
        assertNull(OtherThread.failureOf("reader", () -> rt.executor().pendingCount()));
        assertNull(OtherThread.failureOf("reader", () -> rt.engine().id()));
    }

    @EngineTest
    void everyTaskSubmittedWhileTheRuntimeClosesCompletes(JsRuntimeFactory factory) throws Exception {
        for (int round = 0; round < 20; round++) {
            JsRuntime rt = factory.create();
            List<CompletableFuture<Integer>> futures = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicReference<Boolean> go = new AtomicReference<>(true);
            Thread submitter = new Thread(() -> {
                while (go.get()) futures.add(rt.executor().submit(r -> 1));
            }, "submitter");
            submitter.start();
            Thread.sleep(5);
            rt.runPendingTasks();
            rt.close();
            Thread.sleep(5);
            go.set(false);
            submitter.join(10_000);
            for (CompletableFuture<Integer> f : futures) {
                try {
                    assertEquals(1, f.get(5, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertInstanceOf(JsReleasedException.class, e.getCause(), "a task that could not run says why");
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a task submitted while the runtime closed never completed", e);
                }
            }
        }
    }
}
