package org.jsi4j.cli;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.JsWeakRef;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.RuntimeStats;

/**
 * One stress thread: until the deadline, creates a runtime of a random engine, does a random
 * number of random operations on it (scripts with host calls, handles and references, an
 * interrupt from another thread, executor work submitted from other threads, a script error),
 * checks that no handle is left, and closes it, sometimes while tasks are still being submitted.
 */
final class StressWorker implements Runnable {
    private static final List<String> OPS = List.of("evaluate with host calls", "handles and references",
            "interrupt of a loop with host calls", "executor tasks from other threads", "script error", "call from Java");
    /** A safety net: no operation should run this long. */
    private static final RuntimeOptions OPTIONS = RuntimeOptions.defaults().withTimeLimit(Duration.ofSeconds(10));

    private final List<String> engines;
    private final long deadline;
    private final StressTally tally;
    private final SplittableRandom random;
    private final ScheduledExecutorService interrupter;
    private final ExecutorService submitters;
    /** What this thread is doing now, for the report when it does not finish. */
    private volatile String doing = "starting";

    StressWorker(List<String> engines, long deadline, StressTally tally, long seed, ScheduledExecutorService interrupter,
                 ExecutorService submitters) {
        this.engines = engines;
        this.deadline = deadline;
        this.tally = tally;
        this.random = new SplittableRandom(seed);
        this.interrupter = interrupter;
        this.submitters = submitters;
    }

    @Override
    public void run() {
        while (System.nanoTime() < deadline) {
            String engine = engines.get(random.nextInt(engines.size()));
            try {
                oneRuntime(engine);
            } catch (RuntimeException | Error e) {
                tally.unexpected(engine + " runtime", e);
            }
        }
    }

    private void oneRuntime(String engine) {
        JsRuntime rt = JsEngines.factory(engine).create(OPTIONS);
        tally.runtimes.increment();
        boolean closing = false;
        try {
            JsRef<JsFunction> hostRef;
            try (JsScope setup = rt.openScope()) {
                JsFunction host = rt.function("h", 1, (r, self, args) -> {
                    tally.hostCalls.increment();
                    return JsValue.of(args.get(0).asNumber() + 1);
                });
                hostRef = rt.persist(host);
                rt.global().set("h", host);
            }
            int ops = 1 + random.nextInt(12);
            for (int i = 0; i < ops && System.nanoTime() < deadline; i++) {
                try (JsScope scope = rt.openScope()) {
                    int op = random.nextInt(6);
                    doing = engine + " " + OPS.get(op);
                    switch (op) {
                        case 0 -> evaluateWithHostCalls(rt);
                        case 1 -> handles(rt);
                        case 2 -> interrupt(rt);
                        case 3 -> submitAndPump(rt);
                        case 4 -> scriptError(rt);
                        default -> callFromJava(rt, hostRef.get());
                    }
                }
            }
            hostRef.close();
            checkNoLeak(engine, rt);
            doing = engine + " close";
            if (random.nextInt(4) == 0) {
                doing = engine + " close while tasks are submitted";
                closing = true;
                closeWhileSubmitting(rt);
            }
        } finally {
            if (!closing) rt.close();
        }
    }

    /** What this thread is doing now. */
    String doing() {
        return doing;
    }

    private void evaluateWithHostCalls(JsRuntime rt) {
        int n = 1 + random.nextInt(200);
        double v = rt.evaluate("var s = 0; for (var i = 0; i < " + n + "; i++) s = h(s); s", "stress.js").asNumber();
        tally.evaluations.increment();
        if (v != n) tally.unexpected("evaluate", new IllegalStateException("expected " + n + ", got " + v));
    }

    private void callFromJava(JsRuntime rt, JsFunction host) {
        JsFunction f = rt.evaluate("(function (o, k) { return o[k] + h(1); })", "call.js").asFunction();
        JsObject o = rt.newObject();
        o.set("k", 40);
        double v = f.call(o, JsValue.of("k")).asNumber();
        host.call(JsValue.of(1));
        tally.evaluations.increment();
        if (v != 42) tally.unexpected("call", new IllegalStateException("expected 42, got " + v));
    }

    private void handles(JsRuntime rt) {
        JsObject keep = rt.evaluate("({ list: [1, 2, 3], nested: { a: {} } })", "objects.js").asObject();
        JsRef<JsObject> ref = keep.persist();
        JsWeakRef<JsObject> weak = rt.weak(keep);
        try (JsScope inner = rt.openScope()) {
            for (int i = 0; i < 20; i++) rt.newArray(JsValue.of(i), rt.newObject());
            tally.handles.add(inner.size());
        }
        ref.get().get("nested").asObject().get("a");
        weak.get();
        weak.close();
        ref.close();
        tally.handles.add(4);
    }

    private void interrupt(JsRuntime rt) {
        AtomicBoolean done = new AtomicBoolean();
        long delayMicros = 200 + random.nextInt(5_000);
        interrupter.schedule(() -> retryInterrupt(rt, done), delayMicros, TimeUnit.MICROSECONDS);
        try {
            rt.evaluate("for (;;) { h(1); }", "loop.js");
            tally.unexpected("interrupt", new IllegalStateException("an endless loop returned"));
        } catch (JsTerminatedException e) {
            if (e.reason() == JsTerminatedException.Reason.INTERRUPTED) tally.interrupts.increment();
            else tally.unexpected("interrupt", e);
        } finally {
            done.set(true);
        }
    }

    private void retryInterrupt(JsRuntime rt, AtomicBoolean done) {
        if (done.get()) return;
        if (!rt.interrupt()) interrupter.schedule(() -> retryInterrupt(rt, done), 1, TimeUnit.MILLISECONDS);
    }

    private void submitAndPump(JsRuntime rt) {
        int n = 1 + random.nextInt(20);
        submitters.execute(() -> {
            for (int i = 0; i < n; i++) submit(rt);
        });
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 + random.nextInt(10));
        while (System.nanoTime() < end) rt.runPendingTasks();
    }

    private void submit(JsRuntime rt) {
        tally.outstanding.incrementAndGet();
        CompletableFuture<Double> f;
        try {
            f = rt.executor().submit(r -> r.evaluate("h(41)", "task.js").asNumber());
        } catch (RuntimeException e) {
            tally.outstanding.decrementAndGet();
            tally.unexpected("submit", e);
            return;
        }
        f.whenComplete((value, failure) -> {
            tally.outstanding.decrementAndGet();
            if (failure == null) {
                tally.tasks.increment();
                if (value != 42) tally.unexpected("task", new IllegalStateException("expected 42, got " + value));
            } else if (!(failure instanceof JsReleasedException)) {
                tally.unexpected("task", failure);
            }
        });
    }

    private void scriptError(JsRuntime rt) {
        try {
            rt.evaluate("h(1); null.boom", "error.js");
            tally.unexpected("script error", new IllegalStateException("null.boom did not throw"));
        } catch (JsError e) {
            if (e.name().filter("TypeError"::equals).isPresent()) tally.scriptErrors.increment();
            else tally.unexpected("script error", e);
        }
    }

    private void checkNoLeak(String engine, JsRuntime rt) {
        RuntimeStats s = rt.stats();
        int left = s.liveHandles() + s.liveRefs() + s.liveWeakRefs() + s.openScopes();
        if (left > 0) {
            tally.leakedHandles.add(left);
            tally.unexpected(engine + " leak", new IllegalStateException("left before close: " + s));
        }
    }

    /** Closes {@code rt} while another thread is still submitting to it: every future must still complete. */
    private void closeWhileSubmitting(JsRuntime rt) {
        int n = 5 + random.nextInt(50);
        submitters.execute(() -> {
            for (int i = 0; i < n; i++) submit(rt);
        });
        rt.runPendingTasks();
        rt.close();
    }
}
