package org.jsi4j;

import java.time.Duration;
import java.util.Objects;

/**
 * How to create a runtime. Immutable; start from {@link #defaults()} and use the {@code with…}
 * methods.
 *
 * @param timeLimit how long one entry from Java into JavaScript (an evaluation, a prepared
 *     script run, a call) may run before it is stopped with a {@link JsTerminatedException};
 *     {@code null} for no limit
 * @param statementLimit how many statements one entry may execute, where the engine counts them
 *     ({@link Capabilities#limits()}); {@code 0} for no limit
 * @param maxStackDepth the deepest JavaScript call stack allowed before a {@code RangeError};
 *     {@code 0} for the engine's default
 * @param maxHeapBytes the engine heap size at which a script is stopped, where the engine allows
 *     it; {@code 0} for the engine's default
 */
public record RuntimeOptions(Duration timeLimit, long statementLimit, int maxStackDepth, long maxHeapBytes) {
    private static final RuntimeOptions DEFAULTS = new RuntimeOptions(null, 0, 0, 0);

    /** Validates the values. */
    public RuntimeOptions {
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
        if (statementLimit < 0) throw new IllegalArgumentException("statementLimit must be >= 0, was " + statementLimit);
        if (maxStackDepth < 0) throw new IllegalArgumentException("maxStackDepth must be >= 0, was " + maxStackDepth);
        if (maxHeapBytes < 0) throw new IllegalArgumentException("maxHeapBytes must be >= 0, was " + maxHeapBytes);
    }

    /** No limits beyond the engine's own. */
    public static RuntimeOptions defaults() {
        return DEFAULTS;
    }

    /** With a time limit per entry into JavaScript. */
    public RuntimeOptions withTimeLimit(Duration limit) {
        return new RuntimeOptions(Objects.requireNonNull(limit, "limit"), statementLimit, maxStackDepth, maxHeapBytes);
    }

    /** With a statement limit per entry into JavaScript. */
    public RuntimeOptions withStatementLimit(long limit) {
        return new RuntimeOptions(timeLimit, limit, maxStackDepth, maxHeapBytes);
    }

    /** With a maximum JavaScript stack depth. */
    public RuntimeOptions withMaxStackDepth(int depth) {
        return new RuntimeOptions(timeLimit, statementLimit, depth, maxHeapBytes);
    }

    /** With a heap limit, where the engine allows one. */
    public RuntimeOptions withMaxHeapBytes(long bytes) {
        return new RuntimeOptions(timeLimit, statementLimit, maxStackDepth, bytes);
    }
}
