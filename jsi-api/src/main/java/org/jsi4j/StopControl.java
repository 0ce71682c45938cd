package org.jsi4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsi4j.spi.EngineBackend;

/**
 * The stop state of one {@link JsRuntime}: whether an outermost entry from Java into JavaScript
 * is running, the time-limit watchdog, and why the running entry was stopped.
 *
 * <p><b>Protocol.</b> One {@code long} holds the entry's number and its phase (idle, running,
 * stopping, stopped). The owner starts an entry with an ordered store and ends it with one
 * compare-and-set, the only atomic instruction an outermost entry pays; nested entries pay
 * nothing. A stopper on any thread ({@link #stop}) moves the phase from running to stopping with
 * a compare-and-set on the exact entry it saw, asks the engine to interrupt, and marks it stopped.
 * The owner's compare-and-set then fails, so it waits for the stopper's engine call to finish,
 * resets the engine's interrupt and reports the stop. Hence:
 * <ul>
 *   <li>{@link #stop} returns true only for an entry that then ends with a
 *       {@link JsTerminatedException}: if the script finishes normally before the engine noticed,
 *       the entry still ends with the termination ({@link #finish} says so);</li>
 *   <li>a stop never reaches the next entry: the engine's interrupt is reset before the entry ends;</li>
 *   <li>a stopped entry that goes on running is interrupted again at each further {@link #stop}, in
 *       the same stopping phase, since an engine can lose a request that arrives at the wrong moment;
 *       an engine that can lose one repeats it itself from {@link EngineBackend#watch()}, which this
 *       watchdog calls until the entry ends;</li>
 *   <li>the time-limit watchdog is one scheduled task per runtime, re-armed only when it fires, so
 *       an entry under a time limit costs a {@code System.nanoTime()} call, not a scheduling.</li>
 * </ul>
 * A stopper also interrupts the owner thread when it is inside a host callback, so that a host
 * function blocked in {@code sleep} or I/O returns promptly; the owner clears that flag before
 * the entry ends.
 */
final class StopControl {
    private static final long IDLE = 0, RUNNING = 1, STOPPING = 2, STOPPED = 3, PHASE = 3;
    private static final VarHandle STATE;
    private static final VarHandle STATE_IN_HOST;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(StopControl.class, "state", long.class);
            STATE_IN_HOST = MethodHandles.lookup().findVarHandle(StopControl.class, "inHostJava", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** How often the watchdog samples the owner thread's allocation during an entry under a memory budget. */
    static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

    private final JsRuntime runtime;
    private final long limitNanos;
    /** Bytes the owner thread may allocate during one entry (0: the engine enforces its own heap limit). */
    private final long memoryBudget;
    private final boolean watched;
    /** How often the engine wants {@link EngineBackend#watch()} called during an entry (0: never). */
    private final long enginePeriod;
    /**
     * The default budget (no {@code maxHeapBytes} given): stop only when the JVM's heap is also
     * nearly full, so that a long script that merely makes garbage is not stopped for it.
     */
    private final boolean onlyUnderPressure;
    /** The share of the JVM's maximum heap in use above which the default budget applies. */
    static final double PRESSURE = 0.7;
    private static final java.lang.management.MemoryMXBean MEMORY = java.lang.management.ManagementFactory.getMemoryMXBean();
    /** The watchdog's view of the entry it last sampled: its number, and the allocation seen then. */
    private long sampledEntry = -1;
    /** The entry number the watchdog last saw (for an engine's own watch). */
    private long watchedEntry = -1;
    private long sampledBytes;
    private long entryBytes;
    private final AtomicBoolean watchdogArmed = new AtomicBoolean();
    /** Entry number (high bits) and phase (low two bits). */
    private volatile long state;
    /** When the current entry started (under a time limit only). */
    private volatile long startedAt;
    private volatile JsTerminatedException.Reason reason;
    /**
     * Whether the owner runs Java code of a host callback now (not JavaScript nested inside one).
     * Stoppers interrupt the owner thread only then, so that a thread interrupt never lands in
     * running JavaScript; the owner clears the flag before JavaScript runs again.
     */
    private volatile boolean inHostJava;

    StopControl(JsRuntime runtime, long memoryBudget, boolean onlyUnderPressure) {
        this.runtime = runtime;
        this.onlyUnderPressure = onlyUnderPressure;
        Duration limit = runtime.options().timeLimit();
        this.limitNanos = limit == null ? 0 : limit.toNanos();
        this.memoryBudget = memoryBudget > 0 && THREADS.isThreadAllocatedMemorySupported()
                && THREADS.isThreadAllocatedMemoryEnabled() ? memoryBudget : 0;
        this.watched = limitNanos > 0 || this.memoryBudget > 0;
        this.enginePeriod = runtime.engineBackend().watchPeriodNanos();
    }

    /** The budget of allocated bytes per entry the core enforces, or 0 when the engine limits its own heap. */
    long memoryBudget() {
        return memoryBudget;
    }

    /** Marks an outermost entry as running (owner thread). */
    void start() {
        long next = (((long) STATE.getOpaque(this) >>> 2) + 1) << 2 | RUNNING;
        if (!watched) {
            STATE.setRelease(this, next);
            // an engine's own watch: a plain read while the watchdog is armed (it stays armed while entries follow
            // each other); see watch() for the rare entry this may miss
            armEngineWatch();
            return;
        }
        if (limitNanos > 0) startedAt = System.nanoTime();
        state = next; // a full fence: the watchdog's disarm below must see it or be seen
        if (!watchdogArmed.get() && watchdogArmed.compareAndSet(false, true)) arm(firstDelay());
    }

    /**
     * Ends an outermost entry (owner thread). Returns null when nobody stopped it, else why it was
     * stopped, after resetting the engine's interrupt.
     */
    JsTerminatedException.Reason finish() {
        long s = (long) STATE.getOpaque(this);
        if ((s & PHASE) == RUNNING && STATE.compareAndSet(this, s, s & ~PHASE)) return null;
        // stopped: leave the stopped phase first, so that no stopper re-sends its request after the reset below
        while (true) {
            long now = state;
            if ((now & PHASE) == STOPPING) {
                Thread.onSpinWait(); // a stopper is inside backend.interrupt()
            } else if (STATE.compareAndSet(this, now, now & ~PHASE)) {
                break;
            }
        }
        JsTerminatedException.Reason why = reason;
        reason = null;
        runtime.engineBackend().resetInterrupt();
        Thread.interrupted(); // a flag a stopper set to wake a blocked host callback must not outlive the entry
        return why;
    }

    /** A host callback starts running Java code; returns what {@link #hostCallEnds} restores. */
    boolean hostCallStarts() {
        boolean previous = inHostJava;
        STATE_IN_HOST.setRelease(this, true); // a late store only delays a thread interrupt
        return previous;
    }

    /**
     * A host callback returns to JavaScript (or to an outer host callback when {@code previous}).
     * The caller has just read {@link #stopping()}; when it was stopping, the caller cleared the
     * wake-up interrupt as it threw the termination.
     */
    void hostCallEnds(boolean previous) {
        STATE_IN_HOST.setRelease(this, previous);
    }

    /**
     * JavaScript nested in a host callback starts: no thread interrupt may land from now on. The
     * caller reads {@link #stopping()} next (after this full fence, a stopper either sees the flag
     * cleared or this thread sees the stop). Returns what {@link #nestedEnds} restores.
     */
    boolean nestedStarts() {
        boolean previous = inHostJava;
        inHostJava = false;
        return previous;
    }

    /** The nested JavaScript returned to the host callback's Java code. */
    void nestedEnds(boolean previous) {
        STATE_IN_HOST.setRelease(this, previous);
    }

    /** True when the running entry is being stopped (owner thread, e.g. after a host callback). */
    boolean stopping() {
        return (state & PHASE) >= STOPPING;
    }

    /**
     * Stops the running entry for {@code why}; false when none was running or it was already
     * stopped (then the engine is asked again, in case it lost the first request).
     */
    boolean stop(JsTerminatedException.Reason why) {
        while (true) {
            long s = state;
            if ((s & PHASE) == STOPPED && !runtime.isClosed()) {
                resend(s);
                return false;
            }
            if ((s & PHASE) != RUNNING || runtime.isClosed()) return false;
            if (stopEntry(s, why)) return true;
        }
    }

    /**
     * Asks the engine again to interrupt an entry that was stopped and still runs: an engine can
     * lose a request that lands at the wrong moment (V8 drops a terminate request that arrives
     * while Javet enters a script). In the stopping phase, as the first request, so that the
     * owner's {@link #finish} waits for it and resets the engine after it.
     */
    private void resend(long stopped) {
        if (!STATE.compareAndSet(this, stopped, (stopped & ~PHASE) | STOPPING)) return;
        try {
            runtime.engineBackend().interrupt();
        } finally {
            state = stopped;
        }
    }


    private boolean stopEntry(long seen, JsTerminatedException.Reason why) {
        if (!STATE.compareAndSet(this, seen, (seen & ~PHASE) | STOPPING)) return false;
        reason = why;
        try {
            runtime.engineBackend().interrupt();
            if (inHostJava) runtime.owner().interrupt();
        } finally {
            state = (seen & ~PHASE) | STOPPED;
        }
        // an engine that repeats a stop it may have lost does so from its watch(), until the entry ends
        armEngineWatch();
        return true;
    }

    private void arm(long delayNanos) {
        JsExecutor.scheduler().schedule(this::watch, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Arms the watchdog for the engine's own watch when the engine asks for one and it is not armed (a plain read when it is). */
    private void armEngineWatch() {
        if (enginePeriod > 0 && !watchdogArmed.get() && watchdogArmed.compareAndSet(false, true)) arm(enginePeriod);
    }

    private long firstDelay() {
        long delay = limitNanos > 0 ? limitNanos : Long.MAX_VALUE;
        if (memoryBudget > 0) delay = Math.min(delay, SAMPLE_NANOS);
        if (enginePeriod > 0) delay = Math.min(delay, enginePeriod);
        return delay;
    }

    /**
     * The watchdog: stops the entry that outlived the time limit or allocated past the memory
     * budget, or re-arms for the entry running now. The allocation of an entry is summed from the
     * samples taken while it runs, so an entry costs nothing for it; one shorter than a sample
     * period is never measured (it cannot allocate much in that time).
     */
    private void watch() {
        long s = state;
        if ((s & PHASE) == RUNNING && !runtime.isClosed()) {
            long delay = Long.MAX_VALUE;
            if (limitNanos > 0) {
                long left = startedAt + limitNanos - System.nanoTime();
                if (left <= 0) {
                    stopEntry(s, JsTerminatedException.Reason.TIME_LIMIT);
                    watchEngineOrDisarm(s);
                    return;
                }
                delay = left;
            }
            if (memoryBudget > 0) {
                long allocated = THREADS.getThreadAllocatedBytes(runtime.owner().threadId());
                if ((s >>> 2) == sampledEntry) {
                    entryBytes += allocated - sampledBytes;
                } else {
                    sampledEntry = s >>> 2;
                    entryBytes = 0;
                }
                sampledBytes = allocated;
                if (entryBytes > memoryBudget && (!onlyUnderPressure || underPressure())) {
                    stopEntry(s, JsTerminatedException.Reason.MEMORY_LIMIT);
                    watchEngineOrDisarm(s);
                    return;
                }
                delay = Math.min(delay, SAMPLE_NANOS);
            }
            if (enginePeriod > 0) {
                runtime.engineBackend().watch();
                delay = Math.min(delay, enginePeriod);
            }
            watchedEntry = s >>> 2;
            arm(delay);
            return;
        }
        watchEngineOrDisarm(s);
    }

    /**
     * After a look at an entry that is not running (idle, or stopped and still unwinding): an
     * engine with its own watch is watched on while its entry is being stopped, and while entries
     * followed each other since the last look (so that a runtime making many short calls does not
     * re-arm for each); otherwise the watchdog disarms. A {@link #start} that read the armed flag
     * just before {@link #disarm} cleared it (it has no fence of its own) can leave one entry of
     * such an engine unwatched until a stop or the next entry arms the watchdog again.
     */
    private void watchEngineOrDisarm(long s) {
        long phase = state & PHASE;
        if (enginePeriod > 0 && !runtime.isClosed() && (phase != IDLE || (s >>> 2) != watchedEntry)) {
            if (phase != IDLE) runtime.engineBackend().watch();
            watchedEntry = s >>> 2;
            arm(enginePeriod);
            return;
        }
        disarm();
    }

    private static boolean underPressure() {
        java.lang.management.MemoryUsage heap = MEMORY.getHeapMemoryUsage();
        return heap.getMax() > 0 && heap.getUsed() > PRESSURE * heap.getMax();
    }

    private void disarm() {
        watchdogArmed.set(false);
        // an entry that started while this watchdog was deciding to disarm must still be watched
        if ((state & PHASE) == RUNNING && watchdogArmed.compareAndSet(false, true)) arm(firstDelay());
    }

    /** {@code e}, reworded to say why the script was stopped when this runtime stopped it. */
    JsTerminatedException explain(JsTerminatedException e, JsTerminatedException.Reason stoppedFor) {
        if (stoppedFor == null) return e;
        String usable = e.runtimeUsable() ? " The runtime is still usable."
                : " The runtime can no longer run code; close it and create another.";
        return new JsTerminatedException(stoppedFor, describe(stoppedFor, e.getMessage()) + usable, e.runtimeUsable());
    }

    /** The termination of an entry that was stopped but finished before the engine noticed. */
    JsTerminatedException lateStop(JsTerminatedException.Reason stoppedFor) {
        return new JsTerminatedException(stoppedFor, describe(stoppedFor, "The script was stopped.")
                + " It had reached its end when the stop arrived; its effects stay. The runtime is still usable.", true);
    }

    private String describe(JsTerminatedException.Reason stoppedFor, String otherwise) {
        return switch (stoppedFor) {
            case TIME_LIMIT -> "The script ran longer than the time limit of " + runtime.options().timeLimit().toMillis()
                    + " ms and was stopped. Raise RuntimeOptions.timeLimit or make the script finish sooner.";
            case INTERRUPTED -> "The script was stopped by JsRuntime.interrupt().";
            case MEMORY_LIMIT -> onlyUnderPressure
                    ? "The script allocated more than " + (memoryBudget >> 20) + " MB of JVM heap in one run while the"
                    + " JVM's heap was over " + Math.round(PRESSURE * 100) + "% full, and was stopped so that it cannot"
                    + " exhaust the JVM (the default memory limit). Set RuntimeOptions.maxHeapBytes, give the JVM more"
                    + " heap (-Xmx) or make the script keep less."
                    : "The script allocated more than " + (memoryBudget >> 20) + " MB of JVM heap in one run"
                    + " and was stopped (RuntimeOptions.maxHeapBytes; on this engine it counts the bytes the runtime's"
                    + " thread allocates during one entry, garbage included). Raise maxHeapBytes or make the script"
                    + " keep less.";
            default -> otherwise;
        };
    }
}
