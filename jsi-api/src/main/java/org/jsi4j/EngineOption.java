package org.jsi4j;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One option a backend accepts beyond {@link RuntimeOptions}' engine-neutral ones: a Rhino language
 * version, a GraalJS {@code js.*} option, V8 flags. Its {@link #key()} is qualified by the engine id
 * ({@code rhino.optimizationLevel}, {@code graal.js.strict}, {@code v8.flags}); its value is given
 * as text (from a command line or a configuration file) or typed ({@link RuntimeOptions#with}) and
 * checked by {@link #parse}. A factory lists those it accepts in {@link JsRuntimeFactory#engineOptions()}.
 *
 * <p>Stability: experimental (the set of options each engine accepts may grow).
 *
 * @param <T> the type of the option's value
 */
public final class EngineOption<T> {
    /** When an option takes effect. */
    public enum Scope {
        /** For each runtime made with it. */
        RUNTIME,
        /**
         * For the whole process, fixed when the engine is first loaded (V8's flags); a different
         * value given later is refused with an {@link IllegalStateException}.
         */
        PROCESS
    }

    private final String engine;
    private final String name;
    private final String type;
    private final String description;
    private final Scope scope;
    private final Function<String, T> parser;

    private EngineOption(String engine, String name, String type, String description, Scope scope, Function<String, T> parser) {
        this.engine = requireText(engine, "engine");
        this.name = requireText(name, "name");
        this.type = requireText(type, "type");
        this.description = requireText(description, "description");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) throw new IllegalArgumentException("an engine option needs a " + what);
        return s;
    }

    /**
     * An option of any type. {@code parser} turns the text form into the value and throws
     * {@link IllegalArgumentException} with a short reason (it is prefixed with the option and engine).
     *
     * @param type what the value looks like, for messages and listings ({@code "an integer from -1 to 9"})
     */
    public static <T> EngineOption<T> of(String engine, String name, String type, String description, Scope scope,
                                         Function<String, T> parser) {
        return new EngineOption<>(engine, name, type, description, scope, parser);
    }

    /** An integer option from {@code min} to {@code max}. */
    public static EngineOption<Integer> ofInt(String engine, String name, int min, int max, String description) {
        return of(engine, name, "an integer from " + min + " to " + max, description, Scope.RUNTIME, text -> {
            int v;
            try {
                v = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not an integer");
            }
            if (v < min || v > max) throw new IllegalArgumentException(v + " is out of range");
            return v;
        });
    }

    /** An option whose value is one of {@code values}. */
    public static EngineOption<String> ofChoice(String engine, String name, List<String> values, String description) {
        List<String> allowed = List.copyOf(values);
        return of(engine, name, "one of " + String.join(", ", allowed), description, Scope.RUNTIME, text -> {
            if (!allowed.contains(text.trim())) throw new IllegalArgumentException("'" + text + "' is not one of them");
            return text.trim();
        });
    }

    /** A boolean option: {@code true} or {@code false}. */
    public static EngineOption<Boolean> ofBoolean(String engine, String name, String description) {
        return of(engine, name, "true or false", description, Scope.RUNTIME, text -> switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is neither true nor false");
        });
    }

    /** The engine id this option belongs to. */
    public String engine() {
        return engine;
    }

    /** The option's name within its engine ({@code optimizationLevel}). */
    public String name() {
        return name;
    }

    /** The qualified key: {@code engine + "." + name}. */
    public String key() {
        return engine + "." + name;
    }

    /** What the value looks like ({@code "an integer from -1 to 9"}). */
    public String type() {
        return type;
    }

    /** What the option does. */
    public String description() {
        return description;
    }

    /** When it takes effect. */
    public Scope scope() {
        return scope;
    }

    /**
     * The value of {@code text}.
     *
     * @throws IllegalArgumentException naming the option, the engine and the values accepted
     */
    public T parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            T value = parser.apply(text);
            if (value == null) throw new IllegalArgumentException("no value");
            return value;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Engine option " + key() + "=" + text + " for engine " + engine + ": "
                    + e.getMessage() + "; expected " + type, e);
        }
    }

    /** {@code key (type): description}, as listings show it. */
    @Override
    public String toString() {
        return key() + " (" + type + (scope == Scope.PROCESS ? ", per process" : "") + "): " + description;
    }
}
