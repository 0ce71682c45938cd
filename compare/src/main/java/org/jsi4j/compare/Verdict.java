package org.jsi4j.compare;

import java.util.Locale;

/** How one test ended on one engine. */
public enum Verdict {
    /** It did what it must: completed (or, for a negative test, threw the error it names). */
    PASS,
    /** It threw, or did not throw what it must, or an async test reported a failure. */
    FAIL,
    /** It ran past the time limit. */
    TIMEOUT,
    /** The worker JVM running it died (an engine crash): it costs this test, and a new worker takes over. */
    CRASH,
    /** It needs a feature the engine declares absent (or the harness host lacks): not run, not a failure. */
    UNSUPPORTED;

    /** {@code pass}, {@code fail}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict called {@code label}. */
    public static Verdict of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
