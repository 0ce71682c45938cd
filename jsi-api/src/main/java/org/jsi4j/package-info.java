/**
 * The jsi4j API: runtimes, values, host functions and objects, errors, snapshots, engine selection.
 *
 * <p>Stability: stable, except {@link org.jsi4j.EngineOption} and {@link org.jsi4j.EngineOptions}
 * (experimental: each engine's set of options may change). Stable types change only compatibly
 * within a major version; experimental ones may change in any release.
 */
package org.jsi4j;
