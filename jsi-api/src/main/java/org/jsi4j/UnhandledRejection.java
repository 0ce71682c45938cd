package org.jsi4j;

import java.util.Objects;
import java.util.Optional;

/**
 * A promise that was rejected and still had no rejection handler once the JavaScript stack
 * emptied and its promise jobs ran (what Node reports as {@code unhandledRejection}). Its values are
 * handles valid only during the {@link UnhandledRejectionListener} call; persist them to keep them.
 *
 * @param reason the value the promise was rejected with
 * @param promise the promise, when the engine tells which one (GraalJS and V8; Rhino reports only the reason)
 * @param error the reason as a {@link JsError}, as if it had been thrown: its name, message, JavaScript
 *     stack and frames ({@link JsError#jsFrames()}), which say where an {@code Error} reason was made
 */
public record UnhandledRejection(JsValue reason, Optional<JsObject> promise, JsError error) {
    /** Checks that nothing is null. */
    public UnhandledRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(error, "error");
    }
}
