package org.jsi4j.rhino;

import java.util.ArrayDeque;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/**
 * A jsi4j runtime's Rhino {@link Context}: it knows its backend in a field, so that Rhino's
 * instruction observer (called every {@link RhinoLimits#OBSERVER_THRESHOLD} instruction units)
 * reaches the runtime's limits without a thread-local map lookup. Under
 * It keeps promise jobs in a queue of its own (Rhino's is private), so that a stopped entry can drop
 * them: a time limit that lands in a microtask flood would otherwise leave the flood queued, and every
 * later entry would run it on and be stopped too. Rhino runs the queue at the end of every top-level
 * script ({@code JSScript.exec}); under {@link org.jsi4j.MicrotaskPolicy#EXPLICIT} only
 * {@link RhinoBackend#drainMicrotasks(int)} runs it.
 */
final class SandboxContext extends Context {
    /** The backend of the runtime this Context belongs to, once it is made. */
    RhinoBackend backend;
    /** Promise jobs not run yet. */
    final ArrayDeque<Runnable> jobs = new ArrayDeque<>();
    /** Whether only {@link RhinoBackend#drainMicrotasks(int)} runs {@link #jobs} ({@link org.jsi4j.MicrotaskPolicy#EXPLICIT}). */
    boolean explicitJobs;

    SandboxContext(ContextFactory factory) {
        super(factory);
    }

    @Override
    public void enqueueMicrotask(Runnable job) {
        jobs.add(job);
    }

    @Override
    public void processMicrotasks() {
        if (explicitJobs) return;
        for (Runnable job = jobs.poll(); job != null; job = jobs.poll()) job.run();
    }

    /**
     * Forgets the promise jobs not run yet, because the entry that would have run them was stopped
     * (as V8 and GraalJS do). Under {@link org.jsi4j.MicrotaskPolicy#EXPLICIT} the queue is the caller's:
     * the stopped job is gone, the others wait for the next drain.
     */
    void dropMicrotasks() {
        if (!explicitJobs) jobs.clear();
    }
}
