package org.jsi4j.compare;

/**
 * What one test did on one engine.
 *
 * @param test the test's id: its path relative to the suite root, with {@code /}
 * @param engine the engine id
 * @param verdict how it ended
 * @param outcome what engines must agree on, one or more lines: the verdict and the error's name
 *     (with the harness's own message, which is the same on every engine), the completion value and
 *     console output of a plain script; engines whose outcomes are equal agree on this test
 * @param message the error as the engine words it, or why the test was not run; empty when none
 * @param millis how long it took, runtime creation and harness included
 */
public record TestResult(String test, String engine, Verdict verdict, String outcome, String message, double millis) {
    /** Whether it passed. */
    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** Whether it counts toward a pass rate (it ran: it was not {@link Verdict#UNSUPPORTED}). */
    public boolean counted() {
        return verdict != Verdict.UNSUPPORTED;
    }
}
