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

    /**
     * Backend SPI: wraps an engine symbol. {@code token} is the engine's own symbol and decides
     * equality through its {@code equals}.
     */
    public JsSymbol(String description, Object token) {
        this.description = description;
        this.token = Objects.requireNonNull(token, "token");
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
