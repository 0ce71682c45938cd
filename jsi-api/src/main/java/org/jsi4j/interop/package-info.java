/**
 * Conversions between Java objects and JavaScript values.
 *
 * <p>Stability: experimental.
 */
package org.jsi4j.interop;
