package org.jsi4j;

/** A JavaScript boolean. */
public record JsBoolean(boolean value) implements JsValue {
    /** {@code true}. */
    public static final JsBoolean TRUE = new JsBoolean(true);
    /** {@code false}. */
    public static final JsBoolean FALSE = new JsBoolean(false);

    @Override
    public String typeOf() {
        return "boolean";
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
