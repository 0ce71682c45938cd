/**
 * Modules seen from the API: the {@link org.jsi4j.modules.ModuleLoader} SPI that resolves a specifier to source,
 * and the module system's entry points.
 *
 * <p>Stability: experimental.
 */
package org.jsi4j.modules;
