package org.jsi4j;

/**
 * One frame of a JavaScript stack trace ({@link JsError#jsFrames()}), innermost first.
 *
 * @param function the function's name as the engine reports it ({@code "inner"}, {@code "Object.m"},
 *     {@code "new Point"}); empty for top-level code and anonymous functions
 * @param sourceName the script's name, or {@code null} for a host function and for built-ins
 *     without a source ({@code Array.forEach})
 * @param line the line from 1, or 0 when unknown
 * @param column the column from 1, or 0 when unknown (Rhino reports no columns in stacks)
 * @param host true for the frame of a host function (a Java {@link HostFunction} or host object), whose
 *     body is Java: its JavaScript-side wrapper is shown under the function's name, never as a
 *     library-internal location
 */
public record JsStackFrame(String function, String sourceName, int line, int column, boolean host) {
    /** Checks that the name is not null. */
    public JsStackFrame {
        function = function == null ? "" : function;
    }

    /** The place, when the frame has a source: {@code name:line:column}. */
    public java.util.Optional<SourceLocation> location() {
        return sourceName == null ? java.util.Optional.empty()
                : java.util.Optional.of(new SourceLocation(sourceName, line, column));
    }

    /** As Node prints it: {@code at inner (app.js:1:26)}, {@code at app.js:5:1}, {@code at host (host function)}. */
    @Override
    public String toString() {
        String where = host ? "host function" : sourceName == null ? "native" : new SourceLocation(sourceName, line, column).toString();
        if (function.isEmpty()) return host || sourceName == null ? "at <anonymous> (" + where + ")" : "at " + where;
        return "at " + function + " (" + where + ")";
    }
}
