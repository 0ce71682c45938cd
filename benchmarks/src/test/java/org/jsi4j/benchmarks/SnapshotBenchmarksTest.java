package org.jsi4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsi4j.JsEngines;
import org.jsi4j.Snapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs both snapshot benchmark methods once on every real engine: on the inline setup always (so
 * that the offline build proves them), and on lodash too when {@code fetch-bundle.sh} has fetched
 * it. Both methods must give the answer computed in Java, the restore must come from the
 * snapshot alone (fromSnapshot runs no setup), and V8's snapshot must hold its native image.
 */
class SnapshotBenchmarksTest {
    @TestFactory
    Stream<DynamicTest> coldAndRestoredRuntimesAnswerTheSame() {
        List<String> bundles = new ArrayList<>(List.of("inline"));
        if (SnapshotSetup.available("lodash")) bundles.add("lodash");
        List<DynamicTest> tests = new ArrayList<>();
        for (String bundle : bundles) {
            for (String engine : BenchRunner.ENGINES.keySet()) {
                tests.add(DynamicTest.dynamicTest(engine + " " + bundle, () -> {
                    SnapshotBenchmarks bench = new SnapshotBenchmarks();
                    bench.engine = engine;
                    bench.bundle = bundle;
                    bench.setUp();
                    assertEquals(SnapshotSetup.expectedCheck(), bench.cold(), 0, "cold check()");
                    assertEquals(SnapshotSetup.expectedCheck(), bench.fromSnapshot(), 0, "restored check()");
                    Snapshot snapshot = Snapshot.parse(bench.blob());
                    assertEquals(engine, snapshot.engineId());
                    assertEquals(List.of(SnapshotSetup.EXTERNAL), snapshot.externalNames());
                    assertTrue(snapshot.scripts().stream().anyMatch(s -> s.source().equals(SnapshotSetup.INIT)),
                            "the journal holds the initialisation");
                    if (engine.equals("v8")) assertTrue(snapshot.hasNativeImage(), "V8 restores from its heap image");
                    if (engine.equals("graal")) assertFalse(snapshot.hasNativeImage(), "GraalJS restores by replay");
                    if (engine.equals("rhino") && bundle.equals("inline")) {
                        assertTrue(snapshot.hasNativeImage(), "Rhino images the inline setup");
                    }
                }));
            }
        }
        assertTrue(JsEngines.ids().containsAll(BenchRunner.ENGINES.keySet()), "all three engines are on the class path");
        return tests.stream();
    }

    @Test
    void theInlineLibraryComputesWhatJavaExpects() {
        // a broken stand-in would make every comparison above agree on a wrong answer
        try (var rt = JsEngines.factory("rhino").create()) {
            SnapshotSetup.inline().run(rt);
            assertEquals(SnapshotSetup.expectedCheck(), SnapshotSetup.check(rt), 0);
            assertEquals(37, rt.evaluate("_.size(byDept)", "t.js").asInt());
            assertEquals("r889", rt.evaluate("topEarners('d1', 1)[0]", "t.js").asString());
        }
    }

    @Test
    void aMissingBundleIsNamedWithHowToFetchIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SnapshotSetup.load("no-such-bundle"));
        assertTrue(e.getMessage().contains("no-such-bundle.js") && e.getMessage().contains("fetch-bundle.sh"), e.getMessage());
    }
}
