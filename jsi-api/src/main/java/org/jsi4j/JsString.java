package org.jsi4j;

import java.util.Objects;

/** A JavaScript string. */
public record JsString(String value) implements JsValue {
    /** Refuses {@code null}. */
    public JsString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeOf() {
        return "string";
    }

    @Override
    public String toString() {
        return value;
    }
}
