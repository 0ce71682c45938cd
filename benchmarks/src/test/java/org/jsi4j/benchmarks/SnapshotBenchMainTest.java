package org.jsi4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot benchmark's table and its steady-state statistic. */
class SnapshotBenchMainTest {
    @Test
    void theMedianIgnoresTheWarmUpHalf() {
        assertEquals(4.0, SnapshotBenchMain.medianOfSecondHalf(List.of(100.0, 90.0, 5.0, 3.0, 4.0)));
        assertEquals(4.5, SnapshotBenchMain.medianOfSecondHalf(List.of(100.0, 90.0, 5.0, 4.0)));
    }

    @Test
    void theTableGivesColdOverSnapshotAndTheImageKind() {
        String table = SnapshotBenchMain.table(List.of(
                new SnapshotBenchMain.Row("lodash", "v8", 50.0, 20.0, true),
                new SnapshotBenchMain.Row("lodash", "graal", 40.0, 50.0, false)));
        assertEquals("""
                | bundle | engine | cold ms | snapshot ms | ratio | image |
                |---|---|---:|---:|---:|---|
                | lodash | v8 | 50.00 | 20.00 | 2.5x | native |
                | lodash | graal | 40.00 | 50.00 | 0.8x | journal replay |
                """, table);
    }
}
