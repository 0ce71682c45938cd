package org.jsi4j.rhino;

import java.util.ArrayDeque;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/**
 * A jsi4j runtime's Rhino {@link Context}: it knows its backend in a field, so that Rhino's
 * instruction observer (called every {@link RhinoLimits#OBSERVER_THRESHOLD} instruction units)
 * reaches the runtime's limits without a thread-local map lookup. Under
 * {@link org.jsi4j.MicrotaskPolicy#EXPLICIT} it keeps promise jobs in a queue of its own: Rhino runs
 * its {@code Context}'s queue at the end of every top-level script ({@code JSScript.exec}).
 */
final class SandboxContext extends Context {
    /** The backend of the runtime this Context belongs to, once it is made. */
    RhinoBackend backend;
    /** Promise jobs waiting for {@link RhinoBackend#drainMicrotasks(int)}; {@code null} unless the policy is explicit. */
    ArrayDeque<Runnable> explicitJobs;

    SandboxContext(ContextFactory factory) {
        super(factory);
    }

    @Override
    public void enqueueMicrotask(Runnable job) {
        if (explicitJobs != null) explicitJobs.add(job);
        else super.enqueueMicrotask(job);
    }
}
