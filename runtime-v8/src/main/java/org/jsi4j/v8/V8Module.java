package org.jsi4j.v8;

import com.google.inject.AbstractModule;
import org.jsi4j.guice.EngineBindings;

/** Guice: adds the V8 engine to the engine registry ({@link EngineBindings}) under {@code v8}. */
public final class V8Module extends AbstractModule {
    @Override
    protected void configure() {
        EngineBindings.add(binder(), new V8EngineProvider());
    }
}
