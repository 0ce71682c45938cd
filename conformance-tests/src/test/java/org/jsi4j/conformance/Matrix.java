package org.jsi4j.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The feature x engine results of a conformance run, and their Markdown and JSON forms. */
final class Matrix {
    /** A test's outcome on one engine. */
    enum Status {
        PASSED, FAILED, SKIPPED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A test of the matrix: its area and method name. */
    record Key(String area, String name) {
    }

    /** The JSON document: {@code {"engines": [...], "tests": [...]}}. */
    record Document(List<String> engines, List<Row> tests) {
    }

    /** One JSON row: a test and its result per engine. */
    record Row(String area, String name, Map<String, String> results) {
    }

    private record Outcome(Status status, String detail) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::area).thenComparing(Key::name);

    private final Map<Key, Map<String, Outcome>> results = new TreeMap<>(ORDER);
    private final TreeSet<String> engines = new TreeSet<>();

    synchronized void record(String area, String name, String engine, Status status, String detail) {
        engines.add(engine);
        results.computeIfAbsent(new Key(area, name), k -> new TreeMap<>()).put(engine, new Outcome(status, detail));
    }

    synchronized boolean isEmpty() {
        return results.isEmpty();
    }

    synchronized Document document() {
        List<Row> rows = new ArrayList<>();
        results.forEach((key, byEngine) -> {
            Map<String, String> row = new TreeMap<>();
            byEngine.forEach((engine, outcome) -> row.put(engine, outcome.status().label()));
            rows.add(new Row(key.area(), key.name(), row));
        });
        return new Document(List.copyOf(engines), rows);
    }

    synchronized String markdown() {
        StringBuilder md = new StringBuilder("# jsi4j conformance matrix\n\n| area | test |");
        engines.forEach(e -> md.append(' ').append(e).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(engines.size())).append('\n');
        results.forEach((key, byEngine) -> {
            md.append("| ").append(key.area()).append(" | ").append(key.name()).append(" |");
            for (String e : engines) {
                Outcome o = byEngine.get(e);
                md.append(' ').append(o == null ? "-" : o.status().label()).append(" |");
            }
            md.append('\n');
        });
        for (Status status : Status.values()) {
            md.append("| **").append(status.label()).append("** | |");
            for (String e : engines) {
                long n = results.values().stream().filter(r -> r.get(e) != null && r.get(e).status() == status).count();
                md.append(' ').append(n).append(" |");
            }
            md.append('\n');
        }
        StringBuilder notes = new StringBuilder();
        results.forEach((key, byEngine) -> byEngine.forEach((engine, o) -> {
            if (o.status() != Status.PASSED) {
                notes.append("- ").append(engine).append(' ').append(key.area()).append('/').append(key.name())
                        .append(": ").append(o.status().label())
                        .append(o.detail() == null ? "" : " — " + o.detail().replace('|', '/')).append('\n');
            }
        }));
        if (!notes.isEmpty()) md.append("\n## Not passed\n\n").append(notes);
        return md.toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("matrix.json").toFile(), document());
        Files.writeString(directory.resolve("matrix.md"), markdown());
    }
}
