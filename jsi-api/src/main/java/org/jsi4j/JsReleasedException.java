package org.jsi4j;

/**
 * A handle, reference or prepared script was used after it was released (its scope or
 * reference closed) or after its runtime closed.
 */
public final class JsReleasedException extends JsException {
    /** With a message that says what was used and what released it. */
    public JsReleasedException(String message) {
        super(message, null);
    }
}
