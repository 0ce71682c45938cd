package org.jsi4j;

/** JavaScript's {@code null}. */
public enum JsNull implements JsValue {
    /** The only instance. */
    INSTANCE;

    @Override
    public String typeOf() {
        return "object";
    }

    @Override
    public String toString() {
        return "null";
    }
}
