package org.jsi4j.rhino;

import org.mozilla.javascript.ErrorReporter;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.ScriptRuntime;

/**
 * Rhino's interpreter reports a call stack deeper than
 * {@link org.mozilla.javascript.Context#setMaximumInterpreterStackDepth} as an
 * {@code InternalError} through the Context's error reporter; this reporter raises the
 * {@code RangeError} that JavaScript code expects instead (catchable, like any script error).
 * Everything else goes to the reporter it wraps.
 */
final class StackDepthReporter implements ErrorReporter {
    /** The message Rhino 1.9.2's interpreter reports (a literal in {@code Interpreter.CallFrame}). */
    static final String RHINO_MESSAGE = "Exceeded maximum stack depth";
    /** The message of the RangeError scripts see, as in V8 and GraalJS. */
    static final String MESSAGE = "Maximum call stack size exceeded";

    private final ErrorReporter next;

    StackDepthReporter(ErrorReporter next) {
        this.next = next;
    }

    @Override
    public void warning(String message, String sourceName, int line, String lineSource, int lineOffset) {
        next.warning(message, sourceName, line, lineSource, lineOffset);
    }

    @Override
    public void error(String message, String sourceName, int line, String lineSource, int lineOffset) {
        next.error(message, sourceName, line, lineSource, lineOffset);
    }

    @Override
    public EvaluatorException runtimeError(String message, String sourceName, int line, String lineSource, int lineOffset) {
        if (RHINO_MESSAGE.equals(message)) throw ScriptRuntime.rangeError(MESSAGE);
        return next.runtimeError(message, sourceName, line, lineSource, lineOffset);
    }
}
