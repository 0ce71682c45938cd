package org.jsi4j;

import java.util.List;

/**
 * Makes runtimes of one engine; what callers inject. Get one from {@link JsEngines} or a Guice
 * module. A factory may hold engine-wide resources (a shared code cache), released by
 * {@link #close()}; it is safe to use from any thread.
 */
public interface JsRuntimeFactory extends AutoCloseable {
    /** The engine this factory runs. */
    EngineInfo engine();

    /** What the engine really does in this JVM. */
    Capabilities capabilities();

    /**
     * A new runtime owned by the calling thread.
     *
     * @throws IllegalArgumentException for options the engine cannot honour
     */
    JsRuntime create(RuntimeOptions options);

    /**
     * The backend-specific options this engine accepts in {@link RuntimeOptions#engineOptions()},
     * each with its key, type and meaning. Listing them loads no engine. Experimental.
     */
    default List<EngineOption<?>> engineOptions() {
        return List.of();
    }

    /**
     * This factory with {@code defaults} added to the engine options of every runtime it makes
     * (an option given to {@link #create(RuntimeOptions)} wins over a default of the same key).
     * The options are checked when a runtime is made; {@link JsEngines#configured} checks them at once.
     * Closing the returned factory closes this one. Experimental.
     */
    default JsRuntimeFactory withEngineOptions(EngineOptions defaults) {
        return new ConfiguredFactory(this, defaults);
    }

    /** A new runtime with {@link RuntimeOptions#defaults()}. */
    default JsRuntime create() {
        return create(RuntimeOptions.defaults());
    }

    /** Releases engine-wide resources. Runtimes already made must be closed first. */
    @Override
    default void close() {
    }
}
