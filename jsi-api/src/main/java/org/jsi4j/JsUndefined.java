package org.jsi4j;

/** JavaScript's {@code undefined}. */
public enum JsUndefined implements JsValue {
    /** The only instance. */
    INSTANCE;

    @Override
    public String typeOf() {
        return "undefined";
    }

    @Override
    public String toString() {
        return "undefined";
    }
}
