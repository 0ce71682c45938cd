package org.jsi4j.v8;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsi4j.SourceLocation;

/**
 * Tells whether a thrown {@code SyntaxError} is one V8's parser made for code compiled at run time
 * ({@code eval}, {@code new Function}) after a script caught it and threw it again. V8 marks such an
 * error object only with private symbols no embedder API reads, and the message of a rethrow is
 * placed at the {@code throw}; what remains is where V8 captured the error's stack, its first frame:
 * <ul>
 *   <li>a code-generating built-in ({@code eval (<anonymous>)} for an indirect eval, the
 *       {@code Function} constructors): only their parser errors are made there;</li>
 *   <li>for a direct {@code eval}, the caller's own frame at the call. A script's own
 *       {@code new SyntaxError} is placed at that expression instead, and one made inside the
 *       evaluated code has that code's frame first. V8 gives jsi4j the text of the rethrow's line
 *       only, so a direct {@code eval} is recognised when it sits on the line of the {@code throw}.</li>
 * </ul>
 * A stack a script replaced or formatted itself ({@code Error.prepareStackTrace}) is not recognised:
 * the error then stays a {@code JsError} named SyntaxError.
 */
final class V8RunTimeSyntaxErrors {
    private static final List<String> MAKERS = List.of("eval (<anonymous>)", "new Function (<anonymous>)",
            "Function (<anonymous>)", "new GeneratorFunction (<anonymous>)", "GeneratorFunction (<anonymous>)",
            "new AsyncFunction (<anonymous>)", "AsyncFunction (<anonymous>)", "new AsyncGeneratorFunction (<anonymous>)",
            "AsyncGeneratorFunction (<anonymous>)");
    /** A frame's place: {@code name (file:line:column)} or {@code file:line:column}. */
    private static final Pattern PLACE = Pattern.compile("(?:.*? \\()?(.*):(\\d+):(\\d+)\\)?");
    private static final Pattern EVAL_CALL = Pattern.compile("eval\\s*\\(");
    private static final String FRAME = "\n    at ";

    private V8RunTimeSyntaxErrors() {
    }

    /**
     * Where the rethrown parser error came from (the call that compiled the code), or null when
     * {@code stack} does not show one. {@code thrownAt} and {@code sourceLine} are the rethrow's.
     */
    static SourceLocation madeBy(String stack, SourceLocation thrownAt, String sourceLine) {
        String first = frame(stack, 0);
        if (first == null) return null;
        if (MAKERS.contains(first)) {
            Matcher caller = place(frame(stack, 1));
            return caller == null ? new SourceLocation("<eval>", 0, 0)
                    : new SourceLocation(caller.group(1), Integer.parseInt(caller.group(2)), Integer.parseInt(caller.group(3)));
        }
        Matcher m = place(first);
        if (m == null || sourceLine == null || thrownAt == null || !m.group(1).equals(thrownAt.sourceName())) return null;
        int line = Integer.parseInt(m.group(2));
        int column = Integer.parseInt(m.group(3));
        if (line != thrownAt.line() || column < 1 || column > sourceLine.length()) return null;
        Matcher call = EVAL_CALL.matcher(sourceLine).region(column - 1, sourceLine.length());
        return call.lookingAt() ? new SourceLocation(m.group(1), line, column) : null;
    }

    /** The text of frame {@code index} (0 the innermost) of a V8 stack, or null. */
    private static String frame(String stack, int index) {
        if (stack == null) return null;
        int at = -1;
        for (int i = 0; i <= index; i++) {
            at = stack.indexOf(FRAME, at + 1);
            if (at < 0) return null;
        }
        int end = stack.indexOf('\n', at + FRAME.length());
        return stack.substring(at + FRAME.length(), end < 0 ? stack.length() : end);
    }

    private static Matcher place(String frame) {
        if (frame == null) return null;
        Matcher m = PLACE.matcher(frame);
        return m.matches() ? m : null;
    }
}
