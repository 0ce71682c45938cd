package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;

class StoppableArrayBuiltinsTest {
    private static final RhinoRuntimeFactory FACTORY = new RhinoRuntimeFactory();

    @Test
    void fillDoesWhatRhinosFillDoes() {
        try (JsRuntime rt = FACTORY.create()) {
            assertEquals("1,0,0,4|1,9,9|x,x,x|1,fill|5|0,1|true|,7,", rt.evaluate("[[1, 2, 3, 4].fill(0, 1, 3).join(),"
                    + " [1, 2, 3].fill(9, -2).join(), Array.prototype.fill.call({ length: 3 }, 'x')[2] + ',x,x',"
                    + " Array.prototype.fill.length + ',' + Array.prototype.fill.name, new Array(5).fill().length,"
                    + " Object.keys([, ,].fill(1)).join(), Object.getOwnPropertyDescriptor(Array.prototype, 'fill').enumerable === false,"
                    + " [1, 2, 3].fill(7, 1, -1).join().replace(/[13]/g, '')].join('|')", "fill.js").asString());
        }
    }

    @Test
    void aHugeFillEndsAtTheTimeLimit() {
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            JsTerminatedException e = assertThrows(JsTerminatedException.class,
                    () -> rt.evaluate("new Array(1e8).fill(1.5)", "bomb.js"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(JsTerminatedException.Reason.TIME_LIMIT, e.reason());
            assertTrue(ms < 5_000, "stopped after " + ms + " ms (Rhino's own fill ran until the heap was exhausted)");
            assertEquals(3, rt.evaluate("[1, 2].fill(0).length + 1", "after.js").asNumber(), "the runtime goes on");
        }
    }

    @Test
    void aHugeFillEndsOnInterrupt() throws Exception {
        try (JsRuntime rt = FACTORY.create()) {
            CountDownLatch running = new CountDownLatch(1);
            rt.global().set("running", rt.function("running", 0, (r, self, args) -> {
                running.countDown();
                return JsValue.undefined();
            }));
            Thread stopper = new Thread(() -> {
                try {
                    running.await();
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    return;
                }
                rt.interrupt();
            });
            stopper.start();
            JsTerminatedException e = assertThrows(JsTerminatedException.class,
                    () -> rt.evaluate("running(); Array.prototype.fill.call({ length: 2 ** 40 }, 0)", "bomb.js"));
            assertEquals(JsTerminatedException.Reason.INTERRUPTED, e.reason());
            stopper.join();
        }
    }
}
