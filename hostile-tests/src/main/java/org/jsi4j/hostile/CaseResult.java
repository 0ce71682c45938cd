package org.jsi4j.hostile;

/**
 * One case on one engine: what was expected, what was observed, and the verdict.
 *
 * @param engine the engine id
 * @param caseId the case's id
 * @param kind script or misuse
 * @param expected the expectation, in words
 * @param proves what a pass proves, when less than it seems, or {@code null}
 * @param observation what happened
 * @param verdict the verdict
 * @param problem why it failed, or {@code null}
 * @param knownFailure the known-failures entry for it, or {@code null}
 */
public record CaseResult(String engine, String caseId, HostileCase.Kind kind, String expected, String proves,
                         Observation observation, Verdict verdict, String problem, String knownFailure) {

    /** How a case fared. */
    public enum Verdict {
        /** ended as expected */
        PASS,
        /** did not, and is not listed as a known failure */
        FAIL,
        /** did not, as its known-failures entry says */
        KNOWN_FAILURE,
        /** ended as expected although listed as a known failure: the entry must go */
        FIXED
    }

    /** Judges {@code o} against {@code c}'s expectation and budget; {@code known} is its known-failures entry or null. */
    static CaseResult judge(String engine, HostileCase c, Observation o, long budgetMillis, String known) {
        String problem = c.expected().mismatch(o).orElse(null);
        if (problem == null && o.afterCheck() != null) problem = "after the case: " + o.afterCheck();
        if (problem == null && o.millis() > budgetMillis) problem = "took " + o.millis() + " ms";
        boolean intermittent = known != null && known.startsWith(KnownFailures.INTERMITTENT);
        Verdict v = problem == null ? (known == null || intermittent ? Verdict.PASS : Verdict.FIXED)
                : (known == null ? Verdict.FAIL : Verdict.KNOWN_FAILURE);
        return new CaseResult(engine, c.id(), c.kind(), c.expected().describe(), c.proves(), o, v, problem, known);
    }

    /** True when the build should fail over it. */
    public boolean breaksBuild() {
        return verdict == Verdict.FAIL || verdict == Verdict.FIXED;
    }
}
