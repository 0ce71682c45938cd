/**
 * The Rhino backend. Public: {@link org.jsi4j.rhino.RhinoRuntimeFactory}, {@link org.jsi4j.rhino.RhinoEngineProvider},
 * {@link org.jsi4j.rhino.RhinoModule} (Guice) and {@link org.jsi4j.rhino.RhinoOptions}; everything else is internal.
 *
 * <p>Stability: stable, except {@link org.jsi4j.rhino.RhinoOptions} (experimental).
 */
package org.jsi4j.rhino;
