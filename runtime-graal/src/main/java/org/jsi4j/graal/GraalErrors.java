package org.jsi4j.graal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * Turns {@link PolyglotException}s into jsi4j exceptions; no polyglot or JDK exception type
 * escapes. What a thrown value says is read by the {@code errorInfo} helper, which trusts nothing:
 * each read is guarded, only strings are accepted, and no replaceable global is used.
 */
final class GraalErrors {
    static final String OVERFLOW_MESSAGE = "Maximum call stack size exceeded";
    private static final Pattern ERROR_NAME = Pattern.compile("[A-Z][A-Za-z]*Error");
    /** How GraalJS words a syntax error found while parsing code given to eval or the Function constructor. */
    private static final Pattern NESTED_SYNTAX = Pattern.compile("SyntaxError: (<eval>|<function>):(\\d+):(\\d+) ([^\\n]*)");

    private final RuntimeServices services;
    private final GraalHelpers helpers;
    private final GraalLimits limits;
    private final GraalValues values;

    GraalErrors(RuntimeServices services, GraalHelpers helpers, GraalLimits limits, GraalValues values) {
        this.services = services;
        this.helpers = helpers;
        this.limits = limits;
        this.values = values;
    }

    /** The jsi4j exception for what the engine threw; never throws itself. */
    JsException convert(PolyglotException e) {
        try {
            return classify(e);
        } catch (JsException j) {
            return j;
        } catch (RuntimeException | StackOverflowError x) {
            x.addSuppressed(e);
            return new JsEngineException("GraalJS threw an exception that could not be read: " + e.getMessage(), x);
        }
    }

    private JsException classify(PolyglotException e) {
        GraalStop unwound = limits.takeUnwinding();
        if (e.isHostException() && e.asHostException() instanceof GraalStop stop) return stop.termination();
        if (unwound != null && e.isInternalError()) return unwound.termination();
        GraalStop stopping = limits.stopping();
        if (stopping != null && e.isInternalError()) return stopping.termination();
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
        JsValue error = values.fromTagged(limits.exec(helpers.rangeError, OVERFLOW_MESSAGE));
        return services.error(error, "RangeError", OVERFLOW_MESSAGE, null, location(e, List.of()));
    }

    private JsException hostException(PolyglotException e) {
        Throwable t = e.asHostException();
        if (t instanceof JsException j) return j;
        if (t instanceof StackOverflowError) return stackOverflow(e);
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new JsError(JsValue.undefined(), "Error", message, null, location(e, List.of()), t);
    }

    private JsException guestException(PolyglotException e) {
        String message = e.getMessage();
        if (e.isSyntaxError() && message != null) {
            Matcher m = NESTED_SYNTAX.matcher(message);
            if (m.lookingAt()) return nestedSyntaxError(e, m);
        }
        Value thrown = e.getGuestObject();
        JsValue value = thrown == null ? JsValue.undefined() : values.fromRaw(thrown);
        String name = null;
        String stack = null;
        List<String> makers = List.of();
        Value info = null;
        try {
            info = thrown == null ? null : limits.exec(helpers.errorInfo, thrown);
        } catch (JsException unreadable) {
            // interrupted meanwhile, or no stack left to read it
        }
        if (info != null) {
            name = text(info.getArrayElement(0));
            String said = text(info.getArrayElement(1));
            if (said != null || name != null) message = said == null ? "" : said;
            stack = text(info.getArrayElement(2));
            String found = text(info.getArrayElement(3));
            if (found != null && !found.isEmpty()) makers = List.of(found.split(","));
        }
        if (value instanceof org.jsi4j.JsBigInt big) message = big.value().toString(); // as String(10n), not "10n"
        if (name == null && message != null && info == null) {
            // the helper could not read the value (interrupted, no stack left): the engine's message
            // reads "Name: message" for errors; a value the helper read and found no Error keeps no name
            int colon = message.indexOf(": ");
            if (colon > 0 && ERROR_NAME.matcher(message.substring(0, colon)).matches()) {
                name = message.substring(0, colon);
                message = message.substring(colon + 2);
            }
        }
        return services.error(value, name, message, stack, location(e, makers));
    }

    /** A SyntaxError from parsing code given to eval or new Function: the syntax error type, at where that code failed. */
    private static JsSyntaxError nestedSyntaxError(PolyglotException e, Matcher m) {
        SourceLocation caller = location(e, List.of());
        String reason = m.group(4).strip() + " (in code given to " + (m.group(1).equals("<eval>") ? "eval" : "Function")
                + (caller == null ? "" : " at " + caller.sourceName() + ":" + caller.line()) + ")";
        return new JsSyntaxError(reason, new SourceLocation(m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    private static String text(Value v) {
        return v != null && v.isString() ? v.asString() : null;
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
        // a module GraalJS read from the module files is called by the specifier that imported it; its path is its name
        String path = section.getSource().getPath();
        return new SourceLocation(path != null ? path : section.getSource().getName(), section.getStartLine(),
                section.getStartColumn());
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
