/**
 * The GraalJS backend. Public: {@link org.jsi4j.graal.GraalRuntimeFactory}, {@link org.jsi4j.graal.GraalEngineProvider}
 * and {@link org.jsi4j.graal.GraalModule} (Guice); everything else is internal. Its engine options are
 * GraalJS's own ({@code graal.js.*}, experimental).
 *
 * <p>Stability: stable.
 */
package org.jsi4j.graal;
