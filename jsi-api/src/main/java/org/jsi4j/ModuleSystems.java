package org.jsi4j;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jsi4j.modules.JsModules;
import org.jsi4j.spi.ModuleSystemProvider;

/** Finds the module system ({@link ModuleSystemProvider}) with {@link ServiceLoader}. */
final class ModuleSystems {
    private ModuleSystems() {
    }

    static JsModules create(JsRuntime runtime) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = ModuleSystems.class.getClassLoader();
        try {
            Iterator<ModuleSystemProvider> found = ServiceLoader.load(ModuleSystemProvider.class, loader).iterator();
            if (!found.hasNext()) found = ServiceLoader.load(ModuleSystemProvider.class, ModuleSystems.class.getClassLoader()).iterator();
            if (!found.hasNext()) {
                throw new IllegalStateException("No module system is on the class path: add the org.jsi4j:jsi-modules"
                        + " artifact to import or require module files");
            }
            return found.next().create(runtime);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("The module system listed in META-INF/services/"
                    + ModuleSystemProvider.class.getName() + " could not be loaded: " + e.getMessage(), e);
        }
    }
}
