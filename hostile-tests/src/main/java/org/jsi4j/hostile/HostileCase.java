package org.jsi4j.hostile;

import java.util.Objects;

/**
 * One hostile case: a script or a Java misuse scenario, and the outcome it must have.
 *
 * @param id {@code group/name}, unique; the known-failures list and the matrix use it
 * @param kind a script or Java misuse
 * @param expected the outcome that makes it pass
 * @param proves what a pass proves, when that is less than it seems (a bomb without a memory limit)
 * @param stackKb the stack size of the thread the case runs on, in KiB; 0 for the JVM's default
 * @param body what runs, on a new thread of the child JVM
 * @param budgetMillis how long the case may run before it counts as a hang; 0 for the suite's
 *     budget ({@link Worker#DEFAULT_BUDGET_MILLIS}, stricter than the 30 s of issue 12)
 */
public record HostileCase(String id, Kind kind, Expectation expected, String proves, int stackKb, Body body,
                          long budgetMillis) {

    /** A case with the suite's budget. */
    public HostileCase(String id, Kind kind, Expectation expected, String proves, int stackKb, Body body) {
        this(id, kind, expected, proves, stackKb, body, 0);
    }

    /** Script cases attack through JavaScript; misuse cases through the Java API. */
    public enum Kind { SCRIPT, MISUSE }

    /** The code of a case; it ends by throwing (or returning, which fails every expectation). */
    @FunctionalInterface
    public interface Body {
        /** Runs the case; what it returns is reported as a (failing) normal completion. */
        Object run(CaseContext ctx) throws Exception;
    }

    /** Checks the id. */
    public HostileCase {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9-]+/[a-z0-9-]+")) throw new IllegalArgumentException("bad case id " + id);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(body, "body");
        if (budgetMillis < 0) throw new IllegalArgumentException("negative budget for " + id);
    }

    /** How long this case may run: its own budget, else {@code suiteBudgetMillis}. */
    public long budget(long suiteBudgetMillis) {
        return budgetMillis > 0 ? budgetMillis : suiteBudgetMillis;
    }

    /** The group, the part of the id before the slash. */
    public String group() {
        return id.substring(0, id.indexOf('/'));
    }
}
