package org.jsi4j.graal;

import com.google.inject.AbstractModule;
import org.jsi4j.guice.EngineBindings;

/**
 * Adds GraalJS to the Guice registry of engines ({@code Map<String, JsRuntimeFactory>}) under
 * the id {@code graal}. Combine with {@link org.jsi4j.guice.EnginesModule} to select it.
 */
public final class GraalModule extends AbstractModule {
    @Override
    protected void configure() {
        EngineBindings.add(binder(), new GraalEngineProvider());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraalModule;
    }

    @Override
    public int hashCode() {
        return GraalModule.class.hashCode();
    }
}
