package org.jsi4j.cli;

import static org.jsi4j.cli.JsiTest.jsi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jsi bench: listing, a tiny in-process run with its table and JSON, and bad options. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsTheMethodsAFilterSelects() {
        JsiTest.Result r = jsi("bench", "--list", "--filter", "jsCall", "--engine", "v8");
        assertEquals(0, r.code(), r.err());
        assertEquals("v8.jsCall_jsi\nv8.jsCall_raw\n", r.out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void runsPrintsTheTableAndWritesJson() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Path json = dir.resolve("bench.json");
        JsiTest.Result r = jsi("bench", "--filter", "^rhino\\.jsCall_(jsi|raw)$", "--forks", "0", "--warmup", "0",
                "--iterations", "1", "--time", "100", "--json", json.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[0].matches("benchmark\\s+engine\\s+jsi4j ns/op\\s+raw ns/op\\s+ratio.*"), r.out());
        assertTrue(lines[1].matches("jsCall\\s+rhino\\s+[\\d,.]+\\s+[\\d,.]+\\s+[\\d.]+\\s+-.*"), r.out());
        assertTrue(r.err().contains("bench [1/2] rhino jsCall (jsi)"), r.err());
        JsonNode rows = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(1, rows.size());
        JsonNode row = rows.get(0);
        assertEquals("jsCall", row.get("benchmark").asText());
        assertEquals("rhino", row.get("engine").asText());
        double jsi = row.get("jsi_ns").asDouble();
        double raw = row.get("raw_ns").asDouble();
        assertTrue(jsi > 0 && raw > 0, row.toString());
        assertEquals(jsi / raw, row.get("ratio").asDouble(), 1e-9);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(Jsi.USAGE, jsi("bench", "--filter", "(").code());
        assertEquals(Jsi.USAGE, jsi("bench", "--engine", "quickjs").code());
        assertEquals(Jsi.USAGE, jsi("bench", "--filter", "no-such-benchmark", "--list").code());
    }
}
