package org.jsi4j.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;

/**
 * The worker JVM of a comparison: {@code WorkerMain ENGINES TEST262_ROOT|-}. Makes each engine's
 * factory once, the engines in parallel (so every runtime of the worker shares its compiled-script cache, and each
 * harness file is compiled once per engine per worker), says {@code @@jsi-compare ready}, then
 * reads one {@link Request} per stdin line and answers each with {@code @@jsi-compare {json TestResult}}
 * on stdout. Whatever else is written to stdout goes to stderr. {@code exit} ends it.
 */
public final class WorkerMain {
    /** The prefix of the worker's protocol lines. */
    public static final String PREFIX = "@@jsi-compare ";
    /**
     * A self-test hook: a test whose source contains this property's value halts the worker JVM
     * with exit code 134, as an engine crash (SIGABRT) would, so that crash isolation can be tested.
     */
    public static final String CRASH_MARKER_PROPERTY = "jsi.compare.crashMarker";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One test to run.
     *
     * @param engine the engine id
     * @param id the test's id
     * @param path the test file
     * @param test262 whether to judge it as a test262 test
     * @param limitMillis the time limit of each runtime entry
     */
    public record Request(String engine, String id, String path, boolean test262, long limitMillis) {
    }

    private WorkerMain() {
    }

    /** {@code WorkerMain ENGINES TEST262_ROOT|-}: ENGINES separated by commas. */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Map<String, JsRuntimeFactory> factories = startEngines(args[0].split(","));
        TestRunner runner = new TestRunner(args[1].equals("-") ? null : new Test262Harness(Path.of(args[1])));
        String crashMarker = System.getProperty(CRASH_MARKER_PROPERTY);
        protocol.println(PREFIX + "ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("exit")) break;
            Request r = JSON.readValue(line, Request.class);
            if (crashMarker != null && Files.readString(Path.of(r.path())).contains(crashMarker)) {
                Runtime.getRuntime().halt(134);
            }
            JsRuntimeFactory factory = factories.get(r.engine());
            TestResult result;
            try {
                result = factory == null
                        ? new TestResult(r.id(), r.engine(), Verdict.FAIL, "no engine", "this worker has no engine " + r.engine(), 0)
                        : runner.run(r.engine(), factory, new TestCase(r.id(), Path.of(r.path()), r.test262()),
                                Duration.ofMillis(r.limitMillis()));
            } catch (RuntimeException e) {
                // a failure of jsi4j itself (not of the script): this test fails, the worker goes on
                result = new TestResult(r.id(), r.engine(), Verdict.FAIL, "jsi4j failure: " + e.getClass().getSimpleName(),
                        "jsi4j failed running the test: " + e, 0);
            }
            protocol.println(PREFIX + JSON.writeValueAsString(result));
        }
        System.exit(0);
    }

    /**
     * Makes each engine's factory and a first runtime, the engines in parallel (their start is
     * mostly class loading and native set-up, which overlap); in the order given.
     */
    private static Map<String, JsRuntimeFactory> startEngines(String[] engines) throws InterruptedException {
        Map<String, CompletableFuture<JsRuntimeFactory>> starting = new LinkedHashMap<>();
        for (String engine : engines) {
            starting.put(engine, CompletableFuture.supplyAsync(() -> {
                JsRuntimeFactory factory = JsEngines.factory(engine);
                try (JsRuntime rt = factory.create()) {
                    rt.evaluate("0", "jsi:warm-up");
                }
                return factory;
            }, r -> {
                Thread t = new Thread(r, "jsi-compare-start-" + engine);
                t.setDaemon(true);
                t.start();
            }));
        }
        Map<String, JsRuntimeFactory> factories = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<JsRuntimeFactory>> e : starting.entrySet()) {
            try {
                factories.put(e.getKey(), e.getValue().get());
            } catch (ExecutionException x) {
                // an engine that cannot start ends the worker with why, as before
                throw x.getCause() instanceof RuntimeException re ? re : new IllegalStateException(x.getCause());
            }
        }
        return factories;
    }

    /** The engines argument for {@code engines}. */
    static String enginesArgument(List<String> engines) {
        return String.join(",", engines);
    }
}
