package org.jsi4j.hostile.cases;

import static org.jsi4j.hostile.Expect.jsError;
import static org.jsi4j.hostile.Expect.released;
import static org.jsi4j.hostile.Expect.terminated;
import static org.jsi4j.hostile.Expect.wrongThread;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.JsValue;
import org.jsi4j.hostile.CaseList;
import org.jsi4j.hostile.HostileCase;

/**
 * Threads: use from a thread that does not own the runtime, interrupts from another thread
 * (also while a host function blocks), close racing executor submissions, host re-entry on a
 * small stack.
 */
public final class ThreadCases {
    private ThreadCases() {
    }

    /** Runs {@code body} on a new thread and rethrows what it threw there; its result otherwise. */
    static Object onOtherThread(Callable body) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(body.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "hostile-intruder");
        t.start();
        t.join(10_000);
        if (t.isAlive()) throw new AssertionError("the other thread did not finish within 10 s");
        if (failure.get() instanceof Exception e) throw e;
        if (failure.get() instanceof Error e) throw e;
        return result.get();
    }

    /** A body for another thread. */
    @FunctionalInterface
    interface Callable {
        Object call() throws Exception;
    }

    /**
     * Calls {@code rt.interrupt()} from another thread after {@code millis}, again every 5 ms while
     * it answers false (no script running yet), for at most 10 s; {@code answered} gets the answer.
     */
    static void interruptLater(JsRuntime rt, long millis, AtomicReference<Boolean> answered) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
                long end = System.nanoTime() + 10_000_000_000L;
                while (!rt.interrupt() && System.nanoTime() < end) Thread.sleep(5);
                answered.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hostile-interrupter");
        t.setDaemon(true);
        t.start();
    }

    /** The cases. */
    public static List<HostileCase> cases() {
        return new CaseList("thread")
                .misuse("evaluate-from-other-thread", wrongThread().mentioning("hostile-intruder"), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    return onOtherThread(() -> rt.evaluate("1", "x.js"));
                })
                .misuse("handle-from-other-thread", wrongThread(), ctx -> {
                    JsObject o = ctx.runtime().evaluate("({ a: 1 })", "x.js").asObject();
                    return onOtherThread(() -> o.get("a"));
                })
                .misuse("close-from-other-thread", wrongThread(), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    return onOtherThread(() -> {
                        rt.close();
                        return null;
                    });
                })
                .misuse("scope-closed-from-other-thread", wrongThread(), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    var scope = rt.openScope();
                    rt.evaluate("({})", "x.js");
                    return onOtherThread(() -> {
                        scope.close();
                        return null;
                    });
                })
                .misuse("owner-thread-ended", wrongThread().mentioning("hostile-intruder"), ctx -> {
                    JsRuntime rt = (JsRuntime) onOtherThread(() -> ctx.factory().create());
                    return rt.evaluate("1", "x.js");
                })
                .proves("a runtime whose owner thread ended cannot be used or closed by anyone: it leaks until the JVM exits")
                .misuse("interrupt-endless-loop", terminated(Reason.INTERRUPTED), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    interruptLater(rt, 200, new AtomicReference<>());
                    return rt.evaluate("for (;;) {}", "loop.js");
                })
                .misuse("interrupt-loop-with-host-calls", terminated(Reason.INTERRUPTED), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.global().set("h", rt.function("h", 1, (r, self, args) -> args.get(0)));
                    interruptLater(rt, 200, new AtomicReference<>());
                    return rt.evaluate("for (var i = 0;; i++) h(i)", "host-loop.js");
                })
                .misuse("early-interrupts-with-host-calls", terminated(Reason.INTERRUPTED), ctx -> {
                    JsRuntime rt = ctx.runtime(org.jsi4j.RuntimeOptions.defaults().withTimeLimit(java.time.Duration.ofSeconds(2)));
                    rt.global().set("h", rt.function("h", 1, (r, self, args) -> args.get(0)));
                    org.jsi4j.JsTerminatedException last = null;
                    for (int round = 0; round < 30; round++) {
                        interruptLater(rt, round % 4, new AtomicReference<>());
                        try {
                            rt.evaluate("for (var i = 0;; i++) h(i)", "host-loop.js");
                        } catch (org.jsi4j.JsTerminatedException e) {
                            if (e.reason() != Reason.INTERRUPTED) throw e;
                            last = e;
                        }
                    }
                    throw last;
                })
                .proves("thirty interrupts, 0-3 ms after the start, of a loop calling a host function; each must stop it")
                .misuse("interrupt-blocked-host-function", terminated(Reason.INTERRUPTED), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.global().set("sleep", rt.function("sleep", 0, (r, self, args) -> {
                        try {
                            Thread.sleep(10_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return JsValue.undefined();
                    }));
                    interruptLater(rt, 200, new AtomicReference<>());
                    long start = System.nanoTime();
                    try {
                        return rt.evaluate("sleep(); 'slept'", "sleep.js");
                    } finally {
                        long ms = (System.nanoTime() - start) / 1_000_000;
                        Thread.interrupted();
                        if (ms > 5_000) throw new AssertionError("interrupt() took " + ms + " ms to stop a blocked host function");
                    }
                })
                .misuse("interrupt-answered-true-must-stop", terminated(Reason.INTERRUPTED), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.global().set("busy", rt.function("busy", 0, (r, self, args) -> {
                        long end = System.nanoTime() + 1_000_000_000L;
                        while (System.nanoTime() < end) Thread.onSpinWait();
                        return JsValue.undefined();
                    }));
                    AtomicReference<Boolean> answered = new AtomicReference<>();
                    interruptLater(rt, 100, answered);
                    JsValue v = rt.evaluate("busy(); var i = 0; for (; i < 10; i++) {} 'completed'", "busy.js");
                    throw new AssertionError("interrupt() answered " + answered.get() + " but the script returned " + v);
                })
                .misuse("close-racing-submit", released().mentioning("closed"), ctx -> {
                    List<CompletableFuture<JsValue>> futures = java.util.Collections.synchronizedList(new ArrayList<>());
                    for (int round = 0; round < 5; round++) closeWhileSubmitting(ctx.runtime(), futures);
                    return firstFailure(futures);
                })
                .proves("five rounds of: four threads submit to the executor while the owner closes the runtime;"
                        + " every future must settle (the race is narrow, so a hang shows only in some rounds)")
                .misuse("close-racing-evaluate", wrongThread(), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.global().set("tick", rt.function("tick", 0, (r, self, args) -> JsValue.undefined()));
                    AtomicReference<Throwable> closer = new AtomicReference<>();
                    Thread t = new Thread(() -> {
                        try {
                            rt.close();
                        } catch (Throwable e) {
                            closer.set(e);
                        }
                    }, "hostile-closer");
                    t.start();
                    rt.evaluate("for (var i = 0; i < 1e5; i++) tick()", "busy.js");
                    t.join(10_000);
                    if (closer.get() instanceof RuntimeException e) throw e;
                    throw new AssertionError("close() from another thread during evaluate did not throw: " + closer.get());
                })
                .misuseOnStack("host-reentry-small-stack", 256, jsError("RangeError"), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.global().set("h", rt.function("h", 1, (r, self, args) -> args.get(0).asFunction().call()));
                    return rt.evaluate("function f() { return h(f); } f()", "reentry.js");
                })
                .build();
    }

    /** Four threads submit tasks to {@code rt} while this thread closes it; the futures go to {@code futures}. */
    static void closeWhileSubmitting(JsRuntime rt, List<CompletableFuture<JsValue>> futures) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread s = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                int afterClose = 0;
                for (int n = 0; n < 50_000 && afterClose < 200; n++) {
                    if (rt.isClosed()) afterClose++;
                    futures.add(rt.executor().submit(r -> r.evaluate("1 + 1", "t.js")));
                }
            }, "hostile-submitter-" + t);
            s.start();
            submitters.add(s);
        }
        rt.runPendingTasks();
        go.countDown();
        Thread.sleep(2);
        rt.close();
        for (Thread s : submitters) s.join(10_000);
    }

    /** Waits up to 3 s for every future; throws the first failure, or an AssertionError naming the hung ones. */
    static Object firstFailure(List<CompletableFuture<JsValue>> futures) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int hung = 0;
        Exception first = null;
        List<CompletableFuture<JsValue>> all;
        synchronized (futures) {
            all = List.copyOf(futures);
        }
        for (CompletableFuture<JsValue> f : all) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (first == null && e.getCause() instanceof Exception x) first = x;
            } catch (java.util.concurrent.TimeoutException e) {
                hung++;
            }
        }
        if (hung > 0) throw new AssertionError(hung + " of " + all.size() + " futures hung after close()");
        if (first != null) throw first;
        return "all " + all.size() + " futures ran before close()";
    }
}
