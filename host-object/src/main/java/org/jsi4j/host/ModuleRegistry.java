package org.jsi4j.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;

/**
 * The modules {@code require(name)} can load, by name. Immutable; combine registries with
 * {@link #plus}. {@link #install(JsRuntime)} defines the global {@code require}, which loads each
 * module once per runtime and returns the same object on every later call; an unknown name throws
 * an {@code Error} listing the modules available.
 * <pre>{@code
 * ModuleRegistry.discover().plus(NativeModule.of(new LoginModule())).install(runtime);
 * runtime.evaluate("require('login').login('ada')", "app.js");
 * }</pre>
 */
public final class ModuleRegistry {
    private static final ModuleRegistry EMPTY = new ModuleRegistry(Map.of());

    private final Map<String, ModuleProvider> providers;

    private ModuleRegistry(Map<String, ModuleProvider> providers) {
        this.providers = providers;
    }

    /** No module. */
    public static ModuleRegistry empty() {
        return EMPTY;
    }

    /** These modules; annotated objects are bound with {@link NativeModule#of}. */
    public static ModuleRegistry of(ModuleProvider... providers) {
        return of(List.of(providers));
    }

    /**
     * These modules.
     *
     * @throws IllegalArgumentException when two have the same name
     */
    public static ModuleRegistry of(Collection<? extends ModuleProvider> providers) {
        return EMPTY.plus(providers);
    }

    /**
     * The modules {@link ServiceLoader} finds for {@link ModuleProvider} with the context class loader
     * (or this library's loader when there is none): adding a jar adds its modules.
     *
     * @throws IllegalStateException when a listed provider cannot be loaded; the message says which
     */
    public static ModuleRegistry discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = ModuleRegistry.class.getClassLoader();
        List<ModuleProvider> found = new ArrayList<>();
        try {
            for (ModuleProvider p : ServiceLoader.load(ModuleProvider.class, loader)) found.add(p);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("A native module listed in META-INF/services/" + ModuleProvider.class.getName()
                    + " could not be loaded: " + e.getMessage(), e);
        }
        return of(found);
    }

    /**
     * This registry and {@code more}.
     *
     * @throws IllegalArgumentException when a name is taken twice
     */
    public ModuleRegistry plus(Collection<? extends ModuleProvider> more) {
        Map<String, ModuleProvider> all = new TreeMap<>(providers);
        for (ModuleProvider p : more) {
            Objects.requireNonNull(p, "provider");
            String name = p.name();
            ModuleProvider previous = all.putIfAbsent(name, p);
            if (previous != null) {
                throw new IllegalArgumentException("Two modules are named '" + name + "': " + previous.getClass().getName()
                        + " and " + p.getClass().getName());
            }
        }
        return new ModuleRegistry(Map.copyOf(all));
    }

    /** This registry and {@code more}. */
    public ModuleRegistry plus(ModuleProvider... more) {
        return plus(List.of(more));
    }

    /** This registry and every module of {@code other}. */
    public ModuleRegistry plus(ModuleRegistry other) {
        return plus(other.providers.values());
    }

    /** The module names, sorted. */
    public List<String> names() {
        return List.copyOf(new TreeMap<>(providers).keySet());
    }

    /**
     * Defines the global {@code require} in {@code runtime} (replacing any) and returns it. When a
     * module system is on the class path ({@code jsi-modules}), the modules are also importable
     * ({@code import storage from 'jsi:storage'} or {@code 'storage'}), as the same objects, and
     * {@code require} of any other name loads a file through the runtime's module loader
     * ({@link org.jsi4j.RuntimeOptions#modules()}).
     */
    public JsFunction install(JsRuntime runtime) {
        JsFunction require = requireFunction(runtime);
        runtime.global().set("require", require);
        return require;
    }

    /** A {@code require} function for {@code runtime}, without defining a global. */
    public JsFunction requireFunction(JsRuntime runtime) {
        Map<String, JsRef<JsObject>> loaded = new HashMap<>();
        boolean files = org.jsi4j.modules.JsModules.available();
        if (files) {
            for (ModuleProvider p : providers.values()) {
                runtime.modules().defineHostModule(p.name(), rt -> loaded(rt, p, loaded));
            }
        }
        boolean fileLoader = files && runtime.options().modules() != org.jsi4j.modules.ModuleLoader.none();
        return runtime.function("require", 1, (rt, self, args) -> {
            if (args.isEmpty() || !(args.get(0) instanceof JsString s)) {
                throw JsError.of(JsErrorType.TYPE_ERROR, "require() takes a module name (a string), got "
                        + (args.isEmpty() ? "nothing" : TypeMapping.describe(args.get(0))));
            }
            String name = s.value();
            ModuleProvider provider = providers.get(name.startsWith("jsi:") ? name.substring(4) : name);
            if (provider == null) {
                if (fileLoader) {
                    try {
                        return rt.modules().require(name);
                    } catch (org.jsi4j.modules.ModuleResolutionException e) {
                        throw JsError.of(JsErrorType.ERROR, e.getMessage() + ". Native modules available: "
                                + (providers.isEmpty() ? "none" : String.join(", ", names())));
                    }
                }
                throw JsError.of(JsErrorType.ERROR, "Cannot find module '" + name + "'. Modules available: "
                        + (providers.isEmpty() ? "none" : String.join(", ", names())));
            }
            return loaded(rt, provider, loaded);
        });
    }

    private static JsObject loaded(JsRuntime rt, ModuleProvider provider, Map<String, JsRef<JsObject>> loaded) {
        JsRef<JsObject> module = loaded.get(provider.name());
        if (module == null) {
            module = provider.load(rt).persist();
            loaded.put(provider.name(), module);
        }
        return module.get();
    }

    @Override
    public String toString() {
        return "ModuleRegistry" + names();
    }
}
