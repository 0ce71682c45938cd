/**
 * The V8 backend through Javet. Public: {@link org.jsi4j.v8.V8RuntimeFactory}, {@link org.jsi4j.v8.V8EngineProvider},
 * {@link org.jsi4j.v8.V8Module} (Guice) and {@link org.jsi4j.v8.V8Options}; everything else is internal.
 *
 * <p>Stability: stable, except {@link org.jsi4j.v8.V8Options} (experimental).
 */
package org.jsi4j.v8;
