package org.jsi4j.v8;

import com.caoccao.javet.interfaces.IJavetLogger;
import java.lang.System.Logger.Level;

/**
 * Javet's loggers (each runtime's, and the library loader's) routed into jsi4j's logging, the JDK's
 * {@link System.Logger} named {@code org.jsi4j.v8.javet} (see docs/embedding.md: it reaches
 * java.util.logging, or SLF4J or Log4j through their System.LoggerFinder bridges). Javet's debug and
 * info chatter go at {@code DEBUG}, so a normal run prints nothing; its warnings at {@code WARNING}
 * and errors at {@code ERROR}.
 */
final class QuietJavetLogger implements IJavetLogger {
    static final QuietJavetLogger INSTANCE = new QuietJavetLogger();
    private static final System.Logger LOG = System.getLogger("org.jsi4j.v8.javet");

    private QuietJavetLogger() {
    }

    @Override
    public void debug(String message) {
        LOG.log(Level.TRACE, message);
    }

    @Override
    public void info(String message) {
        LOG.log(Level.DEBUG, message);
    }

    @Override
    public void warn(String message) {
        LOG.log(Level.WARNING, message);
    }

    @Override
    public void error(String message) {
        LOG.log(Level.ERROR, message);
    }

    @Override
    public void error(String message, Throwable cause) {
        LOG.log(Level.ERROR, message, cause);
    }
}
