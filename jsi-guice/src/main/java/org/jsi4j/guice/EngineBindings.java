package org.jsi4j.guice;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.spi.JsEngineProvider;

/**
 * The registry of engines in a Guice injector: a {@code Map<String, JsRuntimeFactory>} keyed by
 * engine id. Backend modules add themselves with {@link #add(Binder, JsEngineProvider)}.
 */
public final class EngineBindings {
    private EngineBindings() {
    }

    /** The map binder every engine module contributes to. */
    public static MapBinder<String, JsRuntimeFactory> engines(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, JsRuntimeFactory.class).permitDuplicates();
    }

    /**
     * Registers an engine under its id; its factory is made once, when first injected. Installing
     * the same engine twice (its own module and {@link EnginesModule}) is harmless.
     */
    public static void add(Binder binder, JsEngineProvider provider) {
        engines(binder).addBinding(provider.id()).toProvider(new FactoryProvider(provider)).in(com.google.inject.Singleton.class);
    }

    private record FactoryProvider(JsEngineProvider provider) implements jakarta.inject.Provider<JsRuntimeFactory> {
        @Override
        public JsRuntimeFactory get() {
            return org.jsi4j.JsEngines.factory(provider.id());
        }
    }
}
