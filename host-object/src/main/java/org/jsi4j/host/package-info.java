/**
 * Engine-neutral native modules and built-ins: annotation binding ({@link org.jsi4j.host.JsModule}),
 * {@code require} ({@link org.jsi4j.host.ModuleRegistry}), {@code console}, timers, type mapping.
 *
 * <p>Stability: stable, except {@link org.jsi4j.host.BulkConversion} and {@link org.jsi4j.host.BulkPolicy}
 * (experimental: the bulk-conversion fast path is being tuned).
 */
package org.jsi4j.host;
