package org.jsi4j.spi;

/**
 * Compiles modern JavaScript down to ES5 for an engine that lacks some of its syntax, when a runtime
 * is made with {@link org.jsi4j.RuntimeOptions#withTranspile(boolean)}. Found with
 * {@link java.util.ServiceLoader}: list an implementation in
 * {@code META-INF/services/org.jsi4j.spi.ScriptTranspiler} (the {@code jsi-modules} artifact does).
 * Implementations are shared by every runtime and thread.
 */
public interface ScriptTranspiler {
    /**
     * A script as the engine runs it.
     *
     * @param code the compiled script, on the original's lines
     * @param needsHelpers whether it calls the {@link #helpers()}
     */
    record Result(String code, boolean needsHelpers) {
    }

    /**
     * Compiles {@code source}. Code the transpiler cannot lower (a feature it does not know) comes
     * back unchanged, for the engine to judge.
     *
     * @throws org.jsi4j.JsSyntaxError when it does not parse, at the original's line and column
     */
    Result transpile(String source, String sourceName);

    /** The functions compiled scripts call, evaluated once in a runtime before the first script that needs them. */
    String helpers();
}
