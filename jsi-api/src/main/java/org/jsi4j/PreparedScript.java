package org.jsi4j;

/**
 * A script compiled once and run many times in its runtime, made by
 * {@link JsRuntime#prepare(String, String)}. Each {@link #run()} evaluates it anew in the
 * runtime's global scope.
 */
public final class PreparedScript {
    private final JsRuntime runtime;
    private final Object compiled;
    private final String sourceName;
    private final String source;

    PreparedScript(JsRuntime runtime, Object compiled, String sourceName, String source) {
        this.runtime = runtime;
        this.compiled = compiled;
        this.sourceName = sourceName;
        this.source = source;
    }

    /** The name the script was given. */
    public String sourceName() {
        return sourceName;
    }

    /**
     * Runs the script and returns its completion value.
     *
     * @throws JsException when the script throws or is stopped
     * @throws JsReleasedException when the runtime closed
     * @throws WrongThreadException off the owner thread
     */
    public JsValue run() {
        return runtime.run(compiled, sourceName, source);
    }
}
