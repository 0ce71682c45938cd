package org.jsi4j.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the hostile matrix, case × engine, as {@code matrix.md} and {@code matrix.json}. */
public final class HostileMatrix {
    private HostileMatrix() {
    }

    /** Writes both files into {@code dir}; {@code seconds} is how long the run took. */
    public static void write(Path dir, List<String> engines, List<CaseResult> results, long seconds) throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("matrix.json").toFile(), Map.of("engines", engines, "seconds", seconds,
                        "results", results));
        Files.writeString(dir.resolve("matrix.md"), markdown(engines, results, seconds));
    }

    static String markdown(List<String> engines, List<CaseResult> results, long seconds) {
        Map<String, Map<String, CaseResult>> byCase = new LinkedHashMap<>();
        for (CaseResult r : results) byCase.computeIfAbsent(r.caseId(), k -> new LinkedHashMap<>()).put(r.engine(), r);
        StringBuilder md = new StringBuilder("# Hostile matrix\n\n");
        md.append("Each case ran in a child JVM per engine (hostile-tests, `Supervisor`); a crash or a hang costs that case")
                .append(" only. `pass`: the expected exception, the JVM alive, the engine still usable. `known`: listed in")
                .append(" known-hostile-failures.txt. Run took ").append(seconds).append(" s.\n\n");
        md.append("| engine | cases | pass | known failures | failures | fixed (listed, now pass) | crashes | hangs |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (String e : engines) {
            List<CaseResult> mine = results.stream().filter(r -> r.engine().equals(e)).toList();
            md.append("| ").append(e).append(" | ").append(mine.size())
                    .append(" | ").append(count(mine, CaseResult.Verdict.PASS))
                    .append(" | ").append(count(mine, CaseResult.Verdict.KNOWN_FAILURE))
                    .append(" | ").append(count(mine, CaseResult.Verdict.FAIL))
                    .append(" | ").append(count(mine, CaseResult.Verdict.FIXED))
                    .append(" | ").append(mine.stream().filter(r -> r.observation().kind() == Observation.Kind.CRASH).count())
                    .append(" | ").append(mine.stream().filter(r -> r.observation().kind() == Observation.Kind.HANG).count())
                    .append(" |\n");
        }
        md.append("\n| case | expected | ").append(String.join(" | ", engines)).append(" |\n|---|---|");
        md.append("---|".repeat(engines.size())).append('\n');
        byCase.forEach((id, row) -> {
            CaseResult any = row.values().iterator().next();
            md.append("| `").append(id).append("` | ").append(cell(any.expected()))
                    .append(any.proves() == null ? "" : " (proves: " + cell(any.proves()) + ")");
            for (String e : engines) {
                CaseResult r = row.get(e);
                md.append(" | ").append(r == null ? "" : switch (r.verdict()) {
                    case PASS -> r.knownFailure() == null ? "pass" : "pass (listed as intermittent)";
                    case FIXED -> "**fixed** (remove from known failures)";
                    case KNOWN_FAILURE -> "known: " + cell(r.observation().summary());
                    case FAIL -> "**FAIL**: " + cell(r.observation().summary());
                });
            }
            md.append(" |\n");
        });
        return md.toString();
    }

    private static long count(List<CaseResult> rs, CaseResult.Verdict v) {
        return rs.stream().filter(r -> r.verdict() == v).count();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
