package org.jsi4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool of worker JVMs on the real engines: the same verdicts on two lanes as in-process, crash and hang isolation. */
class WorkerPoolTest {
    @TempDir
    Path dir;

    @Test
    void twoLanesRunTheFixtureOnEveryEngineAsTheInProcessRunnerJudgesIt() throws InterruptedException {
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
    void aTestThatKillsItsJvmAmongManyOnTwoLanesIsTheOnlyCrashAndTheOthersKeepTheirVerdicts() throws IOException, InterruptedException {
        TestResult crash = runOnTwoLanes(12, 5, WorkerMain.CRASH_MARKER_PROPERTY, Duration.ofSeconds(2));
        assertEquals(Verdict.CRASH, crash.verdict(), crash.toString());
        assertTrue(crash.message().contains("exit 134 (SIGABRT)"), crash.message());
    }

    @Test
    void aTestThatNeverAnswersAmongOthersOnTwoLanesIsTheOnlyTimeout() throws IOException, InterruptedException {
        // a hard limit of 2 × 1 s + 10 s: the hanging lane costs about 12 s, the other lane runs on meanwhile
        TestResult hung = runOnTwoLanes(8, 2, WorkerMain.HANG_MARKER_PROPERTY, Duration.ofSeconds(1));
        assertEquals(Verdict.TIMEOUT, hung.verdict(), hung.toString());
        assertTrue(hung.message().contains("no answer within 12 s: the worker JVM was killed"), hung.message());
    }

    /**
     * Runs {@code n} scripts {@code tI.js} printing their number on Rhino on two lanes, script
     * {@code bad} holding the marker of the self-test hook {@code markerProperty}; checks that every
     * other script passed with its own output, and returns the result of {@code bad}.
     */
    private TestResult runOnTwoLanes(int n, int bad, String markerProperty, Duration limit) throws IOException, InterruptedException {
        String marker = "self-test-" + System.nanoTime();
        List<TestCase> tests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = Files.writeString(dir.resolve("t" + i + ".js"), i == bad ? "// " + marker + "\n1;" : "console.log(" + i + ");");
            tests.add(new TestCase("t" + i + ".js", f, false));
        }
        List<TestResult> results = new WorkerPool(List.of("rhino"), 2, limit, null, List.of("-D" + markerProperty + "=" + marker))
                .run(tests, r -> { });
        assertEquals(IntStream.range(0, n).mapToObj(i -> "t" + i + ".js").toList(), results.stream().map(TestResult::test).toList());
        for (int i = 0; i < n; i++) {
            if (i == bad) continue;
            TestResult r = results.get(i);
            assertEquals(Verdict.PASS, r.verdict(), r.toString());
            assertEquals("outcome: ok\nconsole:\n  " + i, r.outcome().replace("value: undefined\n", ""), r.toString());
        }
        return results.get(bad);
    }
}
