package org.jsi4j.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Runs a plain script (no test262 frontmatter) on one engine, in a runtime of its own with
 * {@code console} and {@code jsi} installed, and its event loop run to the end. It passes when it
 * completes without an uncaught error. Engines agree when the outcome ({@code ok}, the error's
 * name, {@code timeout}), the completion value (as {@code console.log} shows it) and the console
 * output are equal; error wording and time are shown, not compared.
 */
final class ScriptRun {
    private ScriptRun() {
    }

    static TestResult run(String engine, JsRuntimeFactory factory, String id, String source, Duration limit) {
        long start = System.nanoTime();
        List<String> output = new ArrayList<>();
        ConsoleSink sink = (level, line) -> {
            synchronized (output) {
                output.add(level.isProblem() ? "[" + level.methodName() + "] " + line : line);
            }
        };
        Verdict verdict;
        String head;
        String message = "";
        String value = null;
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTimeLimit(limit))) {
            Builtins.install(rt, sink, List.of());
            JsValue v = rt.evaluate(source, id);
            value = Inspector.inspect(rt, v);
            boolean idle = rt.runEventLoop(limit);
            verdict = idle ? Verdict.PASS : Verdict.TIMEOUT;
            head = idle ? "ok" : "timeout";
            if (!idle) value = null;
        } catch (JsSyntaxError e) {
            verdict = Verdict.FAIL;
            head = "error (SyntaxError)";
            message = e.getMessage();
        } catch (JsError e) {
            String name = e.name().orElse("Uncaught");
            verdict = Verdict.FAIL;
            head = "error (" + name + ")";
            message = e.name().isPresent() ? name + (e.jsMessage().isEmpty() ? "" : ": " + e.jsMessage()) : "Uncaught " + e.jsMessage();
        } catch (JsTerminatedException e) {
            verdict = Verdict.TIMEOUT;
            head = "timeout";
            message = e.reason() == JsTerminatedException.Reason.TIME_LIMIT ? "" : e.getMessage();
        } catch (JsException e) {
            verdict = Verdict.FAIL;
            head = "error (EngineFailure)";
            message = "the " + engine + " engine failed: " + e.getMessage();
        }
        List<String> lines = new ArrayList<>();
        lines.add("outcome: " + head);
        if (value != null) lines.add("value: " + value);
        lines.add("console:");
        synchronized (output) {
            for (String line : output) lines.add("  " + line);
        }
        return new TestResult(id, engine, verdict, String.join("\n", lines), message, (System.nanoTime() - start) / 1e6);
    }
}
