package org.jsi4j.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import org.jsi4j.EngineOptions;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.spi.JsEngineProvider;

/**
 * Binds every engine on the class path (found with {@link java.util.ServiceLoader}) into the
 * {@code Map<String, JsRuntimeFactory>}, and binds {@link JsRuntimeFactory} itself to one of them:
 * <pre>{@code
 * Injector injector = Guice.createInjector(EnginesModule.selected());          // jsi.engine / JSI_ENGINE
 * Injector injector = Guice.createInjector(EnginesModule.named("rhino"));      // explicit
 * JsRuntimeFactory factory = injector.getInstance(JsRuntimeFactory.class);
 * }</pre>
 * An unknown name fails with a message listing the engines available. The factories are the
 * shared ones of {@link JsEngines}, each made only when it is first injected: binding
 * {@link JsRuntimeFactory} to one engine makes that engine's factory and no other.
 */
public final class EnginesModule extends AbstractModule {
    private final String engineId;
    private final EngineOptions engineOptions;

    private EnginesModule(String engineId, EngineOptions engineOptions) {
        this.engineId = engineId;
        this.engineOptions = engineOptions;
    }

    /** Every engine, and {@link JsRuntimeFactory} bound to the one named {@code id}. */
    public static EnginesModule named(String id) {
        return new EnginesModule(Objects.requireNonNull(id, "id"), EngineOptions.none());
    }

    /**
     * This module with engine options ({@code rhino.optimizationLevel=-1}, {@code graal.js.strict=true})
     * for every runtime of the bound {@link JsRuntimeFactory}: each engine reads its own. The selected
     * engine's are checked when the factory is first injected (an unknown or malformed one fails
     * with a message naming the engine and the options it accepts).
     *
     * @throws IllegalArgumentException for a key that is not {@code engine.name}
     */
    public EnginesModule withEngineOptions(Map<String, String> options) {
        return new EnginesModule(engineId, EngineOptions.of(options));
    }

    /**
     * Every engine, and {@link JsRuntimeFactory} bound to the one chosen by the {@code jsi.engine}
     * property, else {@code JSI_ENGINE}, else the preferred one available ({@link JsEngines#selectedId()}).
     */
    public static EnginesModule selected() {
        return new EnginesModule(null, EngineOptions.none());
    }

    @Override
    protected void configure() {
        EngineBindings.engines(binder());
        for (JsEngineProvider provider : JsEngines.providers().values()) EngineBindings.add(binder(), provider);
    }

    @Provides
    @Singleton
    JsRuntimeFactory selectedFactory(Map<String, Provider<JsRuntimeFactory>> engines) {
        String id = engineId != null ? engineId : JsEngines.selectedId();
        Provider<JsRuntimeFactory> factory = engines.get(id);
        if (factory == null) throw JsEngines.unknown(id, new ArrayList<>(new java.util.TreeSet<>(engines.keySet())));
        JsRuntimeFactory selected = factory.get();
        if (engineOptions.isEmpty()) return selected;
        engineOptions.resolve(id, selected.engineOptions());
        return selected.withEngineOptions(engineOptions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnginesModule m && Objects.equals(m.engineId, engineId) && m.engineOptions.equals(engineOptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(engineId, engineOptions) + 31;
    }
}
