/**
 * The module system behind {@code import} and {@code require} of files on every engine.
 *
 * <p>Stability: experimental.
 */
package org.jsi4j.esm;
