package org.jsi4j;

import org.jsi4j.modules.JsModules;
import org.jsi4j.spi.ModuleSystemProvider;

/**
 * Finds the module system ({@link ModuleSystemProvider}) with {@link java.util.ServiceLoader}, once per
 * context class loader (runtimes are made often; the class path does not change under them).
 */
public final class ModuleSystems {
    private static final ServiceFinder<ModuleSystemProvider> PROVIDERS = new ServiceFinder<>(ModuleSystemProvider.class);

    private ModuleSystems() {
    }

    /** Whether a module system is on the class path. */
    public static boolean available() {
        return PROVIDERS.find() != null;
    }

    static JsModules create(JsRuntime runtime) {
        ModuleSystemProvider provider = PROVIDERS.find();
        if (provider == null) {
            throw new IllegalStateException("No module system is on the class path: add the org.jsi4j:jsi-modules"
                    + " artifact to import or require module files");
        }
        return provider.create(runtime);
    }
}
