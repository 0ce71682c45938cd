package org.jsi4j.esm;

import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.modules.ResolvedModule;

/**
 * One module of a runtime, from the moment its evaluation starts (so that a cycle finds it): for an
 * ES module its namespace ({@code exports}), for the others the {@code module} object whose
 * {@code exports} is its value, and the namespace an import sees once made.
 */
final class ModuleRecord {
    final ResolvedModule module;
    boolean esm;
    JsRef<JsObject> exports;
    JsRef<JsObject> commonJs;
    JsRef<JsObject> namespace;
    JsRef<JsObject> evaluation;
    RuntimeException failure;
    boolean evaluated;
    /** The engine's own module (an ES module, or the synthetic module an ES module imports another kind as), or null. */
    Object handle;
    /** The synthetic module giving a native ES module its {@code import.meta} and {@code import()}, or null. */
    Object host;
    /** Whether this ES module is the engine's own (evaluated by the engine when first needed). */
    boolean nativeEsm;
    /** For an engine importing by name: each dependency's name to the specifier this module wrote for it. */
    java.util.Map<String, String> written;
    /** For an engine importing by name: the static imports and re-exports, to place a link error. */
    java.util.List<ModuleLink> links = java.util.List.of();
    /** For an engine importing by name: whether its evaluation may wait (top-level await in it or a dependency). */
    boolean async;

    ModuleRecord(ResolvedModule module) {
        this.module = module;
    }
}
