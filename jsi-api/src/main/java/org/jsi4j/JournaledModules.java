package org.jsi4j;

import java.util.function.Function;
import org.jsi4j.modules.JsModules;

/**
 * The module system of a runtime that records its setup: imports and requires from Java are journal
 * steps ({@link org.jsi4j.snapshot.Journal.Module}), replayed through the restored runtime's loader;
 * what the module system does for them is not journaled one by one.
 */
final class JournaledModules implements JsModules {
    private final JsModules modules;
    private final Snapshotting snapshots;

    JournaledModules(JsModules modules, Snapshotting snapshots) {
        this.modules = modules;
        this.snapshots = snapshots;
    }

    @Override
    public JsObject importModule(String specifier) {
        return snapshots.moduleOperation(specifier, false, () -> modules.importModule(specifier));
    }

    @Override
    public JsValue require(String specifier) {
        return snapshots.moduleOperation(specifier, true, () -> modules.require(specifier));
    }

    @Override
    public JsFunction requireFunction() {
        return modules.requireFunction();
    }

    @Override
    public boolean loadedAny() {
        return modules.loadedAny();
    }

    @Override
    public void defineHostModule(String name, Function<JsRuntime, JsObject> loader) {
        modules.defineHostModule(name, loader);
    }
}
