package org.jsi4j.rhino;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/**
 * A jsi4j runtime's Rhino {@link Context}: it knows its backend in a field, so that Rhino's
 * instruction observer (called every {@link RhinoLimits#OBSERVER_THRESHOLD} instruction units)
 * reaches the runtime's limits without a thread-local map lookup.
 */
final class SandboxContext extends Context {
    /** The backend of the runtime this Context belongs to, once it is made. */
    RhinoBackend backend;

    SandboxContext(ContextFactory factory) {
        super(factory);
    }
}
