package org.jsi4j;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Backend-specific options of a {@link RuntimeOptions}, by qualified key ({@code rhino.languageVersion}),
 * each value in text form. Immutable. An engine reads only the keys that start with its own id and a
 * dot, so one {@code RuntimeOptions} can carry options for several engines (a comparison run); it
 * refuses any other key of its own ({@link #resolve}).
 *
 * <p>Stability: experimental.
 */
public final class EngineOptions {
    private static final EngineOptions NONE = new EngineOptions(Map.of());

    private final Map<String, String> values;

    private EngineOptions(Map<String, String> values) {
        this.values = values;
    }

    /** No engine options. */
    public static EngineOptions none() {
        return NONE;
    }

    /**
     * The options of {@code byKey}, each key {@code engine.name}.
     *
     * @throws IllegalArgumentException for a key that names no engine ({@code "engine.option"} expected)
     */
    public static EngineOptions of(Map<String, String> byKey) {
        Map<String, String> copy = new TreeMap<>();
        Objects.requireNonNull(byKey, "byKey").forEach((k, v) -> copy.put(checkKey(k), Objects.requireNonNull(v, "value of " + k)));
        return copy.isEmpty() ? NONE : new EngineOptions(Collections.unmodifiableMap(copy));
    }

    /**
     * Parses {@code key=value} (as given to {@code ./jsi --engine-option}).
     *
     * @throws IllegalArgumentException when there is no {@code =} or the key names no engine
     */
    public static Map.Entry<String, String> parseAssignment(String assignment) {
        int eq = assignment == null ? -1 : assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("An engine option is ENGINE.NAME=VALUE (e.g. rhino.optimizationLevel=-1), got '"
                    + assignment + "'");
        }
        return Map.entry(checkKey(assignment.substring(0, eq).trim()), assignment.substring(eq + 1));
    }

    private static String checkKey(String key) {
        int dot = key == null ? -1 : key.indexOf('.');
        if (dot <= 0 || dot == key.length() - 1) {
            throw new IllegalArgumentException("An engine option's key is ENGINE.NAME (e.g. rhino.optimizationLevel,"
                    + " graal.js.strict, v8.flags), got '" + key + "'");
        }
        return key;
    }

    /** With {@code key} set to {@code value} (text form). */
    public EngineOptions with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(checkKey(key), Objects.requireNonNull(value, "value"));
        return of(copy);
    }

    /** Every option, by key. */
    public Map<String, String> asMap() {
        return values;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The options for engine {@code engineId}, by name (the key without {@code engineId + "."}). */
    public Map<String, String> forEngine(String engineId) {
        String prefix = engineId + ".";
        Map<String, String> mine = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) mine.put(k.substring(prefix.length()), v);
        });
        return mine;
    }

    /**
     * The values of the options for engine {@code engineId}, parsed by the options it accepts.
     *
     * @return the parsed values by option name; an option not given is absent
     * @throws IllegalArgumentException for an option of {@code engineId} it does not accept (the
     *     message lists those it does), or a value an option cannot parse
     */
    public Map<String, Object> resolve(String engineId, List<EngineOption<?>> accepted) {
        Map<String, String> mine = forEngine(engineId);
        if (mine.isEmpty()) return Map.of();
        Map<String, EngineOption<?>> byName = new TreeMap<>();
        for (EngineOption<?> o : accepted) byName.put(o.name(), o);
        Map<String, Object> parsed = new LinkedHashMap<>();
        mine.forEach((name, text) -> {
            EngineOption<?> option = byName.get(name);
            if (option == null) throw unknown(engineId + "." + name, engineId, accepted);
            parsed.put(name, option.parse(text));
        });
        return parsed;
    }

    /**
     * The error for an option engine {@code engineId} does not accept, on one line naming those it
     * does ({@link JsRuntimeFactory#engineOptions()} describes each).
     */
    public static IllegalArgumentException unknown(String key, String engineId, List<EngineOption<?>> accepted) {
        StringBuilder b = new StringBuilder("Unknown engine option '").append(key).append("' for engine ").append(engineId);
        if (accepted.isEmpty()) return new IllegalArgumentException(b.append(": it accepts no engine options").toString());
        b.append("; it accepts ");
        for (int i = 0; i < accepted.size(); i++) b.append(i == 0 ? "" : ", ").append(accepted.get(i).key());
        return new IllegalArgumentException(b.append(" (./jsi engines --options lists what each does)").toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineOptions e && e.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
