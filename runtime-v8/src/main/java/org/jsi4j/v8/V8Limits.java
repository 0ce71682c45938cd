package org.jsi4j.v8;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IJavetNearHeapLimitCallback;
import com.caoccao.javet.interop.monitoring.V8HeapStatistics;
import org.jsi4j.JsTerminatedException;

/**
 * The stack and heap limits of one isolate.
 *
 * <p><b>Stack.</b> V8 (as built into Javet 5.0.6) places a thread's stack limit
 * {@code --stack-size} below the <em>top</em> of that thread's stack, whatever the depth it is
 * entered from (a runtime created deep in a thread's stack gets the same limit as one created at
 * its top; a call entering below the limit aborts the process). On a thread whose whole stack is
 * smaller than that, the limit lies past the stack's end and deep recursion is a SIGSEGV. Javet
 * offers no way to set the limit per thread, and the flag is fixed for the process when the first
 * isolate is made, so {@link #checkOwnerThread()} measures the creating (owner) thread's stack
 * with {@link V8ThreadStack} and refuses a runtime, with a message that says what to do, when the
 * limit plus {@link #STACK_SLACK} would not fit. Entering V8 from Java frames that reach below
 * that limit (a host function recursing in Java before it calls back into JavaScript, or a caller
 * deep in its own recursion) would make V8 abort too: {@link #tooDeepToEnter} compares the stack
 * pointer with the limit before each entry, which then fails with a {@code RangeError} instead. On threads that pass, deep recursion, also through host functions, is
 * a {@code RangeError}.
 *
 * <p><b>Heap.</b> The heap limit of one isolate, plus the memory outside it: V8 does not count
 * ArrayBuffer backing stores against its heap limit, so {@link #sample()} (called by the runtime's
 * watchdog every {@link #SAMPLE_NANOS} while a script runs) asks for heap plus external memory and
 * stops the script past the limit (one sample late at most, plus V8's next interrupt check). It
 * asks only while the isolate is in use: Javet answers a request for an idle isolate by locking it
 * on the asking thread, and each such switch of V8's lock between threads makes V8 save and restore
 * the owner's interrupt state, which drops a termination request that arrives in between. The heap limit itself: V8 calls {@link HeapGuard} when the heap nears the limit; it
 * asks V8 to terminate the script and raises the limit for the moment: by at least the current
 * limit (256 MB or more), because the allocation that reached the limit may be one large object
 * (a 100-million-element array is 800 MB) and V8 aborts the process when the raised limit still
 * cannot hold it. Once the script has unwound, {@link #takeHit()} collects garbage, puts the limit
 * back; the runtime stays usable (a script can drop what it kept: when that still fills the heap,
 * the next near-limit call raises the limit once more without a stop, see {@link #grace}), and the
 * message says when what the script kept reachable still fills the heap.
 *
 * <p><b>Closing a full heap.</b> Javet cuts the isolate off from its Java runtime before it
 * disposes of it, and the disposal can finish a garbage collection; when that collection finds the
 * heap over its limit (a script stopped by a time limit just as it passed it), V8 asks the
 * near-heap-limit callback, which can no longer reach Java, and aborts the process ("API fatal
 * error handler returned after process out of memory"). {@link #beforeClose()} collects first,
 * while {@link HeapGuard} can still raise the limit.
 */
final class V8Limits {
    /** The least a near-heap-limit call raises the limit by. */
    private static final long MIN_HEADROOM = 256L << 20;
    /** How often the watchdog samples heap plus external memory while a script runs. */
    static final long SAMPLE_NANOS = 10_000_000;
    /** Samples between two repetitions of a termination the script has not ended on yet (100 ms). */
    private static final int RESEND_SAMPLES = 10;

    /**
     * Stack a thread needs below V8's limit: the JVM's guard pages (16 KB) and room for V8 to
     * build the {@code RangeError} and for host functions called near the limit.
     */
    static final long STACK_SLACK = 96L << 10;

    /** Stack that must be left above V8's limit when Java enters V8. */
    static final long REENTRY_ROOM = 48L << 10;

    private final V8Runtime rt;
    private final long heapLimit;
    private final HeapGuard guard = new HeapGuard();
    private volatile boolean hit;
    /** Memory outside V8's heap (backing stores) when the sampler stopped the script, else -1. */
    private volatile long offHeapAtHit = -1;
    /**
     * Heap plus external memory past which the sampler stops a script: the limit, or, while what an
     * earlier script kept still fills it, that much plus a quarter of the limit, so that the next
     * scripts can run and drop it.
     */
    private volatile long offHeapFloor;
    /**
     * Set when a stop left what the script kept filling the heap: V8's next near-limit call then
     * raises the limit once without a stop, so that the next entry can run and drop it (with the limit
     * back at its value, compiling that entry's script could reach the limit again first).
     */
    private volatile boolean grace;
    /** The watchdog's request still waiting for V8's answer (watchdog thread, under this object's lock). */
    private java.util.concurrent.CompletableFuture<V8HeapStatistics> pendingSample;
    /** Samples since the limit was hit (watchdog thread, under this object's lock). */
    private int samplesSinceHit;
    private boolean closed;
    /** The lowest stack pointer from which V8 may be entered on the owner thread, or 0 when unknown. */
    private final long reentryFloor;
    /** Where {@code getcontext} writes the owner thread's registers. */
    private final Object context;

    /** Made on the runtime's owner thread. */
    V8Limits(V8Runtime rt, long heapLimit) {
        this.rt = rt;
        this.heapLimit = heapLimit;
        boolean measured = V8ThreadStack.available();
        this.reentryFloor = measured ? V8ThreadStack.top() - ((long) V8Platform.STACK_SIZE_KB << 10) + REENTRY_ROOM : 0;
        this.context = measured ? V8ThreadStack.contextBuffer() : null;
        applyHeapLimit();
        offHeapFloor = heapLimit;
    }

    /**
     * Watchdog thread, every {@link #SAMPLE_NANOS} while an entry runs or is being stopped: while
     * the isolate runs script, asks V8 for its heap statistics (answered at V8's next interrupt
     * check) and stops the script when its heap plus its external memory (ArrayBuffer backing
     * stores) passed the limit; after a hit, repeats the termination every 100 ms until the script
     * has unwound ({@link #takeHit()}), since a request can be lost.
     */
    synchronized void sample() {
        if (closed) return;
        if (hit) {
            if (++samplesSinceHit % RESEND_SAMPLES == 0) rt.terminateExecution();
            return;
        }
        if (pendingSample != null && !pendingSample.isDone()) return;
        if (!rt.isInUse()) return;  // no script runs now; asking would lock the isolate from this thread
        pendingSample = rt.getV8HeapStatistics();
        pendingSample.thenAccept(this::checkOffHeap);
    }

    /** Stops the script when {@code stats} are past the limit. */
    private void checkOffHeap(V8HeapStatistics stats) {
        if (stats == null || hit) return;
        long total = stats.getExternalMemory() + stats.getUsedHeapSize();
        if (total <= heapLimit) offHeapFloor = heapLimit; // what an earlier script kept is gone
        if (total <= offHeapFloor) return;
        offHeapAtHit = stats.getExternalMemory();
        hit = true;
        rt.terminateExecution();
    }

    /**
     * Before the isolate is disposed of (owner thread, before anything else of the close): when
     * the heap may be near its limit, a full collection now, while {@link HeapGuard} can still raise
     * the limit if what is left does not fit (see the class comment).
     */
    void beforeClose() {
        if (rt.isClosed()) return;
        V8HeapStatistics stats = rt.getV8HeapStatistics().getNow(null);
        // no answer now: another thread is inside the isolate, and collecting would wait for it
        if (stats != null && stats.getTotalHeapSize() > heapLimit / 2) rt.lowMemoryNotification();
    }

    /** Stops sampling; before the isolate closes (owner thread). */
    synchronized void close() {
        closed = true;
    }

    /**
     * Whether entering V8 now would start less than {@link #REENTRY_ROOM} above V8's stack limit
     * (or below it, which aborts the process): a host function's Java frames, or a caller's, went
     * that deep. One read of the stack pointer, about 10 to 50 ns.
     */
    boolean tooDeepToEnter() {
        return reentryFloor != 0 && V8ThreadStack.pointer(context) < reentryFloor;
    }

    /**
     * Refuses to make a runtime on this thread when V8's stack limit would lie outside its stack
     * (see the class comment). Nothing is checked where the stack cannot be measured.
     */
    static void checkOwnerThread() {
        if (!V8ThreadStack.available()) return;
        long size = V8ThreadStack.size();
        long needed = ((long) V8Platform.STACK_SIZE_KB << 10) + STACK_SLACK;
        if (size < needed) {
            throw new IllegalStateException("Thread '" + Thread.currentThread().getName() + "' has a stack of "
                    + (size >> 10) + " KB, but V8 places its stack limit " + V8Platform.STACK_SIZE_KB
                    + " KB below the top of every thread's stack and needs " + (STACK_SLACK >> 10)
                    + " KB more, so deep recursion would crash the JVM. Create and use this runtime on a thread"
                    + " with at least " + (needed >> 10) + " KB of stack (new Thread(group, task, name, stackSize)),"
                    + " or start the JVM with -Djsi.v8.stackSizeKb=" + Math.max(64, ((size - STACK_SLACK) >> 10))
                    + " (a smaller limit for every V8 runtime).");
        }
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
        long offHeap = offHeapAtHit;
        synchronized (this) {
            // under the watchdog's lock: no repeated termination lands after the cancel below
            offHeapAtHit = -1;
            hit = false;
            samplesSinceHit = 0;
            rt.cancelTerminateExecution();
        }
        rt.lowMemoryNotification();
        applyHeapLimit();
        long used = usedHeap();
        offHeapFloor = Math.max(heapLimit, used + heapLimit / 4);
        grace = used > heapLimit - heapLimit / 4;
        String limit = (heapLimit >> 20) + " MB";
        String still = used > heapLimit - heapLimit / 4
                ? " What the script left reachable still uses " + (used >> 20) + " MB after a garbage collection:"
                        + " drop it (for example delete the globals holding it) or close this runtime."
                : " The runtime is still usable.";
        String what = offHeap < 0 ? "the V8 heap reached its limit of " + limit
                : "the V8 heap and the " + (offHeap >> 20) + " MB of ArrayBuffer memory outside it passed the limit of " + limit;
        return new JsTerminatedException(JsTerminatedException.Reason.MEMORY_LIMIT,
                "The script was stopped because " + what
                        + " (RuntimeOptions.maxHeapBytes). Raise maxHeapBytes or make the script keep less alive." + still, true);
    }

    /** Heap in use plus external memory (backing stores), as V8 reports them now. */
    private long usedHeap() {
        V8HeapStatistics stats = rt.getV8HeapStatistics().getNow(null);
        return stats == null ? 0 : stats.getUsedHeapSize() + stats.getExternalMemory();
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
            if (grace) {
                // the last stop left the heap nearly full: let the next script drop what it kept
                grace = false;
                return current + Math.max(current / 4, MIN_HEADROOM);
            }
            hit = true;
            rt.terminateExecution();
            return current + Math.max(current, MIN_HEADROOM);
        }

        @Override
        public long getDefaultHeapLimit() {
            return heapLimit;
        }
    }
}
