package org.jsi4j.host;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.Multibinder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Guice wiring for native modules: a {@code Multibinder<ModuleProvider>} that any Guice module adds
 * to, and a singleton {@link ModuleRegistry} of the bound modules plus (unless turned off) those
 * {@link java.util.ServiceLoader} finds.
 * <pre>{@code
 * Injector injector = Guice.createInjector(new ModulesModule(), new AbstractModule() {
 *     protected void configure() {
 *         ModulesModule.addModule(binder()).to(LoginModule.class);   // a @JsModule class
 *     }
 * });
 * injector.getInstance(ModuleRegistry.class).install(runtime);
 * }</pre>
 * A module bound to a class gets a new instance in each runtime (unless it is
 * {@link ModuleProvider#shared() shared}); one bound to an instance or in singleton scope is that
 * instance everywhere.
 * Guice is an optional dependency of host-object: add {@code com.google.inject:guice} to use this.
 */
public final class ModulesModule extends AbstractModule {
    private final boolean discover;

    /** The bound modules and those {@link ModuleRegistry#discover()} finds. */
    public ModulesModule() {
        this(true);
    }

    /** The bound modules, and the discovered ones when {@code discover}. */
    public ModulesModule(boolean discover) {
        this.discover = discover;
    }

    /** Adds a binding to the set of modules: {@code addModule(binder()).to(StorageModule.class)}. */
    public static LinkedBindingBuilder<ModuleProvider> addModule(Binder binder) {
        return Multibinder.newSetBinder(binder, ModuleProvider.class).addBinding();
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ModuleProvider.class);
    }

    @Provides
    @Singleton
    ModuleRegistry registry(Collection<Provider<ModuleProvider>> bound) {
        // a binding to a class (not an instance, not a singleton) makes a new module for each runtime
        List<Supplier<ModuleProvider>> factories = new ArrayList<>();
        for (Provider<ModuleProvider> p : bound) factories.add(p::get);
        ModuleRegistry registry = ModuleRegistry.empty().plusPerRuntime(factories);
        return discover ? registry.plus(ModuleRegistry.discover()) : registry;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModulesModule m && m.discover == discover;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(discover);
    }
}
