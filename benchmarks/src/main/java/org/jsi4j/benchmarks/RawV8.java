package org.jsi4j.benchmarks;

import com.caoccao.javet.exceptions.JavetCompilationException;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.exceptions.JavetExecutionException;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.V8Runtime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsi4j.compare.Test262Plan;

/**
 * The raw V8 scenario run of {@link RawScenarios.V8}: a watchdog terminates execution past the
 * limit. Javet reports a thrown value by V8's message ({@code Uncaught TypeError: ...}), from which
 * the name is read.
 */
final class RawV8 {
    private RawV8() {
    }

    /** {@code print} in JavaScript, read back at the end (no Java callback: the loop stays minimal). */
    private static final String PRINT = "var __printed__ = []; function print(m) { __printed__.push(String(m)); }";

    private static List<String> printed(V8Runtime rt) throws JavetException {
        String all = rt.getExecutor("__printed__.join('\\n')").executeString();
        return all == null || all.isEmpty() ? List.of() : List.of(all.split("\n"));
    }

    static Test262Plan.Ending run(Test262Plan.Scenario scenario, Duration limit) {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        int index = 0;
        AtomicBoolean stopped = new AtomicBoolean();
        try (V8Runtime rt = V8Host.getV8Instance().createV8Runtime()) {
            ScheduledFuture<?> stop = RawScenarios.WATCHDOG.schedule(() -> {
                stopped.set(true);
                rt.terminateExecution();
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                rt.getExecutor(PRINT).setResourceName("raw:print.js").executeVoid();
                for (Test262Plan.Script s : scenario.scripts()) {
                    rt.getExecutor(s.source()).setResourceName(s.name()).executeVoid();
                    index++;
                }
                printed.addAll(printed(rt));
                return Test262Plan.Ending.completed(printed);
            } catch (JavetCompilationException e) {
                return new Test262Plan.Ending(index, "SyntaxError", e.getScriptingError().getMessage(), false, printed);
            } catch (JavetExecutionException e) {
                if (stopped.get()) return Test262Plan.Ending.timeout(printed);
                printed.addAll(printed(rt));
                String stack = e.getScriptingError().getStack();
                String message = stack != null && !stack.isBlank() && !stack.startsWith("    at ")
                        ? stack.lines().findFirst().orElse("") : e.getScriptingError().getMessage();
                if (message.startsWith("Uncaught ")) message = message.substring("Uncaught ".length());
                int colon = message.indexOf(':');
                boolean named = colon > 0 && message.substring(0, colon).matches("[A-Za-z_$][\\w$]*");
                return new Test262Plan.Ending(index, named ? message.substring(0, colon) : "Uncaught",
                        named ? message.substring(colon + 1).strip() : message, false, printed);
            } finally {
                stop.cancel(false);
            }
        } catch (JavetException e) {
            if (stopped.get()) return Test262Plan.Ending.timeout(printed);
            return new Test262Plan.Ending(index, "EngineFailure", e.getMessage(), false, printed);
        }
    }
}
