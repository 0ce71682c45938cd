package org.jsi4j.cli;

import static org.jsi4j.cli.JsiTest.jsi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** jsi stress: a short smoke run on Rhino (no timing assertion) and bad options. */
class StressCommandTest {
    @Test
    void aShortRunReportsRatesHandlesFuturesAndRss() {
        JsiTest.Result r = jsi("stress", "--engine", "rhino", "--threads", "2", "--duration", "2s", "--sample", "500ms",
                "--seed", "7");
        List<String> lines = r.out().lines().toList();
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("stress: 2 threads on rhino for 2s (seed 7)", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("runtimes\\s+[1-9]\\d*\\s+[\\d.]+/s")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("host calls\\s+[1-9]\\d*\\s+[\\d.]+/s")), r.out());
        assertTrue(lines.contains("live handles             0  (left in runtimes just before close)"), r.out());
        assertTrue(lines.contains("hung futures             0  (not settled 10 s after the run)"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("rss             start ")), r.out());
        assertTrue(lines.stream().filter(l -> l.matches("\\s+\\d+\\.\\ds\\s+runtimes.*rss .*")).count() >= 2,
                "samples over time:\n" + r.out());
        assertEquals("OK", lines.get(lines.size() - 1));
    }

    @Test
    void badOptionsAreUsageErrors() {
        JsiTest.Result noThreads = jsi("stress", "--threads", "0", "--engine", "rhino");
        assertEquals(Jsi.USAGE, noThreads.code());
        assertEquals("jsi: --threads must be at least 1, was 0", noThreads.err().strip());
        JsiTest.Result unknown = jsi("stress", "--engine", "nope", "--duration", "1s");
        assertEquals(Jsi.USAGE, unknown.code());
        assertTrue(unknown.err().startsWith("jsi: Unknown JavaScript engine 'nope'"), unknown.err());
        JsiTest.Result badDuration = jsi("stress", "--duration", "0s");
        assertEquals(Jsi.USAGE, badDuration.code());
    }
}
