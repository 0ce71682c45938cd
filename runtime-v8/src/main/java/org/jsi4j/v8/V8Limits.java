package org.jsi4j.v8;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IJavetNearHeapLimitCallback;
import com.caoccao.javet.interop.monitoring.V8HeapStatistics;
import org.jsi4j.JsTerminatedException;

/**
 * The heap limit of one isolate. V8 calls {@link HeapGuard} when the heap nears the limit; it
 * asks V8 to terminate the script and raises the limit for the moment: by at least the current
 * limit (256 MB or more), because the allocation that reached the limit may be one large object
 * (a 100-million-element array is 800 MB) and V8 aborts the process when the raised limit still
 * cannot hold it. Once the script has unwound, {@link #takeHit()} collects garbage, puts the limit
 * back; the runtime stays usable (a script can drop what it kept), and the message says when
 * what the script kept reachable still fills the heap.
 */
final class V8Limits {
    /** The least a near-heap-limit call raises the limit by. */
    private static final long MIN_HEADROOM = 256L << 20;
    /** The most the limit is raised to; beyond it V8 runs out of its 4 GB pointer cage anyway. */
    private static final long MAX_RAISED = 3L << 30;

    private final V8Runtime rt;
    private final long heapLimit;
    private final HeapGuard guard = new HeapGuard();
    private volatile boolean hit;

    V8Limits(V8Runtime rt, long heapLimit) {
        this.rt = rt;
        this.heapLimit = heapLimit;
        applyHeapLimit();
    }

    /** The heap limit this isolate enforces, in bytes. */
    long heapLimit() {
        return heapLimit;
    }

    /** Whether the heap reached its limit since the last {@link #takeHit()}. One volatile read. */
    boolean hit() {
        return hit;
    }

    /**
     * After a script stopped (or, rarely, finished) past the heap limit: cancels the termination,
     * collects garbage and restores the limit. Returns the exception to report, or {@code null}
     * when the limit was not reached.
     */
    JsTerminatedException takeHit() {
        if (!hit) return null;
        hit = false;
        rt.cancelTerminateExecution();
        rt.lowMemoryNotification();
        applyHeapLimit();
        long used = usedHeap();
        String limit = (heapLimit >> 20) + " MB";
        String still = used > heapLimit - heapLimit / 4
                ? " What the script left reachable still uses " + (used >> 20) + " MB after a garbage collection:"
                        + " drop it (for example delete the globals holding it) or close this runtime."
                : " The runtime is still usable.";
        return new JsTerminatedException(JsTerminatedException.Reason.MEMORY_LIMIT,
                "The script was stopped because the V8 heap reached its limit of " + limit
                        + ". Raise RuntimeOptions.maxHeapBytes or make the script keep less alive." + still, true);
    }

    private long usedHeap() {
        V8HeapStatistics stats = rt.getV8HeapStatistics().getNow(null);
        return stats == null ? 0 : stats.getUsedHeapSize();
    }

    /**
     * Sets this isolate's heap limit: V8 lowers the limit to the given value when a near-heap-limit
     * callback is removed, then the guard is installed again.
     */
    private void applyHeapLimit() {
        if (rt.getNearHeapLimitCallback() == null) rt.setNearHeapLimitCallback(guard);
        rt.setNearHeapLimitCallback(null);
        rt.setNearHeapLimitCallback(guard);
    }

    /** Stops a script near the heap limit; removing it resets V8's limit to {@link #heapLimit}. */
    private final class HeapGuard implements IJavetNearHeapLimitCallback {
        @Override
        public long callback(long current, long initial) {
            hit = true;
            rt.terminateExecution();
            long raised = current + Math.max(current, MIN_HEADROOM);
            return Math.max(current + MIN_HEADROOM, Math.min(raised, MAX_RAISED));
        }

        @Override
        public long getDefaultHeapLimit() {
            return heapLimit;
        }
    }
}
