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

    ModuleRecord(ResolvedModule module) {
        this.module = module;
    }
}
