package org.jsi4j;

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

    /** A new runtime with {@link RuntimeOptions#defaults()}. */
    default JsRuntime create() {
        return create(RuntimeOptions.defaults());
    }

    /** Releases engine-wide resources. Runtimes already made must be closed first. */
    @Override
    default void close() {
    }
}
