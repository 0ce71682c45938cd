package org.jsi4j;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The stop state of one {@link JsRuntime}: whether an outermost entry is running, the time-limit
 * watchdog, and why the running script was stopped ({@link JsRuntime#interrupt()} or the time
 * limit). {@link #stop} may be called from any thread; the rest runs on the owner thread.
 */
final class StopControl {
    private final JsRuntime runtime;
    private final Object stopLock = new Object();
    private boolean running;
    private JsTerminatedException.Reason stopReason;

    StopControl(JsRuntime runtime) {
        this.runtime = runtime;
    }

    /** Marks an outermost entry as running and arms the time-limit watchdog (null when there is no limit). */
    ScheduledFuture<?> start() {
        synchronized (stopLock) {
            running = true;
        }
        Duration limit = runtime.options().timeLimit();
        return limit == null ? null : JsExecutor.scheduler().schedule(
                () -> stop(JsTerminatedException.Reason.TIME_LIMIT), limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@code e}, reworded to say why the script was stopped when this runtime stopped it. */
    JsTerminatedException explain(JsTerminatedException e) {
        JsTerminatedException.Reason stoppedFor;
        synchronized (stopLock) {
            stoppedFor = stopReason;
        }
        return explain(e, stoppedFor);
    }

    /** Ends an outermost entry: cancels the watchdog and clears a stop, resetting the engine's interrupt. */
    void finish(ScheduledFuture<?> watchdog) {
        if (watchdog != null) watchdog.cancel(false);
        synchronized (stopLock) {
            running = false;
            if (stopReason != null) {
                stopReason = null;
                runtime.engineBackend().resetInterrupt();
            }
        }
    }

    /** Stops the running script for {@code reason}; false when none was running or it was already stopped. */
    boolean stop(JsTerminatedException.Reason reason) {
        synchronized (stopLock) {
            if (!running || stopReason != null || runtime.isClosed()) return false;
            stopReason = reason;
            runtime.engineBackend().interrupt();
            return true;
        }
    }

    private JsTerminatedException explain(JsTerminatedException e, JsTerminatedException.Reason stoppedFor) {
        if (stoppedFor == null) return e;
        String usable = e.runtimeUsable() ? " The runtime is still usable."
                : " The runtime can no longer run code; close it and create another.";
        String what = switch (stoppedFor) {
            case TIME_LIMIT -> "The script ran longer than the time limit of " + runtime.options().timeLimit().toMillis()
                    + " ms and was stopped. Raise RuntimeOptions.timeLimit or make the script finish sooner.";
            case INTERRUPTED -> "The script was stopped by JsRuntime.interrupt().";
            default -> e.getMessage();
        };
        return new JsTerminatedException(stoppedFor, what + usable, e.runtimeUsable());
    }
}
