package org.jsi4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A factory whose runtimes get default engine options ({@link JsRuntimeFactory#withEngineOptions}). */
record ConfiguredFactory(JsRuntimeFactory factory, EngineOptions defaults) implements JsRuntimeFactory {
    ConfiguredFactory {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(defaults, "defaults");
    }

    @Override
    public EngineInfo engine() {
        return factory.engine();
    }

    @Override
    public Capabilities capabilities() {
        return factory.capabilities();
    }

    @Override
    public List<EngineOption<?>> engineOptions() {
        return factory.engineOptions();
    }

    @Override
    public JsRuntime create(RuntimeOptions options) {
        Map<String, String> merged = new LinkedHashMap<>(defaults.asMap());
        merged.putAll(options.engineOptions().asMap());
        return factory.create(options.withEngineOptions(merged));
    }

    @Override
    public JsRuntimeFactory withEngineOptions(EngineOptions more) {
        Map<String, String> merged = new LinkedHashMap<>(defaults.asMap());
        merged.putAll(more.asMap());
        return new ConfiguredFactory(factory, EngineOptions.of(merged));
    }

    @Override
    public void close() {
        factory.close();
    }
}
