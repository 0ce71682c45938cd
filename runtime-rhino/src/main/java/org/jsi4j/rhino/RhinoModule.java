package org.jsi4j.rhino;

import com.google.inject.AbstractModule;
import org.jsi4j.guice.EngineBindings;

/** Adds Rhino to the Guice engine registry ({@code Map<String, JsRuntimeFactory>}) under {@code rhino}. */
public final class RhinoModule extends AbstractModule {
    @Override
    protected void configure() {
        EngineBindings.add(binder(), new RhinoEngineProvider());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RhinoModule;
    }

    @Override
    public int hashCode() {
        return RhinoModule.class.hashCode();
    }
}
