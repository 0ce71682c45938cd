package org.jsi4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
    private static final BenchRow CALL = new BenchRow("jsCall", "rhino", 70.0, 40.0, 350.0, Map.of());
    private static final BenchRow GET = new BenchRow("propertyGet", "v8", 140.0, 100.0, null, Map.of());
    private static final BenchRow FAILED = new BenchRow("hostCall", "graal", null, 20.0, null,
            Map.of(Flavor.JSI, "java.lang.IllegalStateException: no JIT"));

    @Test
    void ratiosAndGoals() {
        assertEquals(1.75, CALL.ratio().orElseThrow(), 1e-12);
        assertEquals(0.2, CALL.jsr223Ratio().orElseThrow(), 1e-12);
        assertTrue(!CALL.goalStatus().contains("JSR-223"), CALL.goalStatus());
        assertTrue(CALL.goalStatus().startsWith("MISSED"), CALL.goalStatus());
        assertTrue(GET.goalStatus().startsWith("met"), GET.goalStatus());
        assertTrue(FAILED.ratio().isEmpty());
        assertTrue(new BenchRow("createRuntime", "v8", 2.0, 1.0, null, Map.of()).goalStatus().startsWith("MISSED (> 1.25)"));
        assertEquals("", new BenchRow("evalPrepared", "v8", 2.0, 1.0, null, Map.of()).goalStatus());
        assertTrue(new BenchRow("graphRoundTrip", "v8", 4e6, 2e7, null, Map.of()).goalStatus().startsWith("met"));
        assertTrue(new BenchRow("graphRoundTrip", "v8", 6e6, 2e7, null, Map.of()).goalStatus().startsWith("MISSED"), "over 5 ms");
        assertTrue(new BenchRow("graphRoundTrip", "rhino", 0.7e6, 0.3e6, null, Map.of()).goalStatus().startsWith("MISSED"), "slower than raw");
        assertEquals("met (<= 1.5); slower than JSR-223",
                new BenchRow("propertySet", "graal", 120.0, 100.0, 110.0, Map.of()).goalStatus());
    }

    @Test
    void tableShowsEveryRowAndTheFailures() {
        String table = BenchReport.table(List.of(CALL, GET, FAILED));
        String[] lines = table.split("\n");
        assertTrue(lines[0].startsWith("benchmark"), table);
        assertTrue(lines[1].matches("jsCall\\s+rhino\\s+70\\.0\\s+40\\.0\\s+1\\.75\\s+350\\.0\\s+0\\.20\\s+MISSED.*"), lines[1]);
        assertTrue(lines[3].matches("hostCall\\s+graal\\s+-\\s+20\\.0\\s+-.*"), lines[3]);
        assertEquals("failed: graal hostCall (jsi): java.lang.IllegalStateException: no JIT", lines[4]);
    }

    @Test
    void resultsFileKeepsTheTextAroundTheGeneratedPart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("RESULTS.md");
        Files.writeString(file, "# Results\n\nAnalysis stays.\n");
        var settings = new BenchRunner.Settings(1, 2, Duration.ofMillis(10), 1, Duration.ofMillis(10), 1);
        BenchReport.updateResults(file, List.of(CALL), settings, 1.5);
        Files.writeString(file, Files.readString(file) + "\nMore analysis.\n");
        BenchReport.updateResults(file, List.of(GET), settings, 1.5);
        String text = Files.readString(file);
        assertTrue(text.startsWith("# Results\n\nAnalysis stays.\n"), text);
        assertTrue(text.endsWith("More analysis.\n"), text);
        assertTrue(text.contains("| propertyGet | v8 |"), text);
        assertTrue(!text.contains("| jsCall | rhino |"), "the old table is replaced: " + text);
        assertTrue(text.contains("- JDK: "), text);
        assertTrue(text.contains("at the start and end of the run: 1.50 and "), text);
    }
}
