package org.jsi4j.host;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConsoleSink} that routes console output to SLF4J: {@code log} and {@code info} at INFO,
 * {@code debug} at DEBUG, {@code warn} at WARN, {@code error} at ERROR. Needs {@code slf4j-api} on
 * the class path (an optional dependency of host-object). Made by {@link ConsoleSink#slf4j(String)}.
 */
final class Slf4jConsoleSink implements ConsoleSink {
    private final Logger logger;

    Slf4jConsoleSink(String loggerName) {
        this.logger = LoggerFactory.getLogger(Objects.requireNonNull(loggerName, "loggerName"));
    }

    @Override
    public void write(Level level, String line) {
        switch (level) {
            case LOG, INFO -> logger.info("{}", line);
            case DEBUG -> logger.debug("{}", line);
            case WARN -> logger.warn("{}", line);
            case ERROR -> logger.error("{}", line);
        }
    }
}
