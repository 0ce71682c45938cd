package org.jsi4j.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsi4j.JsEngines;
import org.junit.jupiter.api.Test;

/**
 * Runs every hostile case on every engine, each engine in its own child JVM (the engines in
 * parallel), writes the hostile matrix to {@code target/hostile}, and fails on any crash, hang or
 * unexpected outcome not listed in known-hostile-failures.txt, and on any listed case that now
 * passes. {@code -Djsi.hostile.engines=v8,rhino} and {@code -Djsi.hostile.cases=PREFIX} narrow the run.
 */
class HostileSuiteTest {
    private static final Path OUT = Path.of(System.getProperty("jsi.hostile.out", "target/hostile"));

    @Test
    void everyEngineSurvivesEveryHostileCase() throws Exception {
        List<String> engines = engines();
        String prefix = System.getProperty("jsi.hostile.cases", "");
        List<HostileCase> cases = Catalogue.all().stream().filter(c -> c.id().startsWith(prefix)).toList();
        KnownFailures known = KnownFailures.load();
        long start = System.nanoTime();
        List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(engines.size());
        try {
            List<Future<List<CaseResult>>> runs = new ArrayList<>();
            for (String engine : engines) {
                runs.add(pool.submit(() -> new Supervisor(engine, OUT, known, Worker.DEFAULT_BUDGET_MILLIS).run(cases, r -> {
                    if (r.verdict() != CaseResult.Verdict.PASS) {
                        System.out.println("[hostile] " + r.engine() + " " + r.caseId() + " " + r.verdict() + ": "
                                + r.observation().summary());
                    }
                })));
            }
            for (Future<List<CaseResult>> run : runs) results.addAll(run.get());
        } finally {
            pool.shutdownNow();
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        List<CaseResult> ordered = new ArrayList<>();
        for (String e : engines) for (CaseResult r : results) if (r.engine().equals(e)) ordered.add(r);
        HostileMatrix.write(OUT, engines, ordered, seconds);

        List<String> problems = new ArrayList<>();
        for (CaseResult r : ordered) {
            if (r.verdict() == CaseResult.Verdict.FAIL) {
                problems.add(r.engine() + " " + r.caseId() + ": " + r.problem() + "; observed " + r.observation().summary());
            } else if (r.verdict() == CaseResult.Verdict.FIXED) {
                problems.add(r.engine() + " " + r.caseId() + " now passes: remove it from " + KnownFailures.RESOURCE);
            }
        }
        if (prefix.isEmpty()) {
            for (String key : known.keys()) {
                String engine = key.substring(0, key.indexOf(' '));
                String id = key.substring(key.indexOf(' ') + 1);
                if (engines.contains(engine) && cases.stream().noneMatch(c -> c.id().equals(id))) {
                    problems.add(KnownFailures.RESOURCE + " lists '" + key + "', which is no hostile case");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " hostile case(s) broke (matrix: " + OUT.resolve("matrix.md") + "):\n"
                    + String.join("\n", problems));
        }
    }

    @Test
    void theCatalogueHasTheRequiredBreadth() {
        long scripts = Catalogue.all().stream().filter(c -> c.kind() == HostileCase.Kind.SCRIPT).count();
        long misuse = Catalogue.all().stream().filter(c -> c.kind() == HostileCase.Kind.MISUSE).count();
        assertTrue(scripts >= 60, "at least 60 hostile scripts, found " + scripts);
        assertTrue(misuse >= 20, "at least 20 Java misuse scenarios, found " + misuse);
    }

    private static List<String> engines() {
        String chosen = System.getProperty("jsi.hostile.engines", "");
        return chosen.isBlank() ? JsEngines.ids() : Arrays.stream(chosen.split(",")).map(String::strip).toList();
    }
}
