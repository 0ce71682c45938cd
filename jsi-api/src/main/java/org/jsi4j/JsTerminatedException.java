package org.jsi4j;

/**
 * A script was stopped before it finished: a time, statement, memory or stack-depth limit, or
 * {@link JsRuntime#interrupt()}. JavaScript cannot catch the termination.
 * {@link #runtimeUsable()} says whether the runtime can run more code.
 */
public final class JsTerminatedException extends JsException {
    /** Why a script was stopped. */
    public enum Reason {
        /** {@link RuntimeOptions#timeLimit()} was exceeded. */
        TIME_LIMIT,
        /** {@link RuntimeOptions#statementLimit()} was exceeded. */
        STATEMENT_LIMIT,
        /** The engine's heap limit was about to be exceeded. */
        MEMORY_LIMIT,
        /** {@link JsRuntime#interrupt()} was called. */
        INTERRUPTED,
        /**
         * {@link RuntimeOptions#maxStackDepth()} was exceeded on an engine that cannot raise a
         * catchable {@code RangeError} at that depth (GraalJS); Rhino and V8 raise the {@code RangeError}.
         */
        STACK_LIMIT
    }

    private final Reason reason;
    private final boolean runtimeUsable;

    /** A termination for {@code reason}; the message says what happened and what to do. */
    public JsTerminatedException(Reason reason, String message, boolean runtimeUsable) {
        super(message, null);
        this.reason = reason;
        this.runtimeUsable = runtimeUsable;
    }

    /** Why the script was stopped. */
    public Reason reason() {
        return reason;
    }

    /** Whether the runtime can still run code; when false, close it and create another. */
    public boolean runtimeUsable() {
        return runtimeUsable;
    }
}
