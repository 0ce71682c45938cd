package org.jsi4j.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jsi4j.Capabilities;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsString;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.modules.ModuleResolutionException;

/**
 * Runs one test on one engine through jsi4j, in this JVM: a test262 test as its
 * {@link Test262Plan} says (each scenario in a fresh runtime), a plain script as {@link ScriptRun}
 * does. The worker JVMs of a comparison run tests with this; so can a JUnit test.
 */
public final class TestRunner {
    private final Test262Harness harness;

    /** A runner for plain scripts and, when {@code harness} is not {@code null}, test262 tests. */
    public TestRunner(Test262Harness harness) {
        this.harness = harness;
    }

    /** Runs {@code test} on {@code engine} (made by {@code factory}), each runtime limited to {@code limit}. */
    public TestResult run(String engine, JsRuntimeFactory factory, TestCase test, Duration limit) {
        String source;
        try {
            source = Files.readString(test.path());
        } catch (IOException e) {
            return new TestResult(test.id(), engine, Verdict.FAIL, "unreadable", "cannot read " + test.path() + ": " + e, 0);
        }
        if (!test.test262() || harness == null) {
            return ScriptRun.run(engine, factory, test.id(), source, limit);
        }
        return judge(engine, test.id(), test.path(), source, harness, factory.capabilities(), (s, l) -> runScenario(factory, s, l),
                limit);
    }

    /**
     * Runs test262 test {@code id} ({@code source}) with {@code runner} and judges it: unsupported
     * when it needs what {@code capabilities} lack, else each scenario of its {@link Test262Plan}
     * until one does not pass.
     */
    public static TestResult judge(String engine, String id, String source, Test262Harness harness, Capabilities capabilities,
                                   ScenarioRunner runner, Duration limit) {
        return judge(engine, id, null, source, harness, capabilities, runner, limit);
    }

    /**
     * Like {@link #judge(String, String, String, Test262Harness, Capabilities, ScenarioRunner, Duration)}
     * for the test file {@code file}, which a {@code module} test needs (its imports resolve next to it).
     */
    public static TestResult judge(String engine, String id, Path file, String source, Test262Harness harness,
                                   Capabilities capabilities, ScenarioRunner runner, Duration limit) {
        long start = System.nanoTime();
        Test262Plan plan;
        try {
            plan = Test262Plan.of(id, source, harness, file);
        } catch (IllegalArgumentException e) {
            return new TestResult(id, engine, Verdict.FAIL, "bad test: " + e.getMessage(), e.getMessage(), 0);
        }
        Optional<String> unsupported = Test262Features.unsupported(plan.frontmatter(), source, capabilities);
        if (unsupported.isPresent()) {
            return new TestResult(id, engine, Verdict.UNSUPPORTED, "unsupported", unsupported.get(), 0);
        }
        Test262Plan.Judgement worst = null;
        for (Test262Plan.Scenario s : plan.scenarios()) {
            Test262Plan.Judgement j = plan.judge(s, runner.run(s, limit));
            if (j.verdict() != Verdict.PASS) {
                worst = j;
                break;
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (worst == null) return new TestResult(id, engine, Verdict.PASS, "pass", "", millis);
        return new TestResult(id, engine, worst.verdict(), worst.outcome(), worst.message(), millis);
    }

    /**
     * Evaluates the scenario's scripts in one fresh runtime with the host functions of
     * {@link Test262Host}; a {@code module} scenario's test is imported as a module.
     */
    public static Test262Plan.Ending runScenario(JsRuntimeFactory factory, Test262Plan.Scenario scenario, Duration limit) {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        int index = 0;
        RuntimeOptions options = RuntimeOptions.defaults().withTimeLimit(limit);
        if (scenario.module() != null) {
            Test262Modules.warm(factory);
            options = options.withModules(new Test262Modules(scenario.module()));
        }
        int last = scenario.scripts().size() - 1;
        try (JsRuntime rt = factory.create(options)) {
            try {
                Test262Host.install(rt, scenario, printed);
                for (Test262Plan.Script script : scenario.scripts()) {
                    if (index == last && scenario.module() != null) rt.importModule("./" + scenario.module().getFileName());
                    else rt.evaluate(script.source(), script.name());
                    index++;
                }
                if (!rt.runEventLoop(limit)) return Test262Plan.Ending.timeout(printed);
                return Test262Plan.Ending.completed(printed);
            } catch (JsError e) {
                String[] thrown = thrown(e);
                return new Test262Plan.Ending(index, thrown[0], thrown[1], false, printed);
            }
        } catch (JsTerminatedException e) {
            if (e.reason() == JsTerminatedException.Reason.TIME_LIMIT) return Test262Plan.Ending.timeout(printed);
            return new Test262Plan.Ending(index, "Terminated", e.getMessage(), false, printed);
        } catch (JsSyntaxError e) {
            return new Test262Plan.Ending(index, "SyntaxError", e.getMessage(), false, printed);
        } catch (JsException e) {
            return new Test262Plan.Ending(index, "EngineFailure", e.getMessage(), false, printed);
        } catch (ModuleResolutionException e) {
            // a module the test imports is missing or out of its directory: the test fails, with jsi4j's words
            return new Test262Plan.Ending(index, "ModuleResolutionError", e.getMessage(), false, printed);
        }
    }

    /**
     * The name and message of what was thrown, as test262-harness reads them: an Error's name, or
     * for another object (such as the harness's {@code Test262Error}, which is no Error) its
     * constructor's name and its {@code message}; {@code Uncaught} for a primitive.
     */
    static String[] thrown(JsError e) {
        if (e.name().isPresent()) return new String[] {e.name().get(), e.jsMessage()};
        if (e.value() instanceof JsObject o) {
            try {
                String name = o.get("constructor") instanceof JsObject c && c.get("name") instanceof JsString n ? n.value() : "Uncaught";
                String message = o.get("message") instanceof JsString m ? m.value() : e.jsMessage();
                return new String[] {name, message};
            } catch (JsException ignored) {
                // a throwing getter or Proxy trap: fall back to what the engine said
            }
        }
        return new String[] {"Uncaught", e.jsMessage()};
    }
}
