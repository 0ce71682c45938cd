package org.jsi4j.rhino;

import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.spi.JsEngineProvider;

/** Registers Rhino with {@link org.jsi4j.JsEngines} under the id {@code rhino}. */
public final class RhinoEngineProvider implements JsEngineProvider {
    @Override
    public String id() {
        return RhinoRuntimeFactory.ID;
    }

    @Override
    public JsRuntimeFactory createFactory() {
        return new RhinoRuntimeFactory();
    }
}
