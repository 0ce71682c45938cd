/**
 * The snapshot blob format shared by every backend: its codec, the setup journal and the parsed blob.
 *
 * <p>Stability: SPI. Used by backends and the core; applications use {@link org.jsi4j.Snapshot}.
 */
package org.jsi4j.snapshot;
