package org.jsi4j.guice;

import java.util.concurrent.atomic.AtomicInteger;
import org.jsi4j.Capabilities;
import org.jsi4j.EngineInfo;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.spi.JsEngineProvider;

/** Two engines found by ServiceLoader in these tests, each counting the factories made of it. */
final class CountingEngines {
    static final AtomicInteger ALPHA_FACTORIES = new AtomicInteger();
    static final AtomicInteger BETA_FACTORIES = new AtomicInteger();

    private CountingEngines() {
    }

    /** Engine {@code alpha}. */
    public static final class Alpha implements JsEngineProvider {
        @Override
        public String id() {
            return "alpha";
        }

        @Override
        public JsRuntimeFactory createFactory() {
            ALPHA_FACTORIES.incrementAndGet();
            return new Factory("alpha");
        }
    }

    /** Engine {@code beta}. */
    public static final class Beta implements JsEngineProvider {
        @Override
        public String id() {
            return "beta";
        }

        @Override
        public JsRuntimeFactory createFactory() {
            BETA_FACTORIES.incrementAndGet();
            return new Factory("beta");
        }
    }

    private record Factory(String id) implements JsRuntimeFactory {
        @Override
        public EngineInfo engine() {
            return new EngineInfo(id, id, "0");
        }

        @Override
        public Capabilities capabilities() {
            throw new UnsupportedOperationException("test engine " + id);
        }

        /** One option, {@code <id>.level}: an integer from 0 to 3. */
        @Override
        public java.util.List<org.jsi4j.EngineOption<?>> engineOptions() {
            return java.util.List.of(org.jsi4j.EngineOption.ofInt(id, "level", 0, 3, "a level"));
        }

        /** Refuses to make a runtime, with a message naming the engine options it was given (checked). */
        @Override
        public JsRuntime create(RuntimeOptions options) {
            throw new UnsupportedOperationException("test engine " + id + " "
                    + options.engineOptions().resolve(id, engineOptions()));
        }
    }
}
