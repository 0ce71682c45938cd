package org.jsi4j.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;

/**
 * The other JVM of the snapshot tests: {@code SnapshotProcess ENGINE BLOB EXPRESSION} restores the
 * blob on the engine with a {@code log} external that collects its argument, evaluates the
 * expression and prints its string value, then {@code logged:} and what {@code log} received.
 */
public final class SnapshotProcess {
    private SnapshotProcess() {
    }

    /** Restores per thread in {@link #main} when a thread count is given. */
    static final int ROUNDS = 15;
    /** Threads the concurrent-restore test asks for (V8 aborted 7 runs in 8 with four, before its fix). */
    static final int THREADS = 4;

    /**
     * Restores, evaluates, prints; exits 2 with the error on failure. A fourth argument N restores
     * on N threads at once, {@link #ROUNDS} times each, printing each result.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 3) {
            int threads = Integer.parseInt(args[3]);
            byte[] blob = Files.readAllBytes(Path.of(args[1]));
            List<Thread> all = new ArrayList<>();
            java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                all.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < ROUNDS; i++) {
                            try (JsRuntime rt = JsEngines.factory(args[0]).create(RuntimeOptions.fromSnapshot(blob)
                                    .externals(Map.of("log", SnapshotsTest.collector(new ArrayList<>()))))) {
                                String result = rt.evaluate(args[2], "check.js").asString();
                                synchronized (System.out) {
                                    System.out.println(result);
                                }
                            }
                        }
                    } catch (Throwable e) {
                        failed.set(e);
                    }
                }));
            }
            all.forEach(Thread::start);
            for (Thread t : all) t.join();
            if (failed.get() != null) {
                System.out.println("failed: " + failed.get());
                System.exit(2);
            }
            return;
        }
        List<String> logged = new ArrayList<>();
        try (JsRuntime rt = JsEngines.factory(args[0]).create(
                RuntimeOptions.fromSnapshot(Files.readAllBytes(Path.of(args[1])))
                        .externals(Map.of("log", SnapshotsTest.collector(logged))))) {
            JsValue result = rt.evaluate(args[2], "check.js");
            System.out.println(result.asString());
            System.out.println("logged:" + String.join("|", logged));
        } catch (RuntimeException e) {
            System.out.println("failed: " + e);
            System.exit(2);
        }
    }
}
