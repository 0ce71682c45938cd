package org.jsi4j.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A saved run to compare later runs against, like a test262 expectation file: for each engine and
 * test, its verdict and outcome. Stored as JSON sorted by engine and test id, so that it diffs well
 * under version control.
 *
 * @param entries engine → test id → what it did
 */
public record Baseline(Map<String, Map<String, Entry>> entries) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int FORMAT = 1;

    /**
     * What one test did on one engine.
     *
     * @param verdict its verdict
     * @param outcome its comparable outcome
     */
    public record Entry(Verdict verdict, String outcome) {
    }

    /**
     * How a run differs from the baseline on one engine; tests absent from either side are left out.
     *
     * @param newlyPassing tests that pass now and did not
     * @param newlyFailing tests that passed and do not now: regressions
     * @param changed tests that did not pass then and do not now, with a different outcome
     */
    public record Diff(List<String> newlyPassing, List<String> newlyFailing, List<String> changed) {
        /** Whether nothing changed. */
        public boolean same() {
            return newlyPassing.isEmpty() && newlyFailing.isEmpty() && changed.isEmpty();
        }
    }

    /** The baseline of {@code run}. */
    public static Baseline of(Comparison run) {
        Map<String, Map<String, Entry>> entries = new TreeMap<>();
        for (TestResult r : run.results()) {
            entries.computeIfAbsent(r.engine(), e -> new TreeMap<>()).put(r.test(), new Entry(r.verdict(), r.outcome()));
        }
        return new Baseline(entries);
    }

    /** Writes it to {@code file}. */
    public void save(Path file) throws IOException {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("format", FORMAT);
        Map<String, Object> engines = new TreeMap<>();
        entries.forEach((engine, tests) -> {
            Map<String, Object> m = new TreeMap<>();
            tests.forEach((id, e) -> m.put(id, Map.of("verdict", e.verdict().label(), "outcome", e.outcome())));
            engines.put(engine, m);
        });
        top.put("engines", engines);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, JSON.writeValueAsString(top) + "\n");
    }

    /**
     * Reads a baseline {@link #save} wrote.
     *
     * @throws IllegalArgumentException when the file is missing or not a baseline
     */
    public static Baseline load(Path file) {
        JsonNode top;
        try {
            top = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no baseline file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read baseline " + file + ": " + e.getMessage());
        }
        if (top == null || top.path("format").asInt() != FORMAT || !top.path("engines").isObject()) {
            throw new IllegalArgumentException(file + " is not a jsi compare baseline (made with --save-baseline)");
        }
        Map<String, Map<String, Entry>> entries = new TreeMap<>();
        for (Map.Entry<String, JsonNode> engine : top.get("engines").properties()) {
            Map<String, Entry> tests = new TreeMap<>();
            for (Map.Entry<String, JsonNode> t : engine.getValue().properties()) {
                try {
                    tests.put(t.getKey(), new Entry(Verdict.of(t.getValue().path("verdict").asText()),
                            t.getValue().path("outcome").asText()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": test " + t.getKey() + " has no valid verdict");
                }
            }
            entries.put(engine.getKey(), tests);
        }
        return new Baseline(entries);
    }

    /** How {@code run} differs from this baseline, per engine of the run. */
    public Map<String, Diff> diff(Comparison run) {
        Map<String, Diff> out = new LinkedHashMap<>();
        for (String engine : run.engines()) {
            Map<String, Entry> before = entries.getOrDefault(engine, Map.of());
            List<String> up = new ArrayList<>();
            List<String> down = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (TestResult r : run.of(engine)) {
                Entry was = before.get(r.test());
                if (was == null) continue;
                boolean passed = was.verdict() == Verdict.PASS;
                if (r.passed() && !passed) up.add(r.test());
                else if (!r.passed() && passed) down.add(r.test());
                else if (!r.passed() && !was.outcome().equals(r.outcome())) changed.add(r.test());
            }
            out.put(engine, new Diff(up, down, changed));
        }
        return out;
    }
}
