package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.jsi4j.modules.ModuleLoader;
import org.jsi4j.modules.ModuleResolutionException;

/**
 * Snapshots of runtimes whose setup loaded modules: imports and requires from Java are journal steps,
 * replayed through the restored runtime's module loader on every engine; modules loaded by a setup
 * script load again when it is replayed. Such a snapshot holds no engine image.
 */
@Area("snapshots")
class SnapshotModulesTest {
    static final Map<String, String> FILES = Map.of(
            "/app.mjs", """
                    import { double } from './util.mjs';
                    import counter from './counter.cjs';
                    export const ready = double(21) + ':' + counter.next();
                    globalThis.app = { double, counter };
                    """,
            "/util.mjs", "export const double = x => x * 2;",
            "/counter.cjs", "var n = 0; module.exports = { next: function () { return ++n; } };",
            "/setup.js", "var viaRequire = require('./counter.cjs'); viaRequire.next();");

    /** {@code require} for setup scripts, a named external (rebound on restore). */
    static final org.jsi4j.HostFunction REQUIRE = (rt, self, args) -> rt.modules().require(args.get(0).asString());

    static RuntimeOptions restoring(byte[] blob) {
        return RuntimeOptions.fromSnapshot(blob).externals(Map.of("require", REQUIRE));
    }

    /** A snapshot whose setup imported an ES module and required a CommonJS one from Java and from a script. */
    static Snapshot snapshotWithModules(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting().withModules(ModuleLoader.inMemory(FILES)))) {
            JsObject ns = rt.importModule("./app.mjs");
            assertEquals("42:1", ns.get("ready").asString());
            rt.external("require", 1, REQUIRE);
            assertThrows(ModuleResolutionException.class, () -> rt.importModule("./missing.mjs"));
            rt.evaluate(FILES.get("/setup.js"), "setup.js");
            assertTrue(rt.modules().require("./counter.cjs").asObject().strictEquals(rt.evaluate("viaRequire", "read.js")),
                    "one instance of the CommonJS module");
            assertTrue(rt.usesModules());
            return rt.snapshot();
        }
    }

    @EngineTest
    void aSetupThatLoadedModulesRestoresOnEveryEngine(JsRuntimeFactory factory) {
        Snapshot snapshot = snapshotWithModules(factory);
        assertFalse(snapshot.hasNativeImage(), "the module registry lives in Java: restore replays the setup");
        byte[] blob = snapshot.bytes();
        for (String other : EngineExtension.engineIds()) {
            Map<String, String> files = new HashMap<>(FILES);
            try (JsRuntime rt = JsEngines.factory(other).create(restoring(blob)
                    .withModules(ModuleLoader.inMemory(files)))) {
                String where = factory.engine().id() + " -> " + other;
                // the same module instances as the setup had: its state carried on, and imports find them again
                assertEquals(3, rt.evaluate("app.counter.next()", "check.js").asInt(), where);
                assertEquals(4, rt.evaluate("viaRequire.next()", "check.js").asInt(), where);
                assertEquals(5, rt.modules().require("./counter.cjs").asObject().get("next").asFunction().call().asInt(), where);
                assertEquals("42:1", rt.importModule("./app.mjs").get("ready").asString(), where);
                assertEquals(84, rt.evaluate("app.double(42)", "check.js").asInt(), where);
            }
        }
    }

    @EngineTest
    void aRestoreWithoutTheModulesSaysWhatItNeeds(JsRuntimeFactory factory) {
        byte[] blob = snapshotWithModules(factory).bytes();
        JsSnapshotException none = assertThrows(JsSnapshotException.class,
                () -> factory.create(restoring(blob)).close());
        assertTrue(none.getMessage().contains("import of './app.mjs'") && none.getMessage().contains("withModules"),
                none.getMessage());
        Map<String, String> changed = new HashMap<>(FILES);
        changed.put("/util.mjs", "export const double = x => { throw new Error('changed since the snapshot'); };");
        JsSnapshotException broken = assertThrows(JsSnapshotException.class,
                () -> factory.create(restoring(blob).withModules(ModuleLoader.inMemory(changed))).close());
        assertTrue(broken.getMessage().contains("changed since the snapshot"), broken.getMessage());
        assertTrue(broken.getCause() instanceof JsError, String.valueOf(broken.getCause()));
    }
}
