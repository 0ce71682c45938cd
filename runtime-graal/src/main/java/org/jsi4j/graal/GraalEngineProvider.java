package org.jsi4j.graal;

import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.spi.JsEngineProvider;

/** The GraalJS engine, id {@value #ID}, found by {@link java.util.ServiceLoader}. */
public final class GraalEngineProvider implements JsEngineProvider {
    /** The engine id. */
    public static final String ID = "graal";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public JsRuntimeFactory createFactory() {
        return new GraalRuntimeFactory();
    }
}
