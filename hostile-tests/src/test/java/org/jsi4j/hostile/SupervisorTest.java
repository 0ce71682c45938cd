package org.jsi4j.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness: a child that dies or hangs costs one case, and the next case runs in a new child. */
class SupervisorTest {
    @TempDir
    Path dir;

    @Test
    void aCrashAndAHangCostOneCaseEach() throws Exception {
        List<HostileCase> cases = List.of(SelfTestCases.OK, SelfTestCases.HALT, SelfTestCases.OK, SelfTestCases.SLEEP,
                SelfTestCases.OK);
        List<CaseResult> results = new Supervisor("rhino", dir, KnownFailures.none(), 2_000).run(cases, r -> { });
        List<Observation.Kind> kinds = results.stream().map(r -> r.observation().kind()).toList();
        assertEquals(List.of(Observation.Kind.THREW, Observation.Kind.CRASH, Observation.Kind.THREW,
                Observation.Kind.HANG, Observation.Kind.THREW), kinds, results.toString());
        assertEquals("exit 134 (SIGABRT)", results.get(1).observation().message());
        assertTrue(results.get(3).observation().message().startsWith("no end within 2 s"), results.get(3).toString());
        assertTrue(results.get(3).observation().detail().contains("Thread.sleep"), results.get(3).observation().detail());
        for (int i : new int[] {0, 2, 4}) assertEquals(CaseResult.Verdict.PASS, results.get(i).verdict(), results.get(i).toString());
        assertEquals(CaseResult.Verdict.FAIL, results.get(1).verdict());
        assertEquals(CaseResult.Verdict.FAIL, results.get(3).verdict());
    }
}
