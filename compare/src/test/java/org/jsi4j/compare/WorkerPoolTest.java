package org.jsi4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool of worker JVMs on the real engines: the same verdicts as in-process, in parallel, and crash isolation. */
class WorkerPoolTest {
    @TempDir
    Path dir;

    @Test
    void twoWorkersRunTheFixtureOnEveryEngineAsTheInProcessRunnerJudgesIt() throws InterruptedException {
        TestDiscovery.Suite suite = TestDiscovery.discover(List.of(), Fixture.root(), false);
        List<String> engines = Fixture.engines();
        List<TestResult> seen = new ArrayList<>();
        // a limit a busy 2-core machine does not reach by accident (GraalJS ran past 700 ms there); endless.js waits it out
        Duration limit = Duration.ofSeconds(3);
        List<TestResult> results = new WorkerPool(engines, 2, limit, suite.test262Root(), List.of())
                .run(suite.tests(), seen::add);
        assertEquals(suite.tests().size() * engines.size(), results.size());
        assertEquals(results.size(), seen.size(), "the listener saw every result");
        for (int i = 0; i < results.size(); i++) {
            TestResult r = results.get(i);
            assertEquals(suite.tests().get(i / engines.size()).id(), r.test(), "ordered by test, then engine");
            assertEquals(engines.get(i % engines.size()), r.engine());
        }
        TestRunner inProcess = new TestRunner(new Test262Harness(Fixture.root()));
        for (TestResult r : results) {
            if (r.test().equals("built-ins/Array/endless.js")) {
                assertEquals(Verdict.TIMEOUT, r.verdict(), r.toString());
                continue;
            }
            // a full GC of this JVM's heap can take long on a busy machine; TestRunnerTest checks $262.gc
            if (r.test().equals("host/gc.js")) continue;
            TestCase t = suite.tests().stream().filter(c -> c.id().equals(r.test())).findFirst().orElseThrow();
            TestResult here = inProcess.run(r.engine(), org.jsi4j.JsEngines.factory(r.engine()), t, limit);
            assertEquals(here.verdict(), r.verdict(), r.toString());
            assertEquals(here.outcome(), r.outcome(), r.toString());
        }
    }

    @Test
    void aWorkerThatDiesCostsOneTestAndANewWorkerRunsTheRest() throws IOException, InterruptedException {
        String marker = "crash-the-worker-" + System.nanoTime();
        List<TestCase> tests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path f = Files.writeString(dir.resolve("t" + i + ".js"), i == 1 ? "// " + marker + "\n1;" : "console.log(" + i + ");");
            tests.add(new TestCase("t" + i + ".js", f, false));
        }
        List<TestResult> results = new WorkerPool(List.of("rhino"), 1, Duration.ofSeconds(2), null,
                List.of("-D" + WorkerMain.CRASH_MARKER_PROPERTY + "=" + marker)).run(tests, r -> { });
        Map<String, Verdict> verdicts = new java.util.HashMap<>();
        for (TestResult r : results) verdicts.put(r.test(), r.verdict());
        assertEquals(Map.of("t0.js", Verdict.PASS, "t1.js", Verdict.CRASH, "t2.js", Verdict.PASS, "t3.js", Verdict.PASS), verdicts);
        TestResult crash = results.get(1);
        assertTrue(crash.message().contains("exit 134 (SIGABRT)"), crash.message());
        assertEquals("outcome: ok\nconsole:\n  3", results.get(3).outcome().replace("value: undefined\n", ""));
    }
}
