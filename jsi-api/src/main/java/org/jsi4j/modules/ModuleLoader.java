package org.jsi4j.modules;

import java.nio.file.Path;
import java.util.Map;

/**
 * Finds module source text: resolves a specifier written in an importing module to a
 * {@link ResolvedModule}, and loads its text. Implementations must be safe to use from the
 * runtime's thread and must never reach outside what they were given (a directory loader never
 * reads outside its root).
 *
 * <p>Relative specifiers ({@code ./a.js}, {@code ../lib/b.mjs}) and root-absolute ones
 * ({@code /lib/b.mjs}) resolve against the importer; bare ones ({@code lodash-es},
 * {@code @scope/pkg/sub}) through {@code node_modules} directories and package.json
 * {@code exports}/{@code main}, as Node does. The stock loaders:
 * {@link #directory(Path)}, {@link #classPath(String)}, {@link #inMemory(Map)}, {@link #none()}.
 */
public interface ModuleLoader {
    /**
     * Resolves {@code specifier} as written in module {@code referrer}.
     *
     * @param specifier the text after {@code from}, in {@code import()} or {@code require()}
     * @param referrer the importing module's id, or {@code null} for an entry point (resolved from the root)
     * @param mode import or require (selects package.json {@code exports} conditions)
     * @return the module found
     * @throws ModuleResolutionException when nothing matches (the message names the specifier, the
     *     importer and every place searched) or the specifier points outside what this loader serves
     */
    ResolvedModule resolve(String specifier, String referrer, ResolveMode mode);

    /**
     * The source text of a module this loader resolved.
     *
     * @throws ModuleResolutionException when it cannot be read
     */
    String load(ResolvedModule module);

    /**
     * Modules under {@code root}: nothing outside it is ever read ({@code ../} above the root, an
     * absolute path or a symbolic link that leads out of it is refused with a
     * {@link ModuleResolutionException} that says so).
     *
     * @throws IllegalArgumentException when {@code root} is not a directory
     */
    static ModuleLoader directory(Path root) {
        return new DirectoryModuleLoader(root);
    }

    /** Modules that are resources of the context class loader under {@code prefix} (such as {@code "app"}). */
    static ModuleLoader classPath(String prefix) {
        return new ClassPathModuleLoader(prefix, Thread.currentThread().getContextClassLoader());
    }

    /** Modules held in memory: each key a path such as {@code "/main.mjs"} or {@code "node_modules/x/index.js"}. */
    static ModuleLoader inMemory(Map<String, String> sources) {
        return new MapModuleLoader(sources);
    }

    /** A loader that finds no file module (host-object modules are still importable). */
    static ModuleLoader none() {
        return MapModuleLoader.EMPTY;
    }
}
