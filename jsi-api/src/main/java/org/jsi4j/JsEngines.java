package org.jsi4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jsi4j.spi.JsEngineProvider;

/**
 * The engines on the class path, found with {@link ServiceLoader}, and the choice among them:
 * {@code jsi.engine} system property, then {@code JSI_ENGINE} environment variable, then the
 * first available of {@code v8}, {@code graal}, {@code rhino}.
 */
public final class JsEngines {
    /** The system property that selects an engine. */
    public static final String PROPERTY = "jsi.engine";
    /** The environment variable that selects an engine. */
    public static final String ENV = "JSI_ENGINE";
    /** Preference order when nothing is selected. */
    public static final List<String> PREFERENCE = List.of("v8", "graal", "rhino");

    private static final Map<String, JsRuntimeFactory> FACTORIES = new ConcurrentHashMap<>();

    private JsEngines() {
    }

    /** Every engine provider found, by id, in id order. */
    public static Map<String, JsEngineProvider> providers() {
        Map<String, JsEngineProvider> found = new TreeMap<>();
        for (JsEngineProvider p : ServiceLoader.load(JsEngineProvider.class, JsEngines.class.getClassLoader())) {
            found.putIfAbsent(p.id(), p);
        }
        return found;
    }

    /** The ids of every engine found. */
    public static List<String> ids() {
        return new ArrayList<>(providers().keySet());
    }

    /**
     * The shared factory for engine {@code id}, made on first use.
     *
     * @throws IllegalArgumentException when no such engine is on the class path; the message lists
     *     those that are
     */
    public static JsRuntimeFactory factory(String id) {
        JsRuntimeFactory existing = FACTORIES.get(id);
        if (existing != null) return existing;
        JsEngineProvider provider = providers().get(id);
        if (provider == null) throw unknown(id, ids());
        return FACTORIES.computeIfAbsent(id, k -> provider.createFactory());
    }

    /**
     * The shared factory for engine {@code id} with {@code options} applied to each runtime it
     * makes ({@link JsRuntimeFactory#withEngineOptions}); the options of engine {@code id} are
     * checked now, without loading the engine.
     *
     * @throws IllegalArgumentException for an unknown engine, or an option of engine {@code id} it
     *     does not accept or cannot parse (the message lists those it accepts)
     */
    public static JsRuntimeFactory configured(String id, EngineOptions options) {
        JsRuntimeFactory factory = factory(id);
        options.resolve(id, factory.engineOptions());
        return options.isEmpty() ? factory : factory.withEngineOptions(options);
    }

    /** The factory for the selected engine ({@link #selectedId()}). */
    public static JsRuntimeFactory selected() {
        return factory(selectedId());
    }

    /**
     * The engine id chosen by {@code jsi.engine}, else {@code JSI_ENGINE}, else the first of
     * {@link #PREFERENCE} found.
     *
     * @throws IllegalStateException when no engine is on the class path
     */
    public static String selectedId() {
        String id = System.getProperty(PROPERTY);
        if (id == null || id.isBlank()) id = System.getenv(ENV);
        if (id != null && !id.isBlank()) return id.trim();
        List<String> ids = ids();
        for (String preferred : PREFERENCE) if (ids.contains(preferred)) return preferred;
        if (ids.isEmpty()) {
            throw new IllegalStateException("No JavaScript engine on the class path: add runtime-rhino, runtime-graal or runtime-v8");
        }
        return ids.get(0);
    }

    /** The error for an unknown engine id, listing the engines available. */
    public static IllegalArgumentException unknown(String id, List<String> available) {
        return new IllegalArgumentException("Unknown JavaScript engine '" + id + "'. Engines available: "
                + (available.isEmpty() ? "none" : String.join(", ", available))
                + ". Choose one with --engine, -D" + PROPERTY + " or " + ENV + ".");
    }
}
