package org.jsi4j.modules;

import java.util.function.Function;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * The modules of one runtime ({@link JsRuntime#modules()}): ES modules and CommonJS files found
 * by the runtime's {@link ModuleLoader} ({@link org.jsi4j.RuntimeOptions#modules()}), and
 * host-object modules defined by name. Each module is evaluated once per runtime. Used on the
 * runtime's owner thread only.
 */
public interface JsModules {
    /**
     * Imports an ES module (or a CommonJS, JSON or host-object module, seen as one) with its
     * dependencies, evaluates it if it was not yet, and returns its namespace object.
     *
     * @param specifier resolved from the loader's root, e.g. {@code "./main.mjs"} or {@code "lodash-es"}
     * @throws ModuleResolutionException when it or a dependency cannot be found
     * @throws org.jsi4j.JsSyntaxError when a module does not parse (its file, line and column)
     * @throws org.jsi4j.JsError when evaluating a module throws, or an import names a missing export
     */
    JsObject importModule(String specifier);

    /**
     * {@code require(specifier)} from the root: a CommonJS module's {@code module.exports}, a JSON
     * value, a host-object module, or an ES module's namespace.
     */
    JsValue require(String specifier);

    /**
     * A {@code require} function that resolves from the loader's root (for a global {@code require}
     * in classic scripts), host-object modules first.
     */
    JsFunction requireFunction();

    /**
     * Makes a host-object module importable as {@code jsi:NAME} or bare {@code NAME}
     * ({@code import storage from 'jsi:storage'}: the default export and the namespace's members
     * are the object's properties) and requirable. {@code loader} runs once, on first use.
     */
    void defineHostModule(String name, Function<JsRuntime, JsObject> loader);

    /**
     * Whether any module was loaded (evaluated, or failed) in this runtime: a snapshot of it then
     * holds no engine image, since which modules were loaded is known only here. The default says
     * yes, which is always safe.
     */
    default boolean loadedAny() {
        return true;
    }

    /** Whether a module system ({@code jsi-modules}) is on the class path, so that {@link JsRuntime#modules()} works. */
    static boolean available() {
        return org.jsi4j.ModuleSystems.available();
    }
}
