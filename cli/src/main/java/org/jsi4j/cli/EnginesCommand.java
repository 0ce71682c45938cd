package org.jsi4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jsi4j.Capabilities;
import org.jsi4j.EngineInfo;
import org.jsi4j.EngineOption;
import org.jsi4j.EsFeature;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.spi.JsEngineProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jsi engines}: a table of the engines on the class path and what each really does. */
@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "Lists the engines found, with id, name, version and capabilities.")
final class EnginesCommand implements Callable<Integer> {
    private static final List<String> HEADER = List.of("ID", "NAME", "VERSION", "JIT", "SNAPSHOTS");

    @Spec
    CommandSpec spec;

    @Option(names = "--options", description = "Also list each engine's own options (for --engine-option KEY=VALUE).")
    boolean options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, JsEngineProvider> providers = JsEngines.providers();
        if (providers.isEmpty()) {
            spec.commandLine().getErr().println("jsi: no JavaScript engine on the class path: add runtime-rhino, runtime-graal or runtime-v8 to the cli");
            return Jsi.USAGE;
        }
        String selected = selectedOrNull();
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        List<String> details = new ArrayList<>();
        for (String id : providers.keySet()) {
            String shownId = id.equals(selected) ? id + " *" : id;
            try {
                JsRuntimeFactory factory = JsEngines.factory(id);
                rows.add(row(shownId, factory.engine(), factory.capabilities()));
                details.addAll(details(id, factory.capabilities()));
                details.addAll(engineOptions(factory.engineOptions()));
            } catch (RuntimeException | LinkageError e) {
                rows.add(List.of(shownId, "(unavailable)", "", "", ""));
                details.add(id);
                details.add("  unavailable: " + e.getMessage());
                if (Jsi.debug(spec)) Jsi.printStack(spec.commandLine().getErr(), e);
            }
        }
        printTable(out, rows);
        out.println(selected == null ? "No engine is selected." : "* default engine (--engine, -D" + JsEngines.PROPERTY
                + " or " + JsEngines.ENV + " choose another; else the first of " + String.join(", ", JsEngines.PREFERENCE) + ")");
        out.println();
        details.forEach(out::println);
        out.flush();
        return 0;
    }

    private static String selectedOrNull() {
        try {
            return JsEngines.selectedId();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static List<String> row(String id, EngineInfo engine, Capabilities caps) {
        return List.of(id, engine.name(), engine.version(), caps.jit() ? "yes" : "no", words(caps.snapshots().name()));
    }

    private static List<String> details(String id, Capabilities caps) {
        Set<EsFeature> absent = EnumSet.allOf(EsFeature.class);
        absent.removeAll(caps.esFeatures());
        return List.of(id,
                "  execution           " + caps.execution(),
                "  limits              " + (caps.limits().isEmpty() ? "none"
                        : caps.limits().stream().sorted().map(r -> words(r.name())).collect(Collectors.joining(", "))),
                "  ES features absent  " + (absent.isEmpty() ? "none"
                        : absent.stream().map(f -> words(f.name())).collect(Collectors.joining(", "))));
    }

    /** One line naming the engine's options, or with {@code --options} one line for each. */
    private List<String> engineOptions(List<EngineOption<?>> accepted) {
        if (accepted.isEmpty()) return List.of("  engine options      none");
        if (!options) {
            String names = accepted.size() <= 4 ? accepted.stream().map(EngineOption::key).collect(Collectors.joining(", "))
                    : accepted.size() + " " + accepted.get(0).engine() + ".* options";
            return List.of("  engine options      " + names + " (jsi engines --options describes them)");
        }
        List<String> lines = new ArrayList<>();
        lines.add("  engine options      (--engine-option KEY=VALUE)");
        for (EngineOption<?> o : accepted) lines.add("    " + o);
        return lines;
    }

    /** {@code ASYNC_AWAIT} -> {@code async-await}. */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void printTable(PrintWriter out, List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
