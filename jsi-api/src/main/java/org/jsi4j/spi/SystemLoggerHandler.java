package org.jsi4j.spi;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A {@code java.util.logging} handler that passes what an engine library logs (Javet's loaders,
 * GraalJS's engine) to jsi4j's logging, a {@link System.Logger} of the given name, so that one
 * configuration governs everything jsi4j and its engines say. Levels map as: {@code SEVERE} to
 * {@code ERROR}, {@code WARNING} to {@code WARNING}, {@code INFO} to {@code DEBUG} (engine libraries
 * use it for chatter such as "library loaded"), anything finer to {@code TRACE}.
 *
 * <p>The target's name must not be the source logger's: with the JDK's default System.Logger
 * backend (java.util.logging) a record would come back to this handler.
 */
public final class SystemLoggerHandler extends Handler {
    private final System.Logger target;

    /** Passes records to the System.Logger named {@code target}. */
    public SystemLoggerHandler(String target) {
        this.target = System.getLogger(Objects.requireNonNull(target, "target"));
    }

    /** The System.Logger level a java.util.logging level maps to. */
    public static Level level(java.util.logging.Level level) {
        int v = level.intValue();
        if (v >= java.util.logging.Level.SEVERE.intValue()) return Level.ERROR;
        if (v >= java.util.logging.Level.WARNING.intValue()) return Level.WARNING;
        if (v >= java.util.logging.Level.INFO.intValue()) return Level.DEBUG;
        return Level.TRACE;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) return;
        Level level = level(record.getLevel());
        if (!target.isLoggable(level)) return;
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (message != null && params != null && params.length > 0) message = java.text.MessageFormat.format(message, params);
        if (record.getThrown() != null) target.log(level, message, record.getThrown());
        else target.log(level, message);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
