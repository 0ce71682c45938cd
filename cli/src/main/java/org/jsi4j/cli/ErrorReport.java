package org.jsi4j.cli;

import java.util.List;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsStackFrame;
import org.jsi4j.JsString;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.SourceLocation;
import org.jsi4j.UnhandledRejection;
import org.jsi4j.host.Inspector;

/**
 * How the command line shows a script's failure, as Node does: the place and the offending source
 * line with a caret under the column, then {@code Name: message} and the JavaScript frames.
 * <pre>
 * app.js:2
 *   throw new TypeError('boom');
 *   ^
 *
 * TypeError: boom
 *     at f (app.js:2:9)
 *     at app.js:4:1
 * </pre>
 * An unhandled promise rejection is {@code Uncaught (in promise) Name: message} and its frames.
 */
final class ErrorReport {
    private final String sourceName;
    private final String source;

    /** A report for failures of the script {@code source} named {@code sourceName} (its lines are quoted). */
    ErrorReport(String sourceName, String source) {
        this.sourceName = sourceName;
        this.source = source;
    }

    /** An uncaught error: place, source line and caret, {@code Name: message}, frames. */
    String uncaught(JsRuntime runtime, JsError e) {
        StringBuilder s = new StringBuilder();
        e.location().ifPresent(where -> place(s, where));
        s.append(headline(runtime, e, "Uncaught "));
        frames(s, e.jsFrames());
        return s.toString().stripTrailing();
    }

    /** A syntax error: place, source line and caret, {@code SyntaxError: reason}. */
    String syntax(JsSyntaxError e) {
        StringBuilder s = new StringBuilder();
        place(s, e.location());
        s.append("SyntaxError: ").append(e.reason());
        return s.toString();
    }

    /** An unhandled rejection: {@code Uncaught (in promise) Name: message} and the frames of where the reason was made. */
    static String inPromise(JsRuntime runtime, UnhandledRejection rejection) {
        StringBuilder s = new StringBuilder("Uncaught (in promise) ");
        s.append(headline(runtime, rejection.error(), ""));
        frames(s, rejection.error().jsFrames());
        return s.toString().stripTrailing();
    }

    /** An error in the REPL, as Node's REPL shows it: {@code Uncaught Name: message} and the frames. */
    static String inRepl(JsRuntime runtime, JsError e) {
        StringBuilder s = new StringBuilder("Uncaught ");
        s.append(headline(runtime, e, ""));
        frames(s, e.jsFrames());
        return s.toString().stripTrailing();
    }

    private void place(StringBuilder s, SourceLocation where) {
        s.append(where.sourceName());
        if (where.line() > 0) s.append(':').append(where.line());
        s.append('\n');
        String line = sourceLine(where);
        if (line != null) {
            s.append(line).append('\n');
            if (where.column() > 0) s.append(" ".repeat(Math.min(where.column() - 1, line.length()))).append("^\n");
        }
        s.append('\n');
    }

    private String sourceLine(SourceLocation where) {
        if (source == null || where.line() <= 0 || !sourceName.equals(where.sourceName())) return null;
        List<String> lines = source.lines().limit(where.line()).toList();
        if (lines.size() < where.line()) return null;
        String line = lines.get(where.line() - 1);
        return line.length() > 200 ? null : line;
    }

    private static String headline(JsRuntime runtime, JsError e, String nonErrorPrefix) {
        String message = e.jsMessage();
        return e.name()
                .map(name -> message.isEmpty() ? name : name + ": " + message)
                .orElseGet(() -> nonErrorPrefix + thrownValue(runtime, e));
    }

    private static void frames(StringBuilder s, List<JsStackFrame> frames) {
        for (JsStackFrame f : frames) s.append("\n    ").append(f);
    }

    private static String thrownValue(JsRuntime runtime, JsError e) {
        try {
            return e.value() instanceof JsString str ? str.value()
                    : e.value() instanceof JsObject || runtime != null ? Inspector.inspect(runtime, e.value()) : e.jsMessage();
        } catch (JsException | IllegalStateException unprintable) {
            return e.jsMessage();
        }
    }

    /**
     * Whether standard output is a terminal that should get colours: a console that is a terminal,
     * and no {@code NO_COLOR} in the environment (no-color.org).
     */
    static boolean colorTerminal() {
        return !noColor() && consoleIsTerminal();
    }

    /** Whether {@code NO_COLOR} is set to anything (no-color.org). */
    static boolean noColor() {
        String noColor = System.getenv("NO_COLOR");
        return noColor != null && !noColor.isEmpty();
    }

    /** Whether the JVM's console is a terminal. */
    static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            // Console.isTerminal (Java 22): since 22 System.console() is not null for a redirected stream
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: System.console() is null unless both streams are a terminal
        }
    }

    /** An unhandled rejection, as the exception that ends {@code jsi run} (exit 1). */
    static final class UncaughtInPromise extends RuntimeException {
        UncaughtInPromise(String report) {
            super(report, null, false, false);
        }
    }

    /** The listener {@code jsi run} sets: the first unhandled rejection ends the run, as in Node. */
    static void failOnRejection(JsRuntime runtime, UnhandledRejection rejection) {
        throw new UncaughtInPromise(inPromise(runtime, rejection));
    }
}
