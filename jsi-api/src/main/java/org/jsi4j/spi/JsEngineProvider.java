package org.jsi4j.spi;

import org.jsi4j.JsRuntimeFactory;

/**
 * A backend, found with {@link java.util.ServiceLoader}: a backend jar lists its provider in
 * {@code META-INF/services/org.jsi4j.spi.JsEngineProvider}, and {@link org.jsi4j.JsEngines} finds
 * it without code changes.
 */
public interface JsEngineProvider {
    /** The engine id ({@code graal}, {@code v8}, {@code rhino}, or a third party's). */
    String id();

    /** Makes the factory; called once per {@link org.jsi4j.JsEngines} lookup, lazily. */
    JsRuntimeFactory createFactory();
}
