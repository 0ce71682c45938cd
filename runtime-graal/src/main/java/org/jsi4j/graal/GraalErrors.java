package org.jsi4j.graal;

import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.JsValue;
import org.jsi4j.SourceLocation;
import org.jsi4j.spi.RuntimeServices;

/** Turns {@link PolyglotException}s into jsi4j exceptions; no polyglot type escapes. */
final class GraalErrors {
    private final RuntimeServices services;
    private final GraalBackend backend;
    private final Value errorInfo;
    private final Value rangeError;

    GraalErrors(RuntimeServices services, GraalBackend backend, Value errorInfo, Value rangeError) {
        this.rangeError = rangeError;
        this.services = services;
        this.backend = backend;
        this.errorInfo = errorInfo;
    }

    /** The jsi4j exception for what the engine threw. */
    JsException convert(PolyglotException e) {
        if (e.isResourceExhausted() && !e.isCancelled()) return stackOverflow(e);
        if (e.isCancelled()) {
            backend.terminated(e);
            Reason reason = e.isResourceExhausted() ? Reason.STATEMENT_LIMIT : Reason.INTERRUPTED;
            return new JsTerminatedException(reason, "GraalJS cancelled the context (" + e.getMessage()
                    + "). The runtime can no longer run code; close it and create another.", false);
        }
        if (e.isInterrupted()) {
            backend.terminated(e);
            return new JsTerminatedException(Reason.INTERRUPTED, "The script was interrupted. The runtime is still usable.",
                    true);
        }
        if (e.isHostException()) return hostException(e);
        if (e.isGuestException() && !e.isInternalError()) return guestException(e);
        return new JsEngineException("GraalJS failed internally: " + e.getMessage(), e);
    }

    /**
     * A stack overflow that the engine met in a host frame ("Resource exhausted: Stack overflow"):
     * reported as the RangeError that JavaScript gets for one in its own frames.
     */
    private JsError stackOverflow(PolyglotException e) {
        JsValue error = backend.toJs(rangeError.execute("Maximum call stack size exceeded"));
        return services.error(error, "RangeError", "Maximum call stack size exceeded", null, location(e, List.of()));
    }

    private JsException hostException(PolyglotException e) {
        Throwable t = e.asHostException();
        if (t instanceof JsException j) return j;
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new JsError(JsValue.undefined(), "Error", message, null, location(e, List.of()), t);
    }

    private JsError guestException(PolyglotException e) {
        Value thrown = e.getGuestObject();
        JsValue value = backend.toJs(thrown);
        String name = null;
        String message = e.getMessage();
        String stack = null;
        List<String> makers = List.of();
        try {
            Value info = errorInfo.execute(thrown);
            name = text(info.getArrayElement(0));
            message = text(info.getArrayElement(1));
            stack = text(info.getArrayElement(2));
            makers = List.of(info.getArrayElement(3).asString().split(","));
        } catch (PolyglotException ignored) {
            // the thrown value could not be read (e.g. interrupted meanwhile): keep the engine's message
        }
        return services.error(value, name, message, stack, location(e, makers));
    }

    private static String text(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    /**
     * Where it was thrown: the engine's location, else the innermost guest frame that has one,
     * skipping the frames of the error's own constructors (an Error's stack starts where it was built).
     */
    private static SourceLocation location(PolyglotException e, List<String> makers) {
        SourceSection section = e.getSourceLocation();
        if (section == null) {
            SourceSection innermost = null;
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (!frame.isGuestFrame() || frame.getSourceLocation() == null) continue;
                if (innermost == null) innermost = frame.getSourceLocation();
                if (!makers.contains(frame.getRootName())) {
                    section = frame.getSourceLocation();
                    break;
                }
            }
            if (section == null) section = innermost;
        }
        if (section == null || !section.isAvailable()) return null;
        return new SourceLocation(section.getSource().getName(), section.getStartLine(), section.getStartColumn());
    }

    /**
     * The syntax error for a script that does not parse. GraalJS's message reads
     * {@code "SyntaxError: name:line:col reason\n<source line>\n<caret>"}: the reason is kept.
     */
    static JsSyntaxError syntaxError(PolyglotException e, String sourceName) {
        String message = e.getMessage() == null ? "invalid syntax" : e.getMessage();
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        if (first.startsWith("SyntaxError: ")) first = first.substring("SyntaxError: ".length());
        String prefix = sourceName + ":";
        if (first.startsWith(prefix)) {
            int space = first.indexOf(' ', prefix.length());
            if (space > 0) first = first.substring(space + 1);
        }
        SourceSection section = e.getSourceLocation();
        SourceLocation where = section == null || !section.isAvailable()
                ? new SourceLocation(sourceName, 0, 0)
                : new SourceLocation(sourceName, section.getStartLine(), section.getStartColumn());
        return new JsSyntaxError(first.strip(), where);
    }
}
