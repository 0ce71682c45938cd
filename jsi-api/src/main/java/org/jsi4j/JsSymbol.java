package org.jsi4j;

import java.util.Objects;

/**
 * A JavaScript symbol. Symbols have identity: two symbols are equal only when they are the same
 * symbol of the same runtime, whatever their descriptions. A symbol is made by
 * {@link JsRuntime#newSymbol(String)} or comes out of a script.
 */
public final class JsSymbol implements JsValue {
    private final String description;
    private final Object token;
    private final JsRuntime runtime;

    /**
     * Backend SPI: wraps an engine symbol. {@code token} is the engine's own symbol and decides
     * equality through its {@code equals}. Prefer {@link org.jsi4j.spi.RuntimeServices#symbol},
     * which records the runtime so that using the symbol in another runtime is refused.
     */
    public JsSymbol(String description, Object token) {
        this(description, token, null);
    }

    JsSymbol(String description, Object token, JsRuntime runtime) {
        this.description = description;
        this.token = Objects.requireNonNull(token, "token");
        this.runtime = runtime;
    }

    /** The runtime this symbol belongs to, when the backend recorded it. Never throws. */
    public java.util.Optional<JsRuntime> runtime() {
        return java.util.Optional.ofNullable(runtime);
    }

    /** The runtime recorded for this symbol, or {@code null}. */
    JsRuntime owner() {
        return runtime;
    }

    /** The symbol's description, or {@code null} when it has none. */
    public String description() {
        return description;
    }

    /** Backend SPI: the engine's symbol. */
    public Object token() {
        return token;
    }

    @Override
    public String typeOf() {
        return "symbol";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsSymbol s && token.equals(s.token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    @Override
    public String toString() {
        return "Symbol(" + (description == null ? "" : description) + ")";
    }
}
