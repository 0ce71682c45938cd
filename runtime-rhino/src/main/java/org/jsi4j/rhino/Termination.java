package org.jsi4j.rhino;

import org.jsi4j.JsTerminatedException;

/**
 * Thrown from Rhino's instruction observer to stop a script. An {@link Error}, so that JavaScript
 * {@code catch} cannot intercept it; the backend turns it into a {@link JsTerminatedException}.
 */
final class Termination extends Error {
    final JsTerminatedException.Reason reason;

    Termination(JsTerminatedException.Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }
}
