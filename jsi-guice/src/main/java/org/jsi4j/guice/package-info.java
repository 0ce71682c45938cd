/**
 * Guice wiring: engine selection ({@link org.jsi4j.guice.EnginesModule}) and the engine registry
 * backends add to ({@link org.jsi4j.guice.EngineBindings}).
 *
 * <p>Stability: stable; {@code EnginesModule.withEngineOptions} is experimental, as engine options are.
 */
package org.jsi4j.guice;
