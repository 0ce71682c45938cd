/**
 * The backend SPI: what an engine implements to run under jsi4j ({@link org.jsi4j.spi.JsEngineProvider},
 * {@link org.jsi4j.spi.EngineBackend}) and what the core gives it ({@link org.jsi4j.spi.RuntimeServices}).
 *
 * <p>Stability: SPI. For backend authors, not for applications; it may grow with each minor
 * version (new methods get default implementations where they can).
 */
package org.jsi4j.spi;
