package org.jsi4j.graal;

import org.jsi4j.JsTerminatedException;

/**
 * Unwinds a GraalJS script that must stop, past every JavaScript {@code catch} and promise job.
 * GraalJS's {@code catch} catches every Truffle exception, the engine's own interrupt included (and
 * a promise job turns one into a rejection), but a {@link ThreadDeath} passes through untouched. It
 * reaches the host again as a {@link org.graalvm.polyglot.PolyglotException} whose host exception is
 * this object when host code threw it, or as an internal error naming it when a stop action of
 * {@link GraalStopInstrument} did ({@link GraalLimits#stopping()} then says which stop).
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

    /** Thrown at every safepoint of a stopped script: no stack trace to fill. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
