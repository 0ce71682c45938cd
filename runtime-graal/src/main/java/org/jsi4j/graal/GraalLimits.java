package org.jsi4j.graal;

import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsTerminatedException;

/**
 * Every entry of one runtime into its context, and what stops one: {@link #guard} runs guest
 * code, charges the statement budget and turns whatever the engine throws into a jsi4j exception;
 * {@link #interrupt} stops the running script through the engine's {@link GraalStopper}, without
 * blocking and without touching the engine's code.
 *
 * <p>That an accepted interrupt always ends the outermost entry with a
 * {@link JsTerminatedException}, even when the script finished before the stop landed, is the
 * core's guarantee (its stop state), not this class's.
 */
final class GraalLimits {
    private final GraalStopper stopper;
    /** The engine-side handle of this runtime's context, for stops. */
    private final Object handle;

    /** This runtime's statement limit, or null. */
    private final GraalStopper.Budget budget;
    /** This runtime's stack-depth count, or null. */
    private final GraalDepth.Frames frames;
    private GraalErrors errors;
    private int entries;
    private final Object interruptLock = new Object();
    /** The stop of the running entry and its action, until {@link #resetInterrupt}. */
    private volatile GraalStop stopping;
    private Runnable pendingStop;
    /**
     * The stop a host callback threw into the guest: GraalJS reports it to the host as an internal
     * error without the exception, so the next conversion takes it from here.
     */
    private GraalStop unwinding;

    GraalLimits(Context context, GraalStopper stopper, long statementLimit, int maxStackDepth) {
        this.stopper = stopper;
        this.handle = stopper.handleOf(context);
        this.budget = statementLimit > 0 ? new GraalStopper.Budget(statementLimit) : null;
        this.frames = maxStackDepth > 0 ? new GraalDepth.Frames(maxStackDepth) : null;
    }

    void errors(GraalErrors errors) {
        this.errors = errors;
    }

    /** Calls a helper, turning engine exceptions into jsi4j ones. */
    Value exec(Value helper, Object... args) {
        return guard(() -> helper.execute(args));
    }

    /**
     * Runs guest code, turning engine exceptions into jsi4j ones. With a statement limit, this
     * runtime's budget is charged meanwhile and restarts at each outermost entry; so is its frame
     * count with a stack-depth limit.
     */
    <T> T guard(Supplier<T> body) {
        GraalStopper.Budget previous = null;
        GraalDepth.Frames previousFrames = null;
        if (entries++ == 0) {
            if (budget != null) budget.restart();
            if (frames != null) frames.restart();
        }
        if (budget != null) previous = stopper.enter(budget);
        if (frames != null) previousFrames = stopper.depth().enter(frames);
        try {
            return body.get();
        } catch (PolyglotException e) {
            throw errors.convert(e);
        } catch (GraalStop e) {
            throw e.termination();
        } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException | ClassCastException
                 | NullPointerException e) {
            throw new JsEngineException("GraalJS refused the operation: " + e.getMessage(), e);
        } finally {
            entries--;
            if (budget != null) stopper.leave(previous);
            if (frames != null) {
                stopper.depth().leave(previousFrames);
                if (entries == 0) frames.release();
            }
        }
    }

    /**
     * Stops the running script at its next safepoint, past every JavaScript {@code catch} and
     * promise job, and at every safepoint after until {@link #resetInterrupt}; never blocks.
     */
    void interrupt() {
        synchronized (interruptLock) {
            if (pendingStop != null) return;
            GraalStop stop = new GraalStop(new JsTerminatedException(JsTerminatedException.Reason.INTERRUPTED,
                    "The script was interrupted. The runtime is still usable.", true));
            stopping = stop;
            try {
                pendingStop = stopper.stop(handle, stop);
            } catch (RuntimeException e) {
                // the context closed meanwhile: nothing runs there any more
            }
        }
    }

    /** Ends the stop of the entry that just ended, so that it never reaches the next entry. */
    void resetInterrupt() {
        Runnable pending;
        synchronized (interruptLock) {
            pending = pendingStop;
            pendingStop = null;
            stopping = null;
        }
        if (pending != null) pending.run();
    }

    /**
     * The stop under way in this runtime's entry (an interrupt or a passed stack-depth limit), or
     * null. GraalJS reports the {@link GraalStop} a stop action throws as an internal error
     * without the exception, so the conversion takes it from here.
     */
    GraalStop stopping() {
        GraalStop stop = stopping;
        return stop != null || frames == null ? stop : frames.stop();
    }

    /** Records the stop a host callback throws into the guest. */
    GraalStop unwind(JsTerminatedException e) {
        unwinding = new GraalStop(e);
        return unwinding;
    }

    /** The stop a host callback threw into the guest, if any; forgotten once taken. */
    GraalStop takeUnwinding() {
        GraalStop stop = unwinding;
        unwinding = null;
        return stop;
    }
}
