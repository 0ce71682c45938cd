package org.jsi4j.compare;

import java.time.Duration;

/**
 * Runs one {@link Test262Plan.Scenario} in a fresh realm and says how it ended: jsi4j's
 * {@link TestRunner} does it through {@code JsRuntime}; a raw-engine loop does it through the
 * engine's own API, so that both are judged by the same {@link Test262Plan#judge}. Each runner
 * must give the realm a {@code print} function that records its argument.
 */
@FunctionalInterface
public interface ScenarioRunner {
    /** Runs {@code scenario}'s scripts in order, each stopped after about {@code limit}. */
    Test262Plan.Ending run(Test262Plan.Scenario scenario, Duration limit);
}
