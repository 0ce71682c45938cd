package org.jsi4j.v8;

import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.spi.JsEngineProvider;

/** The V8 backend for {@link java.util.ServiceLoader}: engine id {@code v8}. */
public final class V8EngineProvider implements JsEngineProvider {
    @Override
    public String id() {
        return V8RuntimeFactory.ID;
    }

    @Override
    public JsRuntimeFactory createFactory() {
        return new V8RuntimeFactory();
    }
}
