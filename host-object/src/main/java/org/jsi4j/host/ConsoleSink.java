package org.jsi4j.host;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where {@link Console} output goes: one formatted line per call of {@code console.log} and
 * friends. {@link #standard()} writes log, info and debug to standard output and warn and error to
 * standard error, as Node does.
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

    /** Standard output for log, info and debug; standard error for warn and error. */
    static ConsoleSink standard() {
        return (level, line) -> {
            PrintStream stream = level.isProblem() ? System.err : System.out;
            stream.println(line);
            stream.flush();
        };
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
