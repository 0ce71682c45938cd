package org.jsi4j.v8;

import com.caoccao.javet.interfaces.IJavetLogger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Javet's per-runtime logger, routed to {@code java.util.logging} ({@code org.jsi4j.v8.javet})
 * at {@code FINE}, so that a normal run prints nothing; errors go at {@code WARNING}.
 */
final class QuietJavetLogger implements IJavetLogger {
    static final QuietJavetLogger INSTANCE = new QuietJavetLogger();
    private static final Logger LOG = Logger.getLogger("org.jsi4j.v8.javet");

    private QuietJavetLogger() {
    }

    @Override
    public void debug(String message) {
        LOG.finer(message);
    }

    @Override
    public void info(String message) {
        LOG.fine(message);
    }

    @Override
    public void warn(String message) {
        LOG.fine(message);
    }

    @Override
    public void error(String message) {
        LOG.warning(message);
    }

    @Override
    public void error(String message, Throwable cause) {
        LOG.log(Level.WARNING, message, cause);
    }
}
