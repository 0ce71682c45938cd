package org.jsi4j;

/** The engine failed in a way that is not a JavaScript exception (an internal error). */
public final class JsEngineException extends JsException {
    /** With a message naming the engine and what failed; {@code cause} is the engine's exception. */
    public JsEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
