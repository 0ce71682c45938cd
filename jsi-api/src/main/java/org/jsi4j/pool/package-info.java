/**
 * Runtime pools: a bounded set of JS threads, each owning a ready runtime.
 *
 * <p>Stability: experimental.
 */
package org.jsi4j.pool;
