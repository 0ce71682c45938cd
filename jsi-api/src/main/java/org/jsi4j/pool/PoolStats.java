package org.jsi4j.pool;

/**
 * The counters of a {@link JsRuntimePool} at one moment.
 *
 * @param size the pool's runtimes (and JS threads)
 * @param idle runtimes ready and waiting for work
 * @param busy runtimes running work now
 * @param waiting pieces of work waiting for a runtime
 * @param created runtimes made since the pool started
 * @param evicted runtimes closed after use (discarded, worn out, or left unusable by their work)
 * @param completed pieces of work finished, normally or not
 * @param failedCreations attempts to make a runtime that failed (each failure fails one waiting piece of work)
 */
public record PoolStats(int size, int idle, int busy, int waiting, long created, long evicted, long completed,
                        long failedCreations) {
}
