package org.jsi4j.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsi4j.JsEngines;
import org.junit.jupiter.api.Test;

/**
 * The snapshot fuzzer ({@link SnapshotFuzz}): {@code -Djsi.fuzz.mutants=N} mutants per engine
 * (default 30, the CI run), each restored in a child JVM of the engine, the engines in parallel;
 * fails on any crash, hang, or outcome other than a {@code JsSnapshotException} with a message or,
 * for a mutant whose tag was remade with the key, a restore that works. Writes
 * {@code target/hostile/snapshot-fuzz.md}. {@code -Djsi.hostile.engines=v8,rhino} narrows it.
 */
class SnapshotFuzzTest {
    private static final Path OUT = Path.of(System.getProperty("jsi.hostile.out", "target/hostile"));

    @Test
    void theTaggerMakesTagsTheApiAcceptsAndMutantsDiffer() {
        SnapshotFuzz.Blobs blobs = SnapshotFuzz.blobs("rhino");
        assertTrue(Arrays.equals(blobs.sealed(), SnapshotFuzz.tag(blobs.body())), "the fuzzer's tag is the API's tag");
        assertEquals("restored intact [none]", SnapshotFuzz.restore("rhino",
                new org.jsi4j.testing.BlobMutations.Mutation("none", blobs.sealed(), false)));
        for (int n = 0; n < 20; n++) {
            assertFalse(Arrays.equals(blobs.sealed(), SnapshotFuzz.mutant(blobs, n, n % 2 == 0).bytes()), "mutant " + n);
        }
        assertNotEquals(SnapshotFuzz.mutant(blobs, 4, true).description(), SnapshotFuzz.mutant(blobs, 6, true).description());
        assertTrue(RhinoImageMutation.applies(blobs.body()), "the Rhino blob holds an image, so its deserialization is fuzzed");
        assertTrue(SnapshotFuzz.mutant(blobs, 12, true).description().startsWith("Rhino image payload: "));
    }

    @Test
    void everyMutantIsRefusedWithAMessageOrRestoresAWorkingRuntime() throws Exception {
        int count = Integer.getInteger("jsi.fuzz.mutants", 30);
        String chosen = System.getProperty("jsi.hostile.engines", "");
        List<String> engines = chosen.isBlank() ? JsEngines.ids() : Arrays.stream(chosen.split(",")).map(String::strip).toList();
        List<HostileCase> cases = SnapshotFuzz.cases(count);
        KnownFailures none = KnownFailures.load();
        long start = System.nanoTime();
        List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(engines.size());
        try {
            List<Future<List<CaseResult>>> runs = new ArrayList<>();
            for (String engine : engines) {
                runs.add(pool.submit(() -> new Supervisor(engine, OUT, none, 20_000).run(cases, r -> { })));
            }
            for (Future<List<CaseResult>> run : runs) results.addAll(run.get());
        } finally {
            pool.shutdownNow();
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        String report = report(engines, results, count, seconds);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("snapshot-fuzz.md"), report);
        System.out.println(report);
        List<String> problems = results.stream().filter(r -> r.verdict() != CaseResult.Verdict.PASS)
                .map(r -> r.engine() + " " + r.caseId() + ": " + r.problem() + "; observed " + r.observation().summary()).toList();
        if (!problems.isEmpty()) fail(problems.size() + " mutant(s) broke:\n" + String.join("\n", problems));
        assertEquals(count * engines.size(), results.size());
    }

    /** Per engine: mutants, refusals by kind of message, restores, crashes, hangs, failures. */
    static String report(List<String> engines, List<CaseResult> results, int count, long seconds) {
        StringBuilder md = new StringBuilder("# Snapshot fuzzer\n\n").append(count)
                .append(" mutants per engine, each restored in a child JVM; took ").append(seconds).append(" s.\n\n")
                .append("| engine | mutants | refused (JsSnapshotException) | restored | crashes | hangs | other failures |\n")
                .append("|---|---|---|---|---|---|---|\n");
        Map<String, Integer> messages = new TreeMap<>();
        for (String e : engines) {
            List<CaseResult> mine = results.stream().filter(r -> r.engine().equals(e)).toList();
            long refused = mine.stream().filter(r -> r.observation().kind() == Observation.Kind.THREW
                    && r.verdict() == CaseResult.Verdict.PASS).count();
            long restored = mine.stream().filter(r -> r.observation().kind() == Observation.Kind.RETURNED).count();
            long crashes = mine.stream().filter(r -> r.observation().kind() == Observation.Kind.CRASH).count();
            long hangs = mine.stream().filter(r -> r.observation().kind() == Observation.Kind.HANG).count();
            long failures = mine.stream().filter(r -> r.verdict() != CaseResult.Verdict.PASS).count() - crashes - hangs;
            md.append("| ").append(e).append(" | ").append(mine.size()).append(" | ").append(refused).append(" | ")
                    .append(restored).append(" | ").append(crashes).append(" | ").append(hangs).append(" | ")
                    .append(failures).append(" |\n");
            for (CaseResult r : mine) {
                if (r.observation().kind() != Observation.Kind.THREW || r.observation().message() == null) continue;
                String m = r.observation().message();
                int colon = m.indexOf(": ");
                String gist = e + ": " + (colon > 0 ? m.substring(0, Math.min(m.length(), colon + 2 + 60)) : m);
                messages.merge(gist, 1, Integer::sum);
            }
        }
        md.append("\nRefusal messages (engine: first words, count):\n\n");
        messages.forEach((m, n) -> md.append("- ").append(n).append(" × ").append(m.replace("|", "\\|")).append('\n'));
        return md.toString();
    }
}
