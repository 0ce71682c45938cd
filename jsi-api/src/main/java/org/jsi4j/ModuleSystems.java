package org.jsi4j;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jsi4j.modules.JsModules;
import org.jsi4j.spi.ModuleSystemProvider;

/**
 * Finds the module system ({@link ModuleSystemProvider}) with {@link ServiceLoader}, once per
 * context class loader (runtimes are made often; the class path does not change under them).
 */
public final class ModuleSystems {
    private record Found(ClassLoader loader, ModuleSystemProvider provider) {
    }

    private static volatile Found last;

    private ModuleSystems() {
    }

    /** Whether a module system is on the class path. */
    public static boolean available() {
        return provider() != null;
    }

    static JsModules create(JsRuntime runtime) {
        ModuleSystemProvider provider = provider();
        if (provider == null) {
            throw new IllegalStateException("No module system is on the class path: add the org.jsi4j:jsi-modules"
                    + " artifact to import or require module files");
        }
        return provider.create(runtime);
    }

    private static ModuleSystemProvider provider() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = ModuleSystems.class.getClassLoader();
        Found found = last;
        if (found != null && found.loader == loader) return found.provider;
        try {
            Iterator<ModuleSystemProvider> it = ServiceLoader.load(ModuleSystemProvider.class, loader).iterator();
            if (!it.hasNext()) it = ServiceLoader.load(ModuleSystemProvider.class, ModuleSystems.class.getClassLoader()).iterator();
            ModuleSystemProvider provider = it.hasNext() ? it.next() : null;
            last = new Found(loader, provider);
            return provider;
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("The module system listed in META-INF/services/"
                    + ModuleSystemProvider.class.getName() + " could not be loaded: " + e.getMessage(), e);
        }
    }
}
