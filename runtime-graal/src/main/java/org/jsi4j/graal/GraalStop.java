package org.jsi4j.graal;

import org.jsi4j.JsTerminatedException;

/**
 * Unwinds a GraalJS script that must stop, past every JavaScript {@code catch}. GraalJS's
 * {@code catch} catches every Truffle exception, the engine's own interrupt included, but the
 * polyglot layer passes a {@link ThreadDeath} thrown by host code through to the guest untouched,
 * and no JavaScript {@code catch} catches it. It reaches the host again as a
 * {@link org.graalvm.polyglot.PolyglotException} whose host exception is this object.
 */
@SuppressWarnings("removal")
final class GraalStop extends ThreadDeath {
    private static final long serialVersionUID = 1L;

    private final transient JsTerminatedException termination;

    GraalStop(JsTerminatedException termination) {
        this.termination = termination;
    }

    /** What the host is told. */
    JsTerminatedException termination() {
        return termination;
    }

    /** Thrown on every statement of a stopped script's {@code finally} blocks: no stack trace to fill. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
