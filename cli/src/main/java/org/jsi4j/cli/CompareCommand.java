package org.jsi4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntimeFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jsi compare FILE.js...}: runs each script on every engine found, each in its own runtime
 * with a time limit, and shows side by side the outcome, the completion value, the time and the
 * console output; where engines disagree, a unified diff against the first engine. Exit status 0
 * when all engines agree on every script, 1 when any differ, 2 for bad usage.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Runs scripts on every engine and shows where they differ.",
                "Engines agree when outcome (ok, error name, timeout), completion value and console output are equal;",
                "error messages and times are shown but not compared. Exit 0 when all agree, 1 when any differ."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--engine"}, paramLabel = "ID", description = "Compare only these engines (repeatable). Default: every engine found.")
    List<String> engines = new ArrayList<>();

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Per script and engine: stop it after this long and call it a timeout (default 5s).")
    Duration timeLimit = Duration.ofSeconds(5);

    @Option(names = "--json", description = "Print the results as JSON instead of tables.")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The scripts to compare.")
    List<Path> files = new ArrayList<>();

    /** One script's runs and the diffs of the engines that disagree with the first. */
    record FileResult(Path file, List<EngineRun> runs, Map<String, String> diffs) {
        boolean agree() {
            return diffs.isEmpty();
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<Path, String> sources = new LinkedHashMap<>();
        List<String> ids;
        try {
            for (Path f : files) sources.put(f, read(f));
            ids = engineIds();
        } catch (IllegalArgumentException e) {
            err.println("jsi compare: " + e.getMessage());
            err.flush();
            return Jsi.USAGE;
        }
        Map<String, JsRuntimeFactory> factories = new LinkedHashMap<>();
        for (String id : ids) {
            JsRuntimeFactory factory = JsEngines.factory(id);
            warmUp(factory);
            factories.put(id, factory);
        }
        List<FileResult> results = new ArrayList<>();
        long step = 0;
        ProgressDisplay progress = files.size() > 1 ? ProgressDisplay.start(err, "compare", (long) files.size() * ids.size()) : null;
        try {
            for (Map.Entry<Path, String> source : sources.entrySet()) {
                List<EngineRun> runs = new ArrayList<>();
                for (Map.Entry<String, JsRuntimeFactory> engine : factories.entrySet()) {
                    if (progress != null) progress.step(step++, source.getKey().getFileName() + " on " + engine.getKey());
                    runs.add(EngineRun.run(engine.getKey(), engine.getValue(), source.getValue(), source.getKey().toString(), timeLimit));
                }
                results.add(new FileResult(source.getKey(), runs, diffs(runs)));
            }
        } finally {
            if (progress != null) progress.close();
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(results)));
        } else {
            for (FileResult r : results) print(out, r);
            long differ = results.stream().filter(r -> !r.agree()).count();
            out.println(results.size() + (results.size() == 1 ? " script" : " scripts") + " on " + String.join(", ", ids)
                    + ": " + (results.size() - differ) + " agree, " + differ + " differ");
        }
        out.flush();
        return results.stream().allMatch(FileResult::agree) ? 0 : Jsi.SCRIPT_FAILED;
    }

    /**
     * Makes and closes one runtime first, so that an engine's one-time start (class loading, its
     * JIT's own start) counts neither against the first script's time nor its time limit.
     */
    private static void warmUp(JsRuntimeFactory factory) {
        try (var rt = factory.create()) {
            rt.evaluate("0", "jsi:warm-up");
        }
    }

    private List<String> engineIds() {
        List<String> found = JsEngines.ids();
        if (!engines.isEmpty()) {
            for (String e : engines) if (!found.contains(e)) throw JsEngines.unknown(e, found);
            return List.copyOf(engines);
        }
        if (found.isEmpty()) throw new IllegalArgumentException("no JavaScript engine on the class path");
        List<String> ordered = new ArrayList<>();
        for (String preferred : JsEngines.PREFERENCE) if (found.contains(preferred)) ordered.add(preferred);
        for (String id : found) if (!ordered.contains(id)) ordered.add(id);
        return ordered;
    }

    /** A unified diff, from the first engine's run to each run that differs from it. */
    static Map<String, String> diffs(List<EngineRun> runs) {
        Map<String, String> diffs = new LinkedHashMap<>();
        EngineRun first = runs.get(0);
        List<String> expected = first.comparable();
        for (EngineRun run : runs.subList(1, runs.size())) {
            List<String> actual = run.comparable();
            if (actual.equals(expected)) continue;
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(first.engine(), run.engine(), expected,
                    DiffUtils.diff(expected, actual), 2);
            diffs.put(run.engine(), String.join("\n", diff));
        }
        return diffs;
    }

    private static void print(PrintWriter out, FileResult r) {
        out.println(r.file() + ": " + (r.agree() ? "all engines agree" : "engines differ"));
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"engine", "outcome", "time", "value", "error"});
        for (EngineRun run : r.runs()) {
            cells.add(new String[] {run.engine(), run.outcome().label(), millis(run.time()), oneLine(run.value()),
                    oneLine(run.error())});
        }
        int[] width = new int[5];
        for (String[] c : cells) for (int i = 0; i < c.length; i++) width[i] = Math.max(width[i], c[i].length());
        for (String[] c : cells) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < c.length; i++) {
                String pad = " ".repeat(width[i] - c[i].length());
                line.append(i == 2 ? pad + c[i] : c[i] + pad).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
        if (r.agree()) {
            List<String> output = r.runs().get(0).output();
            out.println("  console (" + output.size() + (output.size() == 1 ? " line" : " lines") + ", the same on every engine)"
                    + (output.isEmpty() ? "" : ":"));
            for (String line : output) out.println("    " + line);
        } else {
            for (Map.Entry<String, String> d : r.diffs().entrySet()) {
                out.println("  " + d.getValue().replace("\n", "\n  "));
            }
        }
        out.println();
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%d ms", d.toMillis());
    }

    private static String oneLine(String s) {
        String flat = s.replace('\n', ' ');
        return flat.length() > 60 ? flat.substring(0, 57) + "..." : flat.isEmpty() ? "-" : flat;
    }

    private static Map<String, Object> toJson(List<FileResult> results) {
        List<Object> files = new ArrayList<>();
        for (FileResult r : results) {
            List<Object> runs = new ArrayList<>();
            for (EngineRun run : r.runs()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("engine", run.engine());
                m.put("outcome", run.outcome().label());
                m.put("error", run.outcome() == EngineRun.Outcome.ERROR ? run.error() : null);
                m.put("error_name", run.outcome() == EngineRun.Outcome.ERROR ? run.errorName() : null);
                m.put("value", run.outcome() == EngineRun.Outcome.OK ? run.value() : null);
                m.put("output", run.output());
                m.put("time_ms", run.time().toNanos() / 1e6);
                runs.add(m);
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", r.file().toString());
            f.put("agree", r.agree());
            f.put("runs", runs);
            f.put("diffs", r.diffs());
            files.add(f);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("agree", results.stream().allMatch(FileResult::agree));
        top.put("files", files);
        return top;
    }

    private static String read(Path file) {
        if (Files.isDirectory(file)) throw new IllegalArgumentException("cannot compare " + file + ": it is a directory, not a script file");
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot compare " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
