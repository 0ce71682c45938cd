package org.jsi4j;

import java.util.Objects;

/** A script that does not parse. The message reads {@code name:line:column: what is wrong}. */
public final class JsSyntaxError extends JsException {
    private final SourceLocation location;
    private final String reason;

    /**
     * @param reason what is wrong, as the engine says it
     * @param location where (line and column from 1)
     */
    public JsSyntaxError(String reason, SourceLocation location) {
        super(Objects.requireNonNull(location, "location") + ": SyntaxError: " + reason, null);
        this.location = location;
        this.reason = reason;
    }

    /** Where the error is. */
    public SourceLocation location() {
        return location;
    }

    /** The source name the script was given. */
    public String sourceName() {
        return location.sourceName();
    }

    /** The line, from 1. */
    public int line() {
        return location.line();
    }

    /** The column, from 1 ({@code 0} when the engine does not say). */
    public int column() {
        return location.column();
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }
}
