package org.jsi4j.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;

/**
 * The worker JVM of a comparison: {@code WorkerMain ENGINES TEST262_ROOT|- LANES}. Makes each
 * engine's factory once, the engines in parallel, says {@code @@jsi-compare ready}, then reads one
 * {@link Request} per stdin line and runs it on one of its LANES threads (<em>lanes</em>). Each lane
 * makes its own runtimes (a jsi4j runtime belongs to one thread); the lanes share the factories (and
 * so each engine's compiled-script cache: a harness file is compiled once per engine per worker),
 * the harness files and this JVM's compiled Java. A lane that takes a request says
 * {@code @@jsi-compare {"id":ID}} ({@link Reply} without result: started), and answers it with
 * {@code @@jsi-compare {"id":ID,"result":{TestResult}}}; answers come in the order the tests end,
 * not the order they were sent. Whatever else is written to stdout goes to stderr. {@code exit}
 * ends it.
 */
public final class WorkerMain {
    /** The prefix of the worker's protocol lines. */
    public static final String PREFIX = "@@jsi-compare ";
    /**
     * A self-test hook: a test whose source contains this property's value halts the worker JVM
     * with exit code 134, as an engine crash (SIGABRT) would, so that crash isolation can be tested.
     */
    public static final String CRASH_MARKER_PROPERTY = "jsi.compare.crashMarker";
    /**
     * A self-test hook: a test whose source contains this property's value never answers (its lane
     * sleeps), as an engine that ignores its time limit would, so that the hard limit can be tested.
     */
    public static final String HANG_MARKER_PROPERTY = "jsi.compare.hangMarker";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One test to run.
     *
     * @param seq the request's number, which its replies carry
     * @param engine the engine id
     * @param id the test's id
     * @param path the test file
     * @param test262 whether to judge it as a test262 test
     * @param limitMillis the time limit of each runtime entry
     */
    public record Request(long seq, String engine, String id, String path, boolean test262, long limitMillis) {
    }

    /**
     * A reply to request {@code seq}: {@code result} {@code null} when a lane started running it,
     * else how it ended.
     */
    public record Reply(long seq, TestResult result) {
    }

    private WorkerMain() {
    }

    /** {@code WorkerMain ENGINES TEST262_ROOT|- [LANES]}: ENGINES separated by commas; LANES 1 when absent. */
    public static void main(String[] args) throws Exception {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        Map<String, JsRuntimeFactory> factories = startEngines(args[0].split(","));
        TestRunner runner = new TestRunner(args[1].equals("-") ? null : new Test262Harness(Path.of(args[1])));
        int lanes = args.length > 2 ? Math.max(1, Integer.parseInt(args[2])) : 1;
        Lanes work = new Lanes(factories, runner, protocol);
        BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        for (int i = 0; i < lanes; i++) {
            Thread lane = new Thread(() -> work.serve(requests), "jsi-compare-lane-" + i);
            lane.setDaemon(true);
            lane.start();
        }
        work.say("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) requests.add(line);
        // the parent sends exit with nothing in flight; at EOF it is gone: what runs has no one to answer
        System.exit(0);
    }

    /** What the lanes of a worker share: the factories, the runner, and the protocol stream. */
    private record Lanes(Map<String, JsRuntimeFactory> factories, TestRunner runner, OutputStream protocol) {
        void serve(BlockingQueue<String> requests) {
            String crashMarker = System.getProperty(CRASH_MARKER_PROPERTY);
            String hangMarker = System.getProperty(HANG_MARKER_PROPERTY);
            try {
                while (true) {
                    Request r = JSON.readValue(requests.take(), Request.class);
                    say(JSON.writeValueAsString(new Reply(r.seq(), null)));
                    if (crashMarker != null || hangMarker != null) selfTest(r, crashMarker, hangMarker);
                    say(JSON.writeValueAsString(new Reply(r.seq(), run(r))));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // an unreadable request or a parent that is gone: nothing this lane can answer; the parent's hard limit ends it
                throw new UncheckedIOException(e);
            }
        }

        private TestResult run(Request r) {
            JsRuntimeFactory factory = factories.get(r.engine());
            if (factory == null) {
                return new TestResult(r.id(), r.engine(), Verdict.FAIL, "no engine", "this worker has no engine " + r.engine(), 0);
            }
            try {
                return runner.run(r.engine(), factory, new TestCase(r.id(), Path.of(r.path()), r.test262()),
                        Duration.ofMillis(r.limitMillis()));
            } catch (RuntimeException e) {
                // a failure of jsi4j itself (not of the script): this test fails, the worker goes on
                return new TestResult(r.id(), r.engine(), Verdict.FAIL, "jsi4j failure: " + e.getClass().getSimpleName(),
                        "jsi4j failed running the test: " + e, 0);
            }
        }

        /**
         * Writes one protocol line in one write, under a lock: lines of several lanes never mix, and
         * a line is never split by what another thread prints to stderr between two pieces of it.
         */
        void say(String message) throws IOException {
            byte[] line = (PREFIX + message + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                protocol.write(line);
                protocol.flush();
            }
        }
    }

    private static void selfTest(Request r, String crashMarker, String hangMarker) throws IOException, InterruptedException {
        String source = Files.readString(Path.of(r.path()));
        if (crashMarker != null && source.contains(crashMarker)) Runtime.getRuntime().halt(134);
        if (hangMarker != null && source.contains(hangMarker)) Thread.sleep(Long.MAX_VALUE);
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

    /** The request line for {@code request}. */
    static String line(Request request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
