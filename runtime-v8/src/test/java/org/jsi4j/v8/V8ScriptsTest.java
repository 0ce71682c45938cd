package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import java.time.Duration;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.PreparedScript;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.junit.jupiter.api.Test;

/** V8 code is compiled once per factory and deserialized by every later runtime, each with its own state. */
class V8ScriptsTest {
    private static final String BUNDLE = "var counter = 0; function bump() { return ++counter; }\n"
            + "function twice(x) { return [x, x].join('-'); }\n"
            + "/* " + "padding ".repeat(200) + " */\n" + "twice(bump())";

    @Test
    void laterRuntimesReuseTheCodeAndKeepTheirOwnState() {
        V8RuntimeFactory factory = new V8RuntimeFactory();
        try (JsRuntime a = factory.create()) {
            assertEquals(0, reusedBy(factory, () -> assertEquals(JsValue.of("1-1"), a.evaluate(BUNDLE, "bundle.js"))));
            assertEquals(JsValue.of(2), a.evaluate("bump()", "a.js"));
        }
        for (int i = 0; i < 3; i++) {
            try (JsRuntime b = factory.create()) {
                // the code is made the second time the source is seen, so one-off scripts are not serialized
                assertEquals(i == 0 ? 0 : 1, reusedBy(factory, () -> assertEquals(JsValue.of("1-1"), b.evaluate(BUNDLE, "bundle.js"))));
                assertEquals(JsValue.of(2), b.evaluate("bump()", "b.js"), "a fresh runtime starts from the script's own state");
            }
        }
        try (JsRuntime c = factory.create(); JsRuntime d = factory.create()) {
            PreparedScript[] p = new PreparedScript[1];
            assertEquals(1, reusedBy(factory, () -> p[0] = c.prepare(BUNDLE, "bundle.js")), "a prepared script comes from the same cache");
            assertEquals(JsValue.of("1-1"), p[0].run());
            assertEquals(JsValue.of("1-1"), p[0].run(), "a second run starts the bundle's state again");
            assertEquals(JsValue.of(2), c.evaluate("bump()", "c.js"));
            assertEquals(0, reusedBy(factory, () -> d.evaluate(BUNDLE, "other-name.js")), "another source name is another script");
            String sameLength = BUNDLE.replace("'-'", "'+'");
            assertEquals(BUNDLE.length(), sameLength.length());
            // V8's own check of the source is its length: the text in the key keeps this from running BUNDLE's code
            assertEquals(0, reusedBy(factory, () -> assertEquals(JsValue.of("1+1"), d.evaluate(sameLength, "bundle.js"))));
            assertEquals(JsValue.of(1), d.evaluate("counter", "d.js"));
        }
        assertEquals(0, factory.refusedScripts());
    }

    @Test
    void preparedScriptsAreSharedAcrossRuntimes() {
        V8RuntimeFactory factory = new V8RuntimeFactory();
        try (JsRuntime a = factory.create()) {
            assertEquals(0, reusedBy(factory, () -> a.prepare(BUNDLE, "prepared.js").run()));
        }
        try (JsRuntime b = factory.create()) {
            PreparedScript p = b.prepare(BUNDLE, "prepared.js");
            assertEquals(1, reusedBy(factory, () -> b.evaluate(BUNDLE, "prepared.js")), "an evaluation uses a prepared script's code");
            assertEquals(JsValue.of(2), b.evaluate("bump()", "b.js"));
            assertEquals(JsValue.of("1-1"), p.run());
        }
    }

    @Test
    void damagedOrForeignCodeIsRefusedRecompiledAndReplaced() {
        V8RuntimeFactory factory = new V8RuntimeFactory();
        for (int i = 0; i < 2; i++) {
            try (JsRuntime a = factory.create()) {
                a.evaluate(BUNDLE, "bundle.js");
            }
        }
        // 0: the magic number; 4: the V8 version; 12: the flags; 20: the payload length
        for (int offset : new int[] {0, 4, 12, 20}) {
            damage(factory, offset);
            long refused = factory.refusedScripts();
            try (JsRuntime b = factory.create()) {
                assertEquals(0, reusedBy(factory, () -> assertEquals(JsValue.of("1-1"), b.evaluate(BUNDLE, "bundle.js"))));
                assertEquals(JsValue.of(2), b.evaluate("bump()", "b.js"));
            }
            assertEquals(refused + 1, factory.refusedScripts(), "offset " + offset);
            try (JsRuntime c = factory.create()) {
                assertEquals(1, reusedBy(factory, () -> assertEquals(JsValue.of("1-1"), c.evaluate(BUNDLE, "bundle.js"))),
                        "the refused entry was replaced by fresh code");
            }
        }
    }

    @Test
    void syntaxErrorsAreNotCachedAndSayWhere() {
        V8RuntimeFactory factory = new V8RuntimeFactory();
        String broken = BUNDLE + "\nfunction (";
        for (int i = 0; i < 2; i++) {
            try (JsRuntime rt = factory.create()) {
                JsSyntaxError e = assertThrows(JsSyntaxError.class, () -> rt.evaluate(broken, "broken.js"));
                assertTrue(e.getMessage().contains("broken.js:5:"), e.getMessage());
                assertThrows(JsSyntaxError.class, () -> rt.prepare(broken, "broken.js"));
            }
        }
        assertEquals(0, factory.reusedScripts());
    }

    @Test
    void cachedCodeKeepsTheTimeLimitAndSnapshots() {
        V8RuntimeFactory factory = new V8RuntimeFactory();
        String endless = BUNDLE + ";\nwhile (true) {}";
        for (int i = 0; i < 2; i++) {
            try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(200)))) {
                JsTerminatedException e = assertThrows(JsTerminatedException.class, () -> rt.evaluate(endless, "endless.js"));
                assertEquals(JsTerminatedException.Reason.TIME_LIMIT, e.reason());
            }
        }
        for (int i = 0; i < 2; i++) {
            try (JsRuntime warm = factory.create()) {
                warm.evaluate(BUNDLE, "bundle.js");
            }
        }
        Snapshot snapshot;
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            // V8 aborts the process when an isolate that may take a snapshot serializes code: it has no code cache
            assertEquals(0, reusedBy(factory, () -> rt.evaluate(BUNDLE, "bundle.js")));
            rt.evaluate("bump()", "s.js");
            snapshot = rt.snapshot();
        }
        assertNotNull(snapshot);
        for (int i = 0; i < 2; i++) {
            try (JsRuntime restored = factory.create(RuntimeOptions.fromSnapshot(snapshot))) {
                assertEquals(JsValue.of(3), restored.evaluate("bump()", "r.js"));
                // a restored runtime may take a snapshot again: it compiles for itself, like a snapshotting one
                assertEquals(0, reusedBy(factory, () -> assertEquals(JsValue.of("1-1"), restored.evaluate(BUNDLE, "bundle.js"))));
            }
        }
        assertEquals(0, factory.refusedScripts());
    }

    @Test
    void aPreparedScriptFromCachedCodeCanBeInterrupted() throws InterruptedException {
        V8RuntimeFactory factory = new V8RuntimeFactory();
        String spin = BUNDLE + ";\nwhile (true) { bump(); }";
        try (JsRuntime a = factory.create()) {
            a.prepare(spin, "spin.js");
        }
        // the time limit is only a safety net: the interrupt must stop it first
        try (JsRuntime b = factory.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofSeconds(20)))) {
            PreparedScript p = b.prepare(spin, "spin.js");
            assertEquals(1, factory.reusedScripts());
            java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
            Thread stopper = new Thread(() -> {
                // re-sent until the run ends: an interrupt that comes before the loop starts stops nothing
                while (!ended.get()) {
                    b.interrupt();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            stopper.start();
            JsTerminatedException e;
            try {
                e = assertThrows(JsTerminatedException.class, p::run);
            } finally {
                ended.set(true);
                stopper.join();
            }
            assertEquals(JsTerminatedException.Reason.INTERRUPTED, e.reason());
            assertTrue(b.evaluate("counter", "after.js").asNumber() > 0, "the loop ran");
        }
    }

    /** Damages the factory's code for BUNDLE as plain runtimes (not restored from an image) use it. */
    private static void damage(V8RuntimeFactory factory, int offset) {
        V8Runtime plain = V8Platform.newRuntime();
        try {
            factory.scripts().damage(plain, "bundle.js", BUNDLE, offset);
        } catch (JavetException e) {
            throw new AssertionError(e);
        } finally {
            try {
                plain.close();
            } catch (JavetException ignored) {
                // the test's result does not depend on it
            }
        }
    }

    private static long reusedBy(V8RuntimeFactory factory, Runnable action) {
        long before = factory.reusedScripts();
        action.run();
        return factory.reusedScripts() - before;
    }
}
