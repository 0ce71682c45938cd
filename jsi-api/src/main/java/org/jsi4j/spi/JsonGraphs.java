package org.jsi4j.spi;

import org.jsi4j.JsValue;

/**
 * An engine's own conversion of whole graphs between its values and Java data with the meaning of
 * JSON, for {@link org.jsi4j.JsRuntime#toJavaData} and {@link org.jsi4j.JsRuntime#fromJavaData}
 * (whose javadoc states the rules; {@link org.jsi4j.JavaData} has the shared pieces and errors).
 * Worth having where Java can read the engine's objects directly (Rhino); the core walks through
 * the SPI's per-property operations for an engine without one.
 */
public interface JsonGraphs {
    /**
     * The graph of the object {@code handle} as Java data. The core has checked the handle and runs
     * this as an entry; the walk checks for a stop of the runtime as it goes, so that a huge graph
     * can be interrupted or limited like a script.
     */
    Object toJava(Object handle);

    /**
     * {@code data} as a new value, or an {@link IllegalArgumentException} (any message: the core
     * replaces it with one that says where) at the first part that is not JSON data: a key that fails
     * {@link org.jsi4j.JavaData#isKey}, a leaf that fails {@link org.jsi4j.JavaData#isLeaf}, nesting
     * deeper than {@link org.jsi4j.JavaData#MAX_DEPTH}.
     */
    JsValue toEngine(Object data);
}
