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
    private static final java.util.regex.Pattern ERROR_NAME = java.util.regex.Pattern.compile("[A-Z][A-Za-z]*Error");
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

    /**
     * Reads an error once while the stack is shallow. GraalJS loads the classes of its nodes when
     * they first run, and a class whose initializer first runs with the stack nearly exhausted
     * (converting the RangeError of a deep recursion) fails for good in this JVM.
     */
    void warmUp(Value error) {
        errorInfo.execute(error);
    }

    /** The jsi4j exception for what the engine threw. */
    JsException convert(PolyglotException e) {
        GraalStop unwound = backend.takeUnwinding();
        if (e.isHostException() && e.asHostException() instanceof GraalStop stop) return stop.termination();
        if (unwound != null && e.isInternalError()) return unwound.termination();
        if (e.isResourceExhausted() && !e.isCancelled()) return stackOverflow(e);
        if (e.isCancelled()) {
            Reason reason = e.isResourceExhausted() ? Reason.STATEMENT_LIMIT : Reason.INTERRUPTED;
            return new JsTerminatedException(reason, "GraalJS cancelled the context (" + e.getMessage()
                    + "). The runtime can no longer run code; close it and create another.", false);
        }
        if (e.isInterrupted()) {
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
        JsValue error = backend.toJs(rangeError.execute(GraalBackend.OVERFLOW_MESSAGE));
        return services.error(error, "RangeError", GraalBackend.OVERFLOW_MESSAGE, null, location(e, List.of()));
    }

    private JsException hostException(PolyglotException e) {
        Throwable t = e.asHostException();
        if (t instanceof JsException j) return j;
        if (t instanceof StackOverflowError) return stackOverflow(e);
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
            // the thrown value could not be read (interrupted meanwhile, or no stack left): the engine's
            // message reads "Name: message" for errors
            int colon = message == null ? -1 : message.indexOf(": ");
            if (colon > 0 && ERROR_NAME.matcher(message.substring(0, colon)).matches()) {
                name = message.substring(0, colon);
                message = message.substring(colon + 2);
            }
        }
        return services.error(value, name, message, stack, location(e, makers));
    }

    private static String text(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    /**
     * Where it was thrown: the engine's location, else the innermost guest frame that has one,
     * skipping the frames of the error's own constructors (an Error's stack starts where it was built)
     * and of jsi4j's helpers (which throw what host callbacks raise).
     */
    private static SourceLocation location(PolyglotException e, List<String> makers) {
        SourceSection section = e.getSourceLocation();
        if (section != null && isInternal(section)) section = null;
        if (section == null) {
            SourceSection innermost = null;
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (!frame.isGuestFrame() || frame.getSourceLocation() == null || isInternal(frame.getSourceLocation())) {
                    continue;
                }
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

    private static boolean isInternal(SourceSection section) {
        return section.getSource().getName().startsWith("jsi4j:");
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
