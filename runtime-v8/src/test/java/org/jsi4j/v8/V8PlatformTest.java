package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jsi4j.HostFunction;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The process-wide side of V8: runtimes restored from a native image live beside any other
 * runtime. V8 aborts the whole process when this breaks, so each case runs in its own JVM,
 * which starts with no isolate (the case depends on which isolate is the process's first).
 */
class V8PlatformTest {
    /** Calls {@code log} once: a restore that replayed the setup instead of using the image would call it again. */
    private static final String SETUP = "var greeting = 'hello'; function greet(n) { return greeting + ' ' + log(n); } log('setup');";
    private static final String CHECK = "greet('restored')";
    private static final String EXPECTED = "hello restored!";

    @Test
    void anImageIsRestoredBesideALiveRuntime() throws Exception {
        String out = child("beside");
        assertTrue(out.contains("beside: " + EXPECTED + " [restored!]"), out);
    }

    @Test
    void imagesAreRestoredOnManyThreadsAtOnce() throws Exception {
        String out = child("threads");
        assertEquals(THREADS * ROUNDS, out.lines().filter(("restored: " + EXPECTED)::equals).count(), out);
    }

    /**
     * Without jsi4j's flags: the application started V8 (and sealed Javet's flags) before jsi4j's
     * first runtime, so jsi4j keeps a plain isolate open instead.
     */
    @Test
    void anApplicationThatStartedV8FirstCanRestoreToo() throws Exception {
        assertTrue(child("beside", "javet-first").contains("beside: " + EXPECTED + " [restored!]"));
        String out = child("threads", "javet-first");
        assertEquals(THREADS * ROUNDS, out.lines().filter(("restored: " + EXPECTED)::equals).count(), out);
    }

    private static final int THREADS = 4;
    private static final int ROUNDS = 25;

    /** Runs {@link #main} with {@code args} in a new JVM; fails unless it exits normally. */
    private static String child(String... args) throws IOException, InterruptedException {
        String mode = String.join(" ", args);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib:jdwp") && !flag.startsWith("-javaagent")) command.add(flag);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), V8PlatformTest.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the child JVM (" + mode + ") did not finish within 120 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the child JVM (" + mode + ") died: " + out);
        return out;
    }

    /** A {@code log} external: returns its argument with a "!" and records it in {@code calls}. */
    private static HostFunction exclaim(List<String> calls) {
        return (rt, self, args) -> {
            calls.add(args.get(0).asString() + "!");
            return JsValue.of(calls.get(calls.size() - 1));
        };
    }

    private static JsRuntime restore(V8RuntimeFactory factory, Snapshot snapshot, List<String> calls) {
        return factory.create(RuntimeOptions.fromSnapshot(snapshot).externals(Map.of("log", exclaim(calls))));
    }

    /**
     * The child JVM. The snapshot is taken first, by the process's first isolate (what made V8's
     * blob carry read-only objects of its own). {@code beside}: a plain runtime is kept open while
     * the image is restored. {@code threads}: {@link #THREADS} threads restore {@link #ROUNDS}
     * times each, at once. A second argument {@code javet-first} starts V8 through Javet before jsi4j.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("javet-first")) {
            com.caoccao.javet.interop.V8Host.getV8Instance().createV8Runtime().close();
            if (!com.caoccao.javet.interop.options.V8RuntimeOptions.V8_FLAGS.isSealed()) throw new AssertionError("flags not sealed");
        }
        V8RuntimeFactory factory = new V8RuntimeFactory();
        Snapshot snapshot;
        try (JsRuntime setup = factory.create(RuntimeOptions.forSnapshotting())) {
            setup.external("log", 1, exclaim(new ArrayList<>()));
            setup.evaluate(SETUP, "setup.js");
            snapshot = setup.snapshot();
        }
        if (snapshot.nativeImage().isEmpty()) throw new AssertionError("V8 took no native image");
        if (args[0].equals("beside")) {
            List<String> calls = new ArrayList<>();
            try (JsRuntime other = factory.create(RuntimeOptions.defaults());
                 JsRuntime restored = restore(factory, snapshot, calls)) {
                other.evaluate("var unrelated = [1, 2, 3].map(x => x * 2)", "other.js");
                String result = restored.evaluate(CHECK, "check.js").asString();
                System.out.println("beside: " + result + " " + calls);  // [restored!] unless the setup was replayed
            }
            return;
        }
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < ROUNDS; i++) {
                        try (JsRuntime rt = restore(factory, snapshot, new ArrayList<>())) {
                            String result = rt.evaluate(CHECK, "check.js").asString();
                            synchronized (System.out) {
                                System.out.println("restored: " + result);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failed.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        if (failed.get() != null) {
            failed.get().printStackTrace(System.out);
            System.exit(2);
        }
    }
}
