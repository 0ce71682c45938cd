package org.jsi4j.host;

import java.util.Objects;
import java.util.function.Function;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;

/**
 * A module that {@code require(name)} can load: what a {@link ModuleRegistry} holds, what
 * {@link java.util.ServiceLoader} finds (list implementations in
 * {@code META-INF/services/org.jsi4j.host.ModuleProvider}) and what a Guice {@code Multibinder}
 * collects ({@link ModulesModule}).
 *
 * <p>A {@link JsModule}-annotated class implements this interface with nothing to write: the
 * defaults bind it with {@link NativeModule#of(Object)}. {@link NativeModule} (from the builder)
 * implements it too.
 */
public interface ModuleProvider {
    /**
     * The name {@code require} finds the module by.
     *
     * @throws IllegalArgumentException when the class is neither annotated nor overrides this
     */
    default String name() {
        return NativeModule.of(this).name();
    }

    /**
     * The module's JavaScript object for {@code runtime}. Called on the runtime's thread at most once
     * per runtime: {@code require} keeps what it returns.
     */
    default JsObject load(JsRuntime runtime) {
        return NativeModule.of(this).load(runtime);
    }

    /**
     * Whether one instance of this module serves every runtime; by default each runtime gets its own
     * (see {@link JsModule#shared()}, which this reads). A registry made from instances
     * ({@link ModuleRegistry#of(ModuleProvider...)}) uses each given instance everywhere.
     */
    default boolean shared() {
        JsModule annotation = getClass().getAnnotation(JsModule.class);
        return annotation != null && annotation.shared();
    }

    /**
     * Called once when a runtime this module was loaded into closes, on that runtime's thread and
     * after it closed (its handles are gone): release what the module holds for it. A per-runtime
     * instance gets this call once; a shared one once per runtime.
     */
    default void close(JsRuntime runtime) {
    }

    /** A provider named {@code name} whose object {@code loader} makes. */
    static ModuleProvider of(String name, Function<JsRuntime, JsObject> loader) {
        return new Simple(name, loader);
    }

    /** A provider from a name and a loader. */
    record Simple(String name, Function<JsRuntime, JsObject> loader) implements ModuleProvider {
        /** Validates the parts. */
        public Simple {
            NativeModule.checkName(name);
            Objects.requireNonNull(loader, "loader");
        }

        @Override
        public JsObject load(JsRuntime runtime) {
            return loader.apply(runtime);
        }
    }
}
