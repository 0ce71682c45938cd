package org.jsi4j.benchmarks;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jsi4j.compare.ScenarioRunner;
import org.jsi4j.compare.Test262Plan;

/**
 * A minimal raw-engine test262 loop: each engine's own API runs a {@link Test262Plan.Scenario}
 * (a fresh realm, a {@code print} function, the scripts in order, harness files compiled once per
 * loop), with none of jsi4j in between, so that {@code jsi compare --vs-raw} can set jsi4j's
 * per-test cost and pass rate against the engine's own. Not thread-safe: one loop per thread.
 */
public sealed interface RawScenarios extends ScenarioRunner, AutoCloseable
        permits RawScenarios.Rhino, RawScenarios.Graal, RawScenarios.V8 {
    /** The engines with a raw loop. */
    List<String> ENGINES = List.of("rhino", "graal", "v8");

    /** The raw loop of {@code engine}. */
    static RawScenarios of(String engine) {
        return switch (engine) {
            case "rhino" -> new Rhino();
            case "graal" -> new Graal();
            case "v8" -> new V8();
            default -> throw new IllegalArgumentException("no raw test262 loop for engine " + engine + "; there is one for "
                    + String.join(", ", ENGINES));
        };
    }

    @Override
    void close();

    /** Whether a script of this name is part of the harness (compiled once, kept). */
    static boolean harness(String name) {
        return name.startsWith("harness/") || name.equals(Test262Plan.HOST_262_NAME);
    }

    /** The timer that stops a runaway scenario (daemon). */
    ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "raw-test262-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Rhino through {@code Context}: compiled mode, ES2015+, harness scripts compiled once, stopped by an instruction observer. */
    final class Rhino implements RawScenarios {
        private final RawRhino.Contexts contexts = new RawRhino.Contexts();
        private final java.util.Map<String, org.mozilla.javascript.Script> compiled = new java.util.HashMap<>();

        @Override
        public Test262Plan.Ending run(Test262Plan.Scenario scenario, java.time.Duration limit) {
            return RawRhino.run(contexts, compiled, scenario, limit);
        }

        @Override
        public void close() {
            compiled.clear();
        }
    }

    /** GraalJS through the polyglot API: one shared {@code Engine}, a context per scenario, cached harness {@code Source}s. */
    final class Graal implements RawScenarios {
        private final org.graalvm.polyglot.Engine engine = org.graalvm.polyglot.Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false").build();
        private final java.util.Map<String, org.graalvm.polyglot.Source> sources = new java.util.HashMap<>();

        @Override
        public Test262Plan.Ending run(Test262Plan.Scenario scenario, java.time.Duration limit) {
            return RawGraal.run(engine, sources, scenario, limit);
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    /**
     * V8 through Javet: a runtime per scenario, {@code print} defined in JavaScript. V8's flags
     * belong to the process: the caller loads V8 through jsi4j first (a jsi4j V8 runtime), so that
     * this loop runs under jsi4j's flags — sloppy scripts unless they say {@code "use strict"}, as
     * test262 requires (Javet's own default is strict mode everywhere).
     */
    final class V8 implements RawScenarios {

        @Override
        public Test262Plan.Ending run(Test262Plan.Scenario scenario, java.time.Duration limit) {
            return RawV8.run(scenario, limit);
        }

        @Override
        public void close() {
        }
    }
}
