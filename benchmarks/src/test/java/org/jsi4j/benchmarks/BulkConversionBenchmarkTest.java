package org.jsi4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@link BulkConversionBenchmark} method once per engine, on the real engines, and
 * checks that both paths did the same work: the same Java graph, a faithful JavaScript copy.
 */
class BulkConversionBenchmarkTest {
    @TestFactory
    Stream<DynamicTest> bothPathsConvertTheWholeGraphOnEveryEngine() {
        return BenchRunner.ENGINES.keySet().stream().map(engine -> DynamicTest.dynamicTest(engine, () -> {
            BulkConversionBenchmark bench = new BulkConversionBenchmark();
            bench.engine = engine;
            bench.setUp();
            try {
                Object walk = bench.toJava_walk();
                Object json = bench.toJava_json();
                assertEquals(walk, json, engine + ": the walk and the JSON path give the same Java graph");
                Map<?, ?> root = (Map<?, ?>) json;
                assertEquals("catalog", root.get("kind"));
                List<?> items = (List<?>) root.get("items");
                assertEquals(Scripts.GRAPH_ITEMS, items.size());
                assertEquals(Map.of("w", 49.0, "h", 50.0), ((Map<?, ?>) items.get(Scripts.GRAPH_ITEMS - 1)).get("size"));
                assertEquals(Scripts.CHECK_GRAPH_RESULT, bench.toJs_walk(), 1e-9, engine + " toJs_walk");
                assertEquals(Scripts.CHECK_GRAPH_RESULT, bench.toJs_json(), 1e-9, engine + " toJs_json");
            } finally {
                bench.tearDown();
            }
        }));
    }

    @Test
    void theTableShowsHowManyTimesFasterJsonIs() {
        String table = BulkMain.markdown(List.of(new BulkMain.Row("v8", BulkConversionBenchmark.TO_JAVA, 1_000_000.0, 250_000.0),
                new BulkMain.Row("rhino", BulkConversionBenchmark.TO_JS, 300.0, null)));
        assertTrue(table.contains("| v8 | JS→Java | 1,000,000.0 | 250,000.0 | 4.00 |"), table);
        assertTrue(table.contains("| rhino | Java→JS | 300.0 | - | - |"), table);
        assertEquals(Optional.empty(), new BulkMain.Row("rhino", "toJs", null, 1.0).ratio());
    }
}
