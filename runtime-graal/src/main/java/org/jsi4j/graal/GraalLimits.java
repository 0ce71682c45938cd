package org.jsi4j.graal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsTerminatedException;

/**
 * Every entry of one runtime into its context, and what stops one: {@link #guard} runs guest
 * code, charges the statement budget and turns whatever the engine throws into a jsi4j exception;
 * {@link #interrupt} stops the running script through the engine's {@link GraalStopper}.
 *
 * <p>That an accepted interrupt always ends the outermost entry with a
 * {@link JsTerminatedException}, even when the script finished before the stop landed, is the
 * core's guarantee (its stop state), not this class's.
 */
final class GraalLimits {
    /** Context.interrupt blocks until the script stops, so it runs on these threads, never the caller's. */
    private static final ExecutorService INTERRUPTERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jsi4j-graal-interrupt");
        t.setDaemon(true);
        return t;
    });

    private final Context context;
    private final GraalStopper stopper;
    /** This runtime's statement limit, or null. */
    private final GraalStopper.Budget budget;
    /** This runtime's stack-depth count, or null. */
    private final GraalDepth.Frames frames;
    private GraalErrors errors;
    private int entries;
    private final Object interruptLock = new Object();
    private CompletableFuture<Void> pendingInterrupt;
    /**
     * The stop a host callback threw into the guest: GraalJS reports it to the host as an internal
     * error without the exception, so the next conversion takes it from here.
     */
    private GraalStop unwinding;

    GraalLimits(Context context, GraalStopper stopper, long statementLimit, int maxStackDepth) {
        this.context = context;
        this.stopper = stopper;
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
                if (entries == 0 && frames.tripped()) stopper.releaseOverDepth(context);
            }
        }
    }

    /** Asks the engine to stop the running script; never blocks the caller. */
    void interrupt() {
        synchronized (interruptLock) {
            if (pendingInterrupt != null) return;
            pendingInterrupt = CompletableFuture.runAsync(() -> {
                try {
                    // the listener stops the script at its next statement, even inside a catch block;
                    // the engine's interrupt also stops long builtins that run no statements
                    stopper.stop(context);
                    context.interrupt(Duration.ZERO);
                } catch (Exception e) {
                    // the script ended, or the context closed, before the interrupt landed
                }
            }, INTERRUPTERS);
        }
    }

    /** Waits until a requested interrupt has landed or found nothing running, then forgets it. */
    void resetInterrupt() {
        CompletableFuture<Void> pending;
        synchronized (interruptLock) {
            pending = pendingInterrupt;
            pendingInterrupt = null;
        }
        if (pending != null) {
            try {
                pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // already ignored in the task
            }
            stopper.release(context);
        }
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
