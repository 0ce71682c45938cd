package org.jsi4j.host;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where {@link Console} output goes: one formatted line per call of {@code console.log} and
 * friends. {@link #standard()} writes log, info and debug to standard output and warn and error to
 * standard error, as Node does; {@link #slf4j(String)} logs through SLF4J.
 */
@FunctionalInterface
public interface ConsoleSink {
    /** The console method a line came from. */
    enum Level {
        LOG, INFO, DEBUG, WARN, ERROR;

        /** The JavaScript method name ({@code "log"}). */
        public String methodName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** True for warn and error, which go to the error stream. */
        public boolean isProblem() {
            return this == WARN || this == ERROR;
        }
    }

    /** Writes one line (without its line terminator) at {@code level}. */
    void write(Level level, String line);

    /** Whether the console styles values with ANSI colours (true only for a terminal). Default: false. */
    default boolean colors() {
        return false;
    }

    /** {@code sink}, telling the console to use colours when {@code colors} (for a sink that writes to a terminal). */
    static ConsoleSink withColors(ConsoleSink sink, boolean colors) {
        Objects.requireNonNull(sink, "sink");
        return new ConsoleSink() {
            @Override
            public void write(Level level, String line) {
                sink.write(level, line);
            }

            @Override
            public boolean colors() {
                return colors;
            }
        };
    }

    /** Standard output for log, info and debug; standard error for warn and error. */
    static ConsoleSink standard() {
        return (level, line) -> {
            PrintStream stream = level.isProblem() ? System.err : System.out;
            stream.println(line);
            stream.flush();
        };
    }

    /**
     * SLF4J's logger {@code loggerName}: log and info at INFO, debug at DEBUG, warn at WARN, error at
     * ERROR.
     *
     * @throws IllegalStateException when slf4j-api is not on the class path
     */
    static ConsoleSink slf4j(String loggerName) {
        try {
            Class.forName("org.slf4j.LoggerFactory", false, ConsoleSink.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("ConsoleSink.slf4j needs org.slf4j:slf4j-api on the class path", e);
        }
        return new Slf4jConsoleSink(loggerName);
    }

    /** {@code out} for log, info and debug; {@code err} for warn and error; flushed after each line. */
    static ConsoleSink of(PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        return (level, line) -> {
            PrintWriter writer = level.isProblem() ? err : out;
            writer.println(line);
            writer.flush();
        };
    }
}
