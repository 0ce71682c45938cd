package org.jsi4j.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsEngines;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.RuntimeOptions;
import java.time.Duration;

/**
 * The child JVM of the hostile suite: runs the cases of one engine one after another as the
 * parent asks, and answers each on stdout with one line {@code @@hostile {json Observation}}.
 * Anything else written to stdout (by a case or an engine) is moved to stderr. A case that does
 * not end within the budget is reported as a hang, with where it was stuck, and the JVM halts; the
 * parent starts a new child for the next case.
 *
 * <p>Protocol: the child prints {@code @@hostile ready}, then reads lines {@code run ID} and
 * {@code exit} from stdin.
 */
public final class Worker {
    /** The prefix of every protocol line the child writes. */
    public static final String PREFIX = "@@hostile ";
    /** The system property that sets how long a case may run in the child before it counts as a hang. */
    public static final String BUDGET_PROPERTY = "jsi.hostile.caseBudgetMillis";
    /** How long a case may run, by default, before it counts as a hang. */
    public static final long DEFAULT_BUDGET_MILLIS = 10_000;
    private static final long CASE_BUDGET_MILLIS = Long.getLong(BUDGET_PROPERTY, DEFAULT_BUDGET_MILLIS);

    private static final ObjectMapper JSON = new ObjectMapper();

    private Worker() {
    }

    /** {@code Worker ENGINE}. */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        String engine = args[0];
        warmUp(engine);
        protocol.println(PREFIX + "ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("exit")) break;
            if (!line.startsWith("run ")) continue;
            HostileCase c = Catalogue.get(line.substring(4).strip());
            Observation o = run(engine, c);
            protocol.println(PREFIX + JSON.writeValueAsString(o));
            if (o.kind() == Observation.Kind.HANG) Runtime.getRuntime().halt(3);
        }
        System.exit(0);
    }

    /**
     * Runs one time-limited endless loop, so that the engine's first termination in a cold JVM
     * (class loading, compilation of the stop path) is not charged to the first case.
     */
    private static void warmUp(String engine) {
        try (JsRuntime rt = JsEngines.factory(engine).create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(300)))) {
            rt.evaluate("for (;;) {}", "warm-up.js");
        } catch (JsTerminatedException expected) {
            // the limit stopped it, as it should
        }
    }

    /** Runs {@code c} on a new thread and observes how it ends; then checks the engine still works. */
    static Observation run(String engine, HostileCase c) throws InterruptedException {
        CaseContext ctx = new CaseContext(engine);
        AtomicReference<Observation> seen = new AtomicReference<>();
        AtomicReference<String> closeProblem = new AtomicReference<>();
        long start = System.nanoTime();
        Thread thread = new Thread(null, () -> {
            Observation o;
            try {
                Object value = c.body().run(ctx);
                o = new Observation(Observation.Kind.RETURNED, null, null, null, Text.firstLine(String.valueOf(value)),
                        null, null, 0, null, null);
            } catch (Throwable t) {
                o = threw(t);
            }
            seen.set(o);
            closeProblem.set(ctx.closeAll(Thread.currentThread()));
        }, "hostile-case", c.stackKb() * 1024L);
        thread.setDaemon(true);
        thread.start();
        long budget = c.budget(CASE_BUDGET_MILLIS);
        thread.join(budget);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (thread.isAlive()) {
            String where = Arrays.stream(thread.getStackTrace()).limit(12).map(String::valueOf)
                    .collect(Collectors.joining(" < "));
            return new Observation(Observation.Kind.HANG, null, null, null, "no end within " + budget / 1000
                    + " s" + (seen.get() == null ? "" : " (closing the case's runtimes after: " + seen.get().summary() + ")"),
                    null, null, millis, Text.shorten(where, 1500), null);
        }
        Observation o = seen.get();
        o = new Observation(o.kind(), o.type(), o.jsName(), o.reason(), o.message(), o.jsMessage(), o.cause(), millis,
                o.detail(), null);
        String after = closeProblem.get() != null ? closeProblem.get() : healthCheck(engine);
        return after == null ? o : o.withAfterCheck(after);
    }

    private static Observation threw(Throwable t) {
        String jsName = null;
        String jsMessage = null;
        String reason = null;
        if (t instanceof JsError e) {
            jsName = e.name().orElse("");
            jsMessage = Text.escape(Text.shorten(e.jsMessage(), 400));
        }
        if (t instanceof JsTerminatedException e) reason = String.valueOf(e.reason());
        String detail = null;
        if (!(t instanceof org.jsi4j.JsException) && !(t instanceof IllegalArgumentException)
                && !(t instanceof IllegalStateException)) {
            detail = Arrays.stream(t.getStackTrace()).limit(8).map(String::valueOf).collect(Collectors.joining(" < "));
        }
        return new Observation(Observation.Kind.THREW, t.getClass().getName(), jsName, reason, Text.firstLine(t.getMessage()),
                jsMessage, t.getCause() == null ? null : t.getCause().getClass().getName(), 0, detail, null);
    }

    /** {@code null} when a new runtime of the engine still evaluates {@code 6 * 7}; else what failed. */
    private static String healthCheck(String engine) {
        try (JsRuntime rt = JsEngines.factory(engine).create()) {
            double v = rt.evaluate("6 * 7", "health.js").asNumber();
            return v == 42 ? null : "a new runtime evaluated 6 * 7 to " + v;
        } catch (Throwable t) {
            return Text.firstLine("a new runtime failed: " + t);
        }
    }
}
