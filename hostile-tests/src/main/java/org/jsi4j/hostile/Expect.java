package org.jsi4j.hostile;

import java.util.List;
import org.jsi4j.JsError;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsTerminatedException.Reason;

/** Factories of {@link Expectation}s, named as the matrix shows them. */
public final class Expect {
    private Expect() {
    }

    /** A {@code JsError} with {@code name()} {@code name}, e.g. {@code RangeError}. */
    public static Expectation.Threw jsError(String name) {
        return new Expectation.Threw(JsError.class, name, null, null, null, null);
    }

    /** A {@code JsError} for a thrown value that is not an error object: no {@code name()}. */
    public static Expectation.Threw jsErrorWithoutName() {
        return jsError("");
    }

    /**
     * A {@code JsError} of any name: for a thrown value whose name cannot be read without running
     * script code (a Proxy whose traps throw).
     */
    public static Expectation.Threw jsErrorAnyName() {
        return jsError(null);
    }

    /** A {@code JsSyntaxError}. */
    public static Expectation.Threw syntaxError() {
        return new Expectation.Threw(JsSyntaxError.class, null, null, null, null, null);
    }

    /** A {@code JsTerminatedException} for {@code reason}. */
    public static Expectation.Threw terminated(Reason reason) {
        return new Expectation.Threw(JsTerminatedException.class, null, reason, null, null, null);
    }

    /** A {@code JsTerminatedException} for any reason. */
    public static Expectation.Threw terminated() {
        return terminated(null);
    }

    /** A {@code JsReleasedException}. */
    public static Expectation.Threw released() {
        return new Expectation.Threw(JsReleasedException.class, null, null, null, null, null);
    }

    /** A {@code JsSnapshotException}. */
    public static Expectation.Threw snapshotRefused() {
        return new Expectation.Threw(JsSnapshotException.class, null, null, null, null, null);
    }

    /** An {@code IllegalArgumentException} (caller misuse). */
    public static Expectation.Threw illegalArgument() {
        return new Expectation.Threw(IllegalArgumentException.class, null, null, null, null, null);
    }

    /** An {@code IllegalStateException} (caller misuse). */
    public static Expectation.Threw illegalState() {
        return new Expectation.Threw(IllegalStateException.class, null, null, null, null, null);
    }

    /** A {@code WrongThreadException}. */
    public static Expectation.Threw wrongThread() {
        return new Expectation.Threw(WrongThreadException.class, null, null, null, null, null);
    }

    /** A normal end (see {@link Expectation.Returned}). */
    public static Expectation returned() {
        return new Expectation.Returned();
    }

    /** Any one of {@code options}. */
    public static Expectation anyOf(Expectation... options) {
        return new Expectation.AnyOf(List.of(options));
    }

    /**
     * What a heap, string or buffer bomb may end with until memory limits exist (issue 13): a
     * {@code RangeError} from the engine, or a time or memory limit. It proves that the JVM
     * survives and the caller gets a clear exception, not that memory is limited.
     */
    public static Expectation bombStopped() {
        return anyOf(jsError("RangeError"), terminated(Reason.TIME_LIMIT), terminated(Reason.MEMORY_LIMIT));
    }
}
