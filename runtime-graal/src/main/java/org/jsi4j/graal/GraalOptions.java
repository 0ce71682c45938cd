package org.jsi4j.graal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptor;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Instrument;
import org.jsi4j.EngineOption;
import org.jsi4j.RuntimeOptions;

/**
 * The engine options GraalJS accepts: its own {@code js.*} context options, as GraalJS describes
 * them (key {@code graal.js.strict}, {@code graal.js.ecmascript-version}, ...; the list with types
 * and help is {@link GraalRuntimeFactory#engineOptions()} or {@code ./jsi engines}), each value
 * checked by GraalJS's own option type. Left out: GraalJS's internal and test options, and those
 * that would give scripts more than the sandbox does (file loading, printing, {@code Java},
 * {@code Polyglot}, {@code Graal} and shell built-ins, CommonJS {@code require}, workers). Engine-wide
 * options ({@code engine.*}, {@code compiler.*}) are not per runtime and are not accepted, except the
 * Chrome DevTools inspector's ({@code graal.inspect}, {@code graal.inspect.Suspend}, ...) when
 * {@code org.graalvm.tools:chromeinspector-tool} is on the class path: a runtime given them runs on
 * an engine of its own, closed with it.
 *
 * <p>Stability: experimental.
 */
final class GraalOptions {
    /** Options that widen the sandbox (or print, or load files): never passed through. */
    static final Set<String> REFUSED = Set.of("js.console", "js.graal-builtin", "js.load", "js.print",
            "js.print-no-newline", "js.polyglot-builtin", "js.polyglot-evalfile", "js.java-package-globals",
            "js.global-arguments", "js.scripting", "js.shell", "js.commonjs-require", "js.commonjs-require-cwd",
            "js.commonjs-core-modules-replacements", "js.load-from-classpath", "js.load-from-url", "js.nashorn-compat",
            "js.worker", "js.webassembly", "js.performance",
            // jsi4j's module system relies on it (GraalNativeModules' registry)
            "js.esm-eval-returns-exports");

    /** The Chrome DevTools inspector's instrument and option name. */
    static final String INSPECT = "inspect";

    private final List<EngineOption<?>> accepted;

    GraalOptions(Engine engine) {
        List<EngineOption<?>> list = new ArrayList<>();
        for (OptionDescriptor d : engine.getLanguages().get("js").getOptions()) {
            if (d.getCategory() == OptionCategory.INTERNAL || d.isDeprecated() || REFUSED.contains(d.getName())) continue;
            String syntax = d.getUsageSyntax();
            String type = syntax == null || syntax.isBlank() || syntax.equals("null") ? "true or false" : syntax;
            boolean version = d.getName().equals("js.ecmascript-version");
            if (version) type = type + ", at least 12 (2021)";
            list.add(EngineOption.of(GraalEngineProvider.ID, d.getName(), type, d.getHelp().isBlank() ? "(GraalJS gives no description)" : d.getHelp().replace('\n', ' '),
                    EngineOption.Scope.RUNTIME, text -> {
                        d.getKey().getType().convert(text); // IllegalArgumentException for a malformed value
                        if (version && text.trim().matches("\\d+")) {
                            int n = Integer.parseInt(text.trim());
                            // jsi4j's own helper scripts use ES2021 (const, arrows, Symbol, globalThis, WeakRef)
                            if ((n >= 2015 ? n - 2009 : n) < 12) throw new IllegalArgumentException("jsi4j needs ECMAScript 2021 or newer");
                        }
                        return text;
                    }));
        }
        // the Chrome DevTools inspector (org.graalvm.tools:chromeinspector-tool), when on the class path
        Instrument inspector = engine.getInstruments().get(INSPECT);
        if (inspector != null) {
            for (OptionDescriptor d : inspector.getOptions()) {
                if (d.getCategory() == OptionCategory.INTERNAL || d.isDeprecated()) continue;
                String syntax = d.getUsageSyntax();
                String type = syntax == null || syntax.isBlank() || syntax.equals("null") ? "true or false" : syntax;
                list.add(EngineOption.of(GraalEngineProvider.ID, d.getName(), type,
                        d.getHelp().replace('\n', ' ') + " (a runtime with inspect gets an engine of its own)",
                        EngineOption.Scope.RUNTIME, text -> {
                            d.getKey().getType().convert(text);
                            return text;
                        }));
            }
        }
        accepted = List.copyOf(list);
    }

    /**
     * The inspector options among checked {@code values} (names {@code inspect}, {@code inspect.*}),
     * empty when the runtime is not to be inspected.
     */
    static Map<String, String> inspector(Map<String, Object> values) {
        if (!values.containsKey(INSPECT)) return Map.of();
        Map<String, String> engineOptions = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (isInspector(name)) engineOptions.put(name, (String) value);
        });
        return engineOptions;
    }

    private static boolean isInspector(String name) {
        return name.equals(INSPECT) || name.startsWith(INSPECT + ".");
    }

    /** Every option accepted, in GraalJS's order. */
    List<EngineOption<?>> accepted() {
        return accepted;
    }

    /**
     * The GraalJS options of {@code options}, checked.
     *
     * @throws IllegalArgumentException for an unknown or malformed one
     */
    Map<String, Object> resolve(RuntimeOptions options) {
        return options.engineOptions().resolve(GraalEngineProvider.ID, accepted);
    }

    /** Sets the checked {@code values} on a context being built. */
    static void apply(Context.Builder builder, Map<String, Object> values) {
        values.forEach((name, value) -> {
            if (!isInspector(name)) builder.option(name, (String) value); // engine options: GraalRuntimeFactory
        });
    }
}
