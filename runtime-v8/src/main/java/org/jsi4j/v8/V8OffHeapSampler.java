package org.jsi4j.v8;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples, every {@link #PERIOD_MILLIS} ms, the memory V8 holds outside its heap (ArrayBuffer
 * and typed-array backing stores, counted by V8 as external memory) for every V8 runtime that is
 * running a script, and has {@link V8Limits} stop a script whose heap plus external memory passed
 * the runtime's memory limit: V8's own heap limit does not see backing stores. One daemon thread
 * for the process; the statistics come from Javet's cross-thread
 * {@code V8Runtime.getV8HeapStatistics()}, which V8 answers at its next interrupt check while a
 * script runs.
 */
final class V8OffHeapSampler {
    /** How often the runtimes running a script are sampled. */
    static final long PERIOD_MILLIS = 10;

    private static final Set<V8Limits> WATCHED = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService SAMPLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jsi4j-v8-offheap-sampler");
        t.setDaemon(true);
        return t;
    });

    static {
        SAMPLER.scheduleWithFixedDelay(V8OffHeapSampler::sampleAll, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private V8OffHeapSampler() {
    }

    /** Samples {@code limits} from now until {@link #unwatch}. */
    static void watch(V8Limits limits) {
        WATCHED.add(limits);
    }

    static void unwatch(V8Limits limits) {
        WATCHED.remove(limits);
    }

    private static void sampleAll() {
        for (V8Limits limits : WATCHED) {
            try {
                limits.sampleOffHeap();
            } catch (RuntimeException e) {
                // the runtime closed between the check and the call: nothing to stop
            }
        }
    }
}
