package org.jsi4j.benchmarks;

import java.util.Map;
import java.util.Optional;

/**
 * One line of the results: a benchmark on one engine, in ns per operation for each flavor that
 * ran ({@code null} when it has none or it failed), and why a flavor failed.
 *
 * @param benchmark the benchmark ({@code hostCall}, {@code jsCall}, ...)
 * @param engine the engine id
 * @param jsiNs jsi4j's time
 * @param rawNs the raw API's time
 * @param jsr223Ns JSR-223's time
 * @param failures flavor to the reason it has no figure, for flavors that were run and failed
 */
public record BenchRow(String benchmark, String engine, Double jsiNs, Double rawNs, Double jsr223Ns,
                       Map<Flavor, String> failures) {
    /** Issue 14's bound on a 100 KB graph's round trip through the bulk path: 5 ms. */
    public static final double BULK_GOAL_NS = 5_000_000;

    /** Copies the failures. */
    public BenchRow {
        failures = Map.copyOf(failures);
    }

    /** jsi4j's time over the raw API's, when both ran. */
    public Optional<Double> ratio() {
        return jsiNs == null || rawNs == null ? Optional.empty() : Optional.of(jsiNs / rawNs);
    }

    /** jsi4j's time over JSR-223's, when both ran. */
    public Optional<Double> jsr223Ratio() {
        return jsiNs == null || jsr223Ns == null ? Optional.empty() : Optional.of(jsiNs / jsr223Ns);
    }

    /**
     * The most jsi4j may cost relative to raw for this benchmark (issue 14's goal): 1.5 for every
     * call and host-object property row, 1.25 for creating a runtime, 1.0 for the bulk graph round
     * trip (which must also take at most {@link #BULK_GOAL_NS}), none for the rest.
     */
    public Optional<Double> goal() {
        return switch (benchmark) {
            case "hostCall", "jsCall", "propertyGet", "propertySet" -> Optional.of(1.5);
            case "createRuntime" -> Optional.of(1.25);
            case "graphRoundTrip" -> Optional.of(1.0);
            default -> Optional.empty();
        };
    }

    /** "met", "missed", or "" when there is no goal or no ratio. */
    public String goalStatus() {
        Optional<Double> goal = goal();
        Optional<Double> ratio = ratio();
        String vsJsr223 = jsr223Ratio().filter(r -> r > 1.0).map(r -> "; slower than JSR-223").orElse("");
        if (goal.isEmpty() || ratio.isEmpty()) return vsJsr223.isEmpty() ? "" : vsJsr223.substring(2);
        if (benchmark.equals("graphRoundTrip")) {
            boolean met = ratio.get() <= goal.get() && jsiNs <= BULK_GOAL_NS;
            return met ? "met (<= 5 ms and <= raw)" : "MISSED (> 5 ms or > raw)";
        }
        return (ratio.get() <= goal.get() ? "met (<= " + goal.get() + ")" : "MISSED (> " + goal.get() + ")") + vsJsr223;
    }
}
