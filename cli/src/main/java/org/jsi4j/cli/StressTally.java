package org.jsi4j.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a stress run counted, shared by its threads: work done, futures still outstanding,
 * handles left behind, and failures that must not happen (a raw engine or JDK exception, an
 * exception of the wrong kind).
 */
final class StressTally {
    private static final int KEPT_FAILURES = 20;

    final LongAdder runtimes = new LongAdder();
    final LongAdder evaluations = new LongAdder();
    final LongAdder hostCalls = new LongAdder();
    final LongAdder handles = new LongAdder();
    final LongAdder interrupts = new LongAdder();
    final LongAdder tasks = new LongAdder();
    final LongAdder scriptErrors = new LongAdder();
    /** Futures submitted and not yet completed. */
    final AtomicInteger outstanding = new AtomicInteger();
    /** Handles, references or scopes still counted by a runtime just before it closed. */
    final LongAdder leakedHandles = new LongAdder();
    final LongAdder unexpected = new LongAdder();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    /** Records a failure that must not happen; keeps the first few descriptions. */
    void unexpected(String what, Throwable t) {
        unexpected.increment();
        if (failures.size() < KEPT_FAILURES) {
            failures.add(what + ": " + (t == null ? "" : t.getClass().getName() + ": " + firstLine(t.getMessage())));
        }
    }

    /** The first few unexpected failures, described. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
