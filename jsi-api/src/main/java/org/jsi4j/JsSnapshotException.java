package org.jsi4j;

/** A snapshot could not be taken, or a snapshot blob could not be restored. */
public final class JsSnapshotException extends JsException {
    /** With a message that says what is wrong with the snapshot and what to do. */
    public JsSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
