package org.jsi4j.hostile;

import java.util.Locale;

/**
 * What one hostile case did in its child JVM, as the child reported it or the parent saw it (a
 * crash, a hang). Strings are {@link Text#escape escaped}, so a lone surrogate survives the trip.
 *
 * @param kind how the case ended
 * @param type the exception's class name (for {@code THREW}), else {@code null}
 * @param jsName a {@code JsError}'s {@code name()}, {@code ""} when it has none, {@code null} otherwise
 * @param reason a {@code JsTerminatedException}'s reason, else {@code null}
 * @param message the exception's message (first 400 characters), or what the case returned
 * @param jsMessage a {@code JsError}'s {@code jsMessage()}, else {@code null}
 * @param cause the class name of the exception's cause, or {@code null}
 * @param millis how long the case ran
 * @param detail for an unexpected exception its top stack frames; for a crash the exit code and
 *     the last lines the child wrote to stderr; for a hang where it was stuck
 * @param afterCheck {@code null} when the engine still ran {@code 6 * 7} in a new runtime after the
 *     case and every runtime of the case closed; otherwise what went wrong
 */
public record Observation(Kind kind, String type, String jsName, String reason, String message, String jsMessage,
                          String cause, long millis, String detail, String afterCheck) {

    /** How a case ended. */
    public enum Kind {
        /** the case body returned normally */
        RETURNED,
        /** the case body threw */
        THREW,
        /** the case did not end within its time budget */
        HANG,
        /** the child JVM died */
        CRASH
    }

    /** The exception class's simple name, or {@code null}. */
    public String simpleType() {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    /** One line for the matrix and the known-failures list, e.g. {@code threw JsError RangeError: ...}. */
    public String summary() {
        String text = switch (kind) {
            case RETURNED -> "returned " + message;
            case THREW -> "threw " + (type.startsWith("org.jsi4j.") || type.startsWith("java.lang.") ? simpleType() : type)
                    + (jsName == null ? "" : jsName.isEmpty() ? " (no name)" : " " + jsName)
                    + (reason == null ? "" : " " + reason)
                    + (message == null ? "" : ": " + message);
            case HANG -> "hang: " + message;
            case CRASH -> "crash: " + message;
        };
        if (afterCheck != null) text += " [after: " + afterCheck + "]";
        return Text.shorten(text, 240);
    }

    /** {@code summary()} in lower case, for matching words. */
    String lower() {
        return summary().toLowerCase(Locale.ROOT);
    }

    /** The same observation with {@code afterCheck} set. */
    public Observation withAfterCheck(String problem) {
        return new Observation(kind, type, jsName, reason, message, jsMessage, cause, millis, detail, problem);
    }
}
