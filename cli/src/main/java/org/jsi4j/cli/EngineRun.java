package org.jsi4j.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.host.Builtins;
import org.jsi4j.host.ConsoleSink;
import org.jsi4j.host.Inspector;

/**
 * What one script did on one engine, run in a runtime of its own with {@code console} and
 * {@code jsi} installed.
 *
 * @param engine the engine id
 * @param outcome how it ended
 * @param error for {@link Outcome#ERROR}: {@code Name: message} as the engine words it; else empty
 * @param errorName for {@link Outcome#ERROR}: the error's name ({@code TypeError}), what engines must agree on
 * @param output the console lines; warn and error lines start with {@code [warn] } or {@code [error] }
 * @param value the completion value, inspected as {@code console.log} would show it; empty unless ok
 * @param time how long creating the runtime, the script and its event loop took
 */
record EngineRun(String engine, Outcome outcome, String error, String errorName, List<String> output, String value,
                 Duration time) {
    /** How a script ended. */
    enum Outcome {
        /** It ran to the end and its pending work finished. */
        OK,
        /** It threw, or did not parse. */
        ERROR,
        /** It, or its pending work, ran past the time limit. */
        TIMEOUT;

        /** {@code ok}, {@code error}, {@code timeout}. */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Copies the output. */
    EngineRun {
        output = List.copyOf(output);
    }

    /** Extra time a runaway engine gets to stop before the run is given up as a timeout. */
    static final Duration GRACE = Duration.ofSeconds(2);

    /**
     * Runs {@code source} on a thread of its own, so that an engine that does not stop cannot
     * hold up the others: past {@code limit} plus {@link #GRACE} the run counts as a timeout.
     */
    static EngineRun run(String engine, JsRuntimeFactory factory, String source, String sourceName, Duration limit) {
        long start = System.nanoTime();
        CompletableFuture<EngineRun> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(runHere(engine, factory, source, sourceName, limit, start));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "jsi-compare-" + engine);
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(limit.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            return new EngineRun(engine, Outcome.TIMEOUT, "", "", List.of(), "", elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EngineRun(engine, Outcome.ERROR, "interrupted", "", List.of(), "", elapsed(start));
        } catch (ExecutionException e) {
            String message = "jsi: the " + engine + " engine failed: " + e.getCause();
            return new EngineRun(engine, Outcome.ERROR, message, "EngineFailure", List.of(), "", elapsed(start));
        }
    }

    private static EngineRun runHere(String engine, JsRuntimeFactory factory, String source, String sourceName,
                                     Duration limit, long start) {
        List<String> output = new ArrayList<>();
        ConsoleSink sink = (level, line) -> {
            synchronized (output) {
                output.add(level.isProblem() ? "[" + level.methodName() + "] " + line : line);
            }
        };
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTimeLimit(limit))) {
            try {
                Builtins.install(rt, sink, List.of());
                JsValue value = rt.evaluate(source, sourceName);
                String shown = Inspector.inspect(rt, value);
                if (!rt.runEventLoop(limit)) {
                    return new EngineRun(engine, Outcome.TIMEOUT, "", "", output, "", elapsed(start));
                }
                return new EngineRun(engine, Outcome.OK, "", "", output, shown, elapsed(start));
            } catch (JsError e) {
                String name = e.name().orElse("Uncaught");
                String message = e.name().isPresent() ? name + (e.jsMessage().isEmpty() ? "" : ": " + e.jsMessage())
                        : "Uncaught " + e.jsMessage();
                return new EngineRun(engine, Outcome.ERROR, message, name, output, "", elapsed(start));
            }
        } catch (JsSyntaxError e) {
            return new EngineRun(engine, Outcome.ERROR, e.getMessage(), "SyntaxError", output, "",
                    elapsed(start));
        } catch (JsTerminatedException e) {
            return new EngineRun(engine, Outcome.TIMEOUT, "", "", output, "", elapsed(start));
        } catch (JsException e) {
            return new EngineRun(engine, Outcome.ERROR, "jsi: the " + engine + " engine failed: " + e.getMessage(),
                    "EngineFailure", output, "", elapsed(start));
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * What must be equal for engines to agree: the outcome, the error's name (not its wording,
     * which differs between engines), the completion value and the console output. Time is not.
     */
    List<String> comparable() {
        List<String> lines = new ArrayList<>();
        lines.add("outcome: " + outcome.label() + (outcome == Outcome.ERROR ? " (" + errorName + ")" : ""));
        if (outcome == Outcome.OK) lines.add("value: " + value);
        lines.add("console:");
        for (String line : output) lines.add("  " + line);
        return lines;
    }
}
