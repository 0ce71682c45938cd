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
import java.util.function.Supplier;
import org.jsi4j.HostObject;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsValue;

/**
 * The modules {@code require(name)} can load, by name. Immutable; combine registries with
 * {@link #plus}. {@link #install(JsRuntime)} defines the global {@code require}, which loads each
 * module once per runtime and returns the same object on every later call; an unknown name throws
 * an {@code Error} listing the modules available.
 *
 * <p>A module found by {@link #discover()} or added with {@link #plusPerRuntime} gets a new instance
 * in each runtime that requires it, unless it is {@link ModuleProvider#shared() shared}; a module
 * added as an instance ({@link #of(ModuleProvider...)}) is that instance everywhere. Either way its
 * {@link ModuleProvider#close(JsRuntime)} runs when each runtime it was loaded into closes.
 * <pre>{@code
 * ModuleRegistry.discover().plus(NativeModule.of(new LoginModule())).install(runtime);
 * runtime.evaluate("require('login').login('ada')", "app.js");
 * }</pre>
 */
public final class ModuleRegistry {
    private static final ModuleRegistry EMPTY = new ModuleRegistry(Map.of());

    private final Map<String, Source> providers;

    /** How one module gets its instance for a runtime: {@code probe} named it. */
    private record Source(ModuleProvider probe, Supplier<? extends ModuleProvider> perRuntime) {
        ModuleProvider instance() {
            if (perRuntime == null || probe.shared()) return probe;
            ModuleProvider made = perRuntime.get();
            if (made == null) throw new IllegalStateException("The factory of module '" + probe.name() + "' returned null");
            return made;
        }
    }

    private ModuleRegistry(Map<String, Source> providers) {
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
        List<Supplier<ModuleProvider>> found = new ArrayList<>();
        try {
            ServiceLoader.load(ModuleProvider.class, loader).stream().forEach(found::add);
            return EMPTY.plusPerRuntime(found);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("A native module listed in META-INF/services/" + ModuleProvider.class.getName()
                    + " could not be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * This registry and {@code more}.
     *
     * @throws IllegalArgumentException when a name is taken twice
     */
    public ModuleRegistry plus(Collection<? extends ModuleProvider> more) {
        List<Source> sources = new ArrayList<>();
        for (ModuleProvider p : more) sources.add(new Source(Objects.requireNonNull(p, "provider"), null));
        return plusSources(sources);
    }

    /**
     * This registry and the modules {@code factories} make: each factory is called once now (for the
     * module's name) and then once in each runtime that requires the module, unless the module is
     * {@link ModuleProvider#shared() shared}, when the first instance serves every runtime.
     *
     * @throws IllegalArgumentException when a name is taken twice
     */
    public ModuleRegistry plusPerRuntime(Collection<? extends Supplier<? extends ModuleProvider>> factories) {
        List<Source> sources = new ArrayList<>();
        for (Supplier<? extends ModuleProvider> f : factories) {
            ModuleProvider probe = Objects.requireNonNull(Objects.requireNonNull(f, "factory").get(), "a module factory returned null");
            sources.add(new Source(probe, f));
        }
        return plusSources(sources);
    }

    private ModuleRegistry plusSources(List<Source> more) {
        Map<String, Source> all = new TreeMap<>(providers);
        for (Source s : more) {
            String name = s.probe().name();
            Source previous = all.putIfAbsent(name, s);
            if (previous != null) {
                throw new IllegalArgumentException("Two modules are named '" + name + "': " + previous.probe().getClass().getName()
                        + " and " + s.probe().getClass().getName());
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
        return plusSources(List.copyOf(other.providers.values()));
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
            for (Map.Entry<String, Source> e : providers.entrySet()) {
                runtime.modules().defineHostModule(e.getKey(), rt -> loaded(rt, e.getKey(), e.getValue(), loaded));
            }
        }
        boolean fileLoader = files && runtime.options().modules() != org.jsi4j.modules.ModuleLoader.none();
        return runtime.function("require", 1, (rt, self, args) -> {
            if (args.isEmpty() || !(args.get(0) instanceof JsString s)) {
                throw JsError.of(JsErrorType.TYPE_ERROR, "require() takes a module name (a string), got "
                        + (args.isEmpty() ? "nothing" : TypeMapping.describe(args.get(0))));
            }
            String name = s.value();
            Source source = providers.get(name.startsWith("jsi:") ? name.substring(4) : name);
            if (source == null) {
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
            return loaded(rt, source.probe().name(), source, loaded);
        });
    }

    /** Module {@code name} in {@code rt}: loaded once per runtime, its instance closed with the runtime. */
    private static JsObject loaded(JsRuntime rt, String name, Source source, Map<String, JsRef<JsObject>> loaded) {
        JsRef<JsObject> module = loaded.get(name);
        if (module == null) {
            ModuleProvider instance = source.instance();
            module = instance.load(rt).persist();
            loaded.put(name, module);
            rt.hostObject(new CloseHook(instance, rt)); // its release() runs when the runtime closes
        }
        return module.get();
    }

    @Override
    public String toString() {
        return "ModuleRegistry" + names();
    }

    /** A host object that scripts never see, registered only for its {@link #release()} at runtime close. */
    private static final class CloseHook implements HostObject {
        private final ModuleProvider module;
        private final JsRuntime runtime;

        CloseHook(ModuleProvider module, JsRuntime runtime) {
            this.module = module;
            this.runtime = runtime;
        }

        @Override
        public JsValue get(JsRuntime runtime, String name) {
            return JsValue.undefined();
        }

        @Override
        public void release() {
            module.close(runtime);
        }
    }
}
