package org.jsi4j.spi;

/** Which {@link org.jsi4j.JsObject} class a backend's object handle becomes. */
public enum ObjectKind {
    OBJECT,
    ARRAY,
    FUNCTION,
    ARRAY_BUFFER
}
