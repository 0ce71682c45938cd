package org.jsi4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsi4j.EsFeature;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntimeFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of test262's INTERPRETING.md, run in this JVM on every real engine through the fixture. */
class TestRunnerTest {
    private static Map<String, TestCase> tests;

    @BeforeAll
    static void discover() {
        TestDiscovery.Suite suite = TestDiscovery.discover(List.of(Fixture.root().resolve("test").toString()), null, false);
        tests = new java.util.HashMap<>();
        for (TestCase t : suite.tests()) tests.put(t.id(), t);
    }

    static List<String> engines() {
        return Fixture.engines();
    }

    /**
     * Tests expected to finish get a limit a busy 2-core machine cannot reach by accident (a GraalJS
     * test on a cold JVM took 1.5 s under load); {@link #aRunawayTestIsATimeout} checks the stop itself.
     */
    private static final Duration GENEROUS = Duration.ofSeconds(5);

    private static TestResult run(String engine, String id) {
        return run(engine, id, GENEROUS);
    }

    /** With {@code limit}: a JVM's first module import loads and warms the module translator, a GC can take long. */
    private static TestResult run(String engine, String id, Duration limit) {
        JsRuntimeFactory factory = JsEngines.factory(engine);
        return new TestRunner(new Test262Harness(Fixture.root())).run(engine, factory, tests.get(id), limit);
    }

    private static void expect(String engine, String id, Verdict verdict, String outcome) {
        expect(engine, id, verdict, outcome, GENEROUS);
    }

    private static void expect(String engine, String id, Verdict verdict, String outcome, Duration limit) {
        TestResult r = run(engine, id, limit);
        assertEquals(verdict, r.verdict(), id + " on " + engine + ": " + r);
        if (outcome != null) assertEquals(outcome, r.outcome(), id + " on " + engine + ": " + r);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void passingFailingAndIncludedHarness(String engine) {
        expect(engine, "built-ins/Array/map-doubles.js", Verdict.PASS, "pass");
        expect(engine, "built-ins/Array/wrong-expectation.js", Verdict.FAIL,
                "fail [non-strict]: Test262Error: length Expected SameValue(«3», «4») to be true");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void strictAndNonStrictScenarios(String engine) {
        expect(engine, "language/strict/with-statement.js", Verdict.PASS, "pass");
        expect(engine, "language/strict/both-modes.js", Verdict.FAIL, "fail [strict]: ReferenceError");
        boolean strictThis = JsEngines.factory(engine).capabilities().has(EsFeature.STRICT_MODE_THIS);
        TestResult r = run(engine, "language/strict/this-undefined.js");
        assertEquals(strictThis ? Verdict.PASS : Verdict.FAIL, r.verdict(), r.toString());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void negativeTestsAreJudgedByTheirErrorType(String engine) {
        expect(engine, "language/negative/parse-error.js", Verdict.PASS, "pass");
        expect(engine, "language/negative/runtime-error.js", Verdict.PASS, "pass");
        expect(engine, "language/negative/wrong-error.js", Verdict.FAIL, "fail [non-strict]: TypeError, expected RangeError");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void asyncTestsReportThroughDone(String engine) {
        expect(engine, "built-ins/Promise/async-resolves.js", Verdict.PASS, "pass");
        TestResult r = run(engine, "built-ins/Promise/async-rejects.js");
        assertEquals(Verdict.FAIL, r.verdict(), r.toString());
        assertEquals("fail [non-strict]: TypeError", r.outcome());
        assertEquals("TypeError: no luck", r.message());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void rawTestsRunWithoutTheHarness(String engine) {
        expect(engine, "language/raw/no-harness.js", Verdict.PASS, "pass");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void featuresTheEngineLacksAreUnsupportedNotFailures(String engine) {
        boolean classes = JsEngines.factory(engine).capabilities().has(EsFeature.CLASSES);
        TestResult r = run(engine, "language/class/class-declaration.js");
        assertEquals(classes ? Verdict.PASS : Verdict.UNSUPPORTED, r.verdict(), r.toString());
        if (!classes) assertTrue(r.message().contains("CLASSES"), r.message());
        TestResult realm = run(engine, "annexB/cross-realm.js");
        assertEquals(Verdict.UNSUPPORTED, realm.verdict());
        assertTrue(realm.message().contains("createRealm"), realm.message());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void moduleTestsRunAsModulesWithImportsNextToThem(String engine) {
        expect(engine, "language/module/a-module.js", Verdict.PASS, "pass", Duration.ofSeconds(20));
        expect(engine, "language/module/missing-export.js", Verdict.PASS, "pass", Duration.ofSeconds(5));
        TestResult missing = run(engine, "language/module/missing-file.js", Duration.ofSeconds(5));
        assertEquals(Verdict.FAIL, missing.verdict(), missing.toString());
        assertEquals("fail: ModuleResolutionError", missing.outcome());
        assertTrue(missing.message().contains("absent_FIXTURE.js"), missing.message());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theHostGivesEvalScriptAndGcAndReportsAgentsAsUnsupported(String engine) {
        expect(engine, "host/eval-script.js", Verdict.PASS, "pass");
        expect(engine, "host/gc.js", Verdict.PASS, "pass", Duration.ofSeconds(10));
        TestResult agent = run(engine, "host/agent.js");
        assertEquals(Verdict.UNSUPPORTED, agent.verdict(), agent.toString());
        assertTrue(agent.message().contains("$262.agent"), agent.message());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aRunawayTestIsATimeout(String engine) {
        TestResult r = run(engine, "built-ins/Array/endless.js", Duration.ofMillis(700));
        assertEquals(Verdict.TIMEOUT, r.verdict(), r.toString());
        assertTrue(r.millis() < 5_000, r.toString());
    }
}
