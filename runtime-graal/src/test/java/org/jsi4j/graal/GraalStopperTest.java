package org.jsi4j.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsTerminatedException.Reason;
import org.junit.jupiter.api.Test;

/** The stop listener on a bare engine: what GraalJS does with a GraalStop, and when the listener is attached. */
class GraalStopperTest {
    @Test
    void stopIsUncatchableStopsOnlyItsContextAndEndsWhenCancelled() throws Exception {
        try (Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
             Context stopped = Context.newBuilder("js").engine(engine).build();
             Context other = Context.newBuilder("js").engine(engine).build()) {
            GraalStopper stopper = new GraalStopper(engine, false);
            Object handle = stopper.handleOf(stopped);
            stopped.eval("js", "var caught = 0, n = 0;");
            CountDownLatch running = new CountDownLatch(1);
            stopped.getBindings("js").putMember("running", (ProxyExecutable) args -> {
                running.countDown();
                return null;
            });
            AtomicReference<Runnable> stop = new AtomicReference<>();
            Thread stopping = Thread.ofVirtual().start(() -> {
                try {
                    running.await();
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                stop.set(stopper.stop(handle, new GraalStop(new JsTerminatedException(Reason.INTERRUPTED, "stop", true))));
            });
            PolyglotException e = assertThrows(PolyglotException.class, () -> stopped.eval("js",
                    "running(); while (true) { try { for (;;) { n++; } } catch (e) { caught++; } finally { continue; } }"));
            stopping.join();
            // a ThreadDeath from a thread-local action reaches the host as an internal error naming it
            assertTrue(e.isInternalError() && e.getMessage().contains(GraalStop.class.getName()), e::toString);
            assertEquals(6, other.eval("js", "var s = 0; for (var i = 0; i < 4; i++) { s += i; } s").asInt(),
                    "other contexts of the engine run on");
            assertThrows(PolyglotException.class, () -> stopped.eval("js", "for (var i = 0; i < 10; i++) {} n"),
                    "stopped until cancelled");
            stop.get().run();
            assertEquals(0, stopped.eval("js", "for (var i = 0; i < 10; i++) {} caught").asInt(), "no catch block ran");
            assertTrue(stopped.eval("js", "n").asInt() > 0);
        }
    }

    @Test
    void countingStopperChargesOnlyTheBudgetEnteredOnTheThread() {
        try (Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
             Context context = Context.newBuilder("js").engine(engine).build()) {
            GraalStopper stopper = new GraalStopper(engine, true);
            assertEquals(100_000, context.eval("js", "var n = 0; for (var i = 0; i < 100000; i++) { n++; } n").asInt(),
                    "no budget entered, nothing charged");
            GraalStopper.Budget budget = new GraalStopper.Budget(1_000);
            GraalStopper.Budget previous = stopper.enter(budget);
            try {
                PolyglotException e = assertThrows(PolyglotException.class,
                        () -> context.eval("js", "n = 0; for (;;) { n++; }"));
                assertEquals(Reason.STATEMENT_LIMIT, assertInstanceOf(GraalStop.class, e.asHostException()).termination().reason());
                assertThrows(PolyglotException.class, () -> context.eval("js", "1 + 2"), "the budget is spent");
                budget.restart();
                int n = context.eval("js", "n").asInt();
                assertTrue(n > 100 && n < 1_000, "stopped at " + n);
            } finally {
                stopper.leave(previous);
            }
        }
    }
}
