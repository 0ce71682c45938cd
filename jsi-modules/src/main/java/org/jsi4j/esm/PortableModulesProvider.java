package org.jsi4j.esm;

import org.jsi4j.JsRuntime;
import org.jsi4j.modules.JsModules;
import org.jsi4j.spi.ModuleSystemProvider;

/** The module system of {@code jsi-modules}, found by {@link java.util.ServiceLoader}. */
public final class PortableModulesProvider implements ModuleSystemProvider {
    /** For ServiceLoader. */
    public PortableModulesProvider() {
    }

    @Override
    public JsModules create(JsRuntime runtime) {
        return new PortableModules(runtime);
    }
}
