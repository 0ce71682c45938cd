package org.jsi4j.rhino;

import org.jsi4j.JsTerminatedException;

/**
 * Interrupts and the statement limit of one Rhino runtime, enforced by Rhino's instruction
 * observer ({@link SandboxContextFactory#observeInstructionCount}), which Rhino calls every
 * {@link #OBSERVER_THRESHOLD} units of work on the thread running the script.
 *
 * <p>{@link org.jsi4j.RuntimeOptions#statementLimit()} counts Rhino's own instruction units: in
 * compiled mode (the default) Rhino adds roughly the size in JVM bytecode bytes of each statement
 * it runs (a loop iteration of {@code s += i} costs about 60 units, a call about 300); in the
 * interpreter about one unit per bytecode instruction.
 *
 * <p>An interrupt (from {@link org.jsi4j.JsRuntime#interrupt()} or the time limit, on another
 * thread) sets a flag the observer reads. The rest of a stop is the core's, the same on every
 * engine: it wakes a host function blocked in {@code Thread.sleep}, a lock or I/O with a thread
 * interrupt, ends the script uncatchably when a host callback returns during a stop, and ends the
 * outermost entry with a termination even when the script reached its end first.
 */
final class RhinoLimits {
    /**
     * How often (in Rhino instruction units) the observer checks for interrupts and limits: small, so
     * that a stop lands within a few loop iterations. At 10,000 a loop whose iterations each
     * allocate hundreds of MB in one built-in call (Rhino's sparse {@code new Array(1e6).fill(x)})
     * exhausted a 6 GB heap before the memory budget's stop was seen.
     */
    static final int OBSERVER_THRESHOLD = 100;

    private final long statementLimit;
    private volatile boolean interrupted;
    /** A Java error a host callback threw, which must end the script (never become a JavaScript exception). */
    private Throwable fatal;
    private long instructionsUsed;
    private int staleInstructions;
    /** Operations in progress on the owner thread (nested ones included). */
    private int depth;
    /** While true the observer does nothing (snapshot images read and written by the library). */
    private boolean unobserved;

    RhinoLimits(long statementLimit) {
        this.statementLimit = statementLimit;
    }

    /** The observer threshold for the Context. */
    int threshold() {
        return statementLimit > 0 ? (int) Math.min(OBSERVER_THRESHOLD, statementLimit) : OBSERVER_THRESHOLD;
    }

    /** An operation begins (the statement count restarts at the outermost one). */
    void begin() {
        if (depth++ == 0) instructionsUsed = 0;
    }

    /** An operation ends; a host callback's Java error is forgotten once the outermost one has reported it. */
    void end() {
        if (--depth == 0) fatal = null;
    }

    /** True while an operation of this runtime is in progress. */
    boolean busy() {
        return depth > 0;
    }

    void unobserved(boolean off) {
        unobserved = off;
    }

    /**
     * Called by Rhino every few thousand instructions on the thread running the script. Rhino
     * resets its count only when the observer returns normally, so after a {@link Termination} the
     * next call still includes the units already counted; those are subtracted here.
     */
    void observe(int instructionCount) {
        if (unobserved) return;
        int fresh = instructionCount - staleInstructions;
        staleInstructions = 0;
        if (interrupted) {
            staleInstructions = instructionCount;
            throw interruption();
        }
        if (statementLimit > 0) {
            instructionsUsed += fresh;
            if (instructionsUsed > statementLimit) {
                staleInstructions = instructionCount;
                throw new Termination(JsTerminatedException.Reason.STATEMENT_LIMIT, "The script executed more than "
                        + statementLimit + " Rhino instruction units (RuntimeOptions.statementLimit) and was stopped."
                        + " Raise the limit or make the script do less. The runtime is still usable.");
            }
        }
    }

    /**
     * From a long-running built-in of jsi4j's own ({@link StoppableArrayBuiltins}), between elements:
     * ends the script as the observer would when a stop was asked for meanwhile.
     */
    void checkpoint() {
        if (interrupted && !unobserved) throw interruption();
    }

    /** From any thread: stop the running script at its next observed instruction. */
    void interrupt() {
        interrupted = true;
    }

    /** On the owner thread, after a stop: ready to run again. */
    void reset() {
        interrupted = false;
    }

    /** Remembers a Java error a host callback threw; the script ends when the callback returns. */
    void fatal(Throwable error) {
        if (fatal == null) fatal = error;
    }

    /**
     * After every host callback, before control returns to the script: ends the script when the
     * callback failed with a Java error (a stop during the callback is the core's to raise).
     */
    void afterHostCall() {
        Throwable error = fatal;
        if (error != null) throw new HostFailure(error); // kept until the outermost call ends, so every level stops
    }

    private static Termination interruption() {
        return new Termination(JsTerminatedException.Reason.INTERRUPTED, "The script was interrupted");
    }
}
