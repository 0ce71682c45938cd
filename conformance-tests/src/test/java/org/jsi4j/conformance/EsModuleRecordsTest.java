package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.jsi4j.EsFeature;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.modules.ModuleLoader;

/**
 * ES modules as the engine's own module records (where an engine has them: {@link EsFeature#MODULE_RECORDS}),
 * which a translation cannot give: exotic namespaces, direct bindings, a static import waiting for
 * top-level await. Limits still stop a module's evaluation.
 */
@Area("esm")
class EsModuleRecordsTest {
    private static JsRuntime runtime(JsRuntimeFactory factory, Map<String, String> files) {
        return factory.create(RuntimeOptions.defaults().withModules(ModuleLoader.inMemory(files)));
    }

    @EngineTest
    @RequiresFeature(EsFeature.MODULE_RECORDS)
    void namespacesAreModuleNamespaceObjects(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/main.mjs", """
                        import * as ns from './lib.mjs';
                        let assigned, added;
                        try { ns.x = 2; assigned = 'no error'; } catch (e) { assigned = e.name; }
                        try { ns.added = 1; added = 'no error'; } catch (e) { added = e.name; }
                        const d = Object.getOwnPropertyDescriptor(ns, 'x');
                        export const facts = [Object.prototype.toString.call(ns), ns[Symbol.toStringTag],
                            Object.getPrototypeOf(ns) === null, Object.isExtensible(ns), Object.isSealed(ns),
                            'value' in d, d.writable, d.configurable, assigned, added,
                            Reflect.defineProperty(ns, 'x', {value: 3}), ns.x].join();
                        """,
                "/lib.mjs", "export let x = 1; export function f() {}");
        try (JsRuntime rt = runtime(factory, files)) {
            assertEquals("[object Module],Module,true,false,true,true,true,false,TypeError,TypeError,false,1",
                    rt.importModule("./main.mjs").get("facts").asString());
            // from Java too: the namespace importModule gives is that object
            JsObject lib = rt.importModule("./lib.mjs");
            rt.global().set("lib", lib);
            assertEquals("[object Module]", rt.evaluate("Object.prototype.toString.call(lib)", "check.js").asString());
        }
    }

    @EngineTest
    @RequiresFeature(EsFeature.MODULE_RECORDS)
    void importsAreDirectLiveBindingsAcrossACycle(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/a.mjs", """
                        import { count, bump, seenFromA } from './b.mjs';
                        export let fromA = 'a0';
                        export function setA(v) { fromA = v; }
                        const before = count;
                        bump(); bump();
                        let reassigned;
                        try { count = 99; reassigned = 'no error'; } catch (e) { reassigned = e.name; }
                        export const report = [before, count, seenFromA(), reassigned].join();
                        """,
                "/b.mjs", """
                        import { fromA, setA } from './a.mjs';
                        export let count = 0;
                        export function bump() { count++; setA('a' + count); }
                        export function seenFromA() { return fromA; }
                        """);
        try (JsRuntime rt = runtime(factory, files)) {
            assertEquals("0,2,a2,TypeError", rt.importModule("./a.mjs").get("report").asString());
            JsObject b = rt.importModule("./b.mjs");
            b.get("bump").asFunction().call();
            assertEquals(3, b.get("count").asInt());
            assertEquals("a3", rt.importModule("./a.mjs").get("fromA").asString());
        }
    }

    @EngineTest
    @RequiresFeature(EsFeature.MODULE_RECORDS)
    void aStaticImportWaitsForTopLevelAwait(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/main.mjs", "import { state } from './slow.mjs'; export const seen = state;",
                "/slow.mjs", """
                        export let state = 'started';
                        for (let i = 0; i < 3; i++) await Promise.resolve(i);
                        state = 'finished';
                        """);
        try (JsRuntime rt = runtime(factory, files)) {
            assertEquals("finished", rt.importModule("./main.mjs").get("seen").asString());
        }
    }

    @EngineTest
    @RequiresFeature(EsFeature.MODULE_RECORDS)
    void importModuleGivesTheNamespaceOfAModuleStillWaiting(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/main.mjs", "import { state } from './waits.mjs'; export const seen = state;",
                "/waits.mjs", """
                        export let state = 'waiting';
                        await new Promise(function (resolve) { globalThis.release = resolve; });
                        state = 'released';
                        """);
        try (JsRuntime rt = runtime(factory, files)) {
            JsObject waits = rt.importModule("./waits.mjs");
            rt.global().set("waits", waits);
            assertEquals("[object Module] waiting", rt.evaluate("Object.prototype.toString.call(waits) + ' ' + waits.state",
                    "check.js").asString());
            JsObject main = rt.importModule("./main.mjs");   // waits for waits.mjs: 'seen' is not set yet
            assertEquals("ReferenceError", assertThrows(org.jsi4j.JsError.class, () -> main.get("seen")).name().orElse(""));
            rt.evaluate("release()", "release.js");
            rt.drainMicrotasks();
            assertEquals("released", waits.get("state").asString());
            assertEquals("released", main.get("seen").asString());
            assertTrue(rt.importModule("./waits.mjs").strictEquals(waits));
        }
    }

    @EngineTest
    @RequiresFeature(EsFeature.MODULE_RECORDS)
    void stackColumnsAreTheFilesOnALineWithImports(JsRuntimeFactory factory) {
        String oneLine = "import * as m from './f.mjs'; import c from './c.cjs'; export function f() { throw new Error('x' + c.k + m.y); }";
        Map<String, String> files = Map.of("/min.mjs", oneLine, "/f.mjs", "export const y = 6;", "/c.cjs", "module.exports = {k: 1};");
        try (JsRuntime rt = runtime(factory, files)) {
            org.jsi4j.JsError e = assertThrows(org.jsi4j.JsError.class, () -> rt.importModule("./min.mjs").get("f").asFunction().call());
            assertEquals("x16", e.jsMessage());
            String stack = e.jsStack().orElse("");
            assertTrue(stack.contains("memory:/min.mjs:1:" + (oneLine.indexOf("new Error") + 1)), stack);
        }
    }

    @EngineTest
    @RequiresFeature(EsFeature.MODULE_RECORDS)
    void anEarlyErrorOnlyTheEngineFindsIsASyntaxErrorAtItsModule(JsRuntimeFactory factory) {
        // swc parses these; the engine refuses them when it compiles the module
        Map<String, String> files = Map.of("/main.mjs", "import { a } from './duplicate.mjs';",
                "/duplicate.mjs", "export const a = 1;\nexport { a };");
        try (JsRuntime rt = runtime(factory, files)) {
            org.jsi4j.JsSyntaxError e = assertThrows(org.jsi4j.JsSyntaxError.class, () -> rt.importModule("./main.mjs"));
            assertEquals("memory:/duplicate.mjs", e.sourceName());
            assertEquals(2, e.line());
            assertTrue(e.getMessage().contains("a"), e.getMessage());
        }
    }

    @EngineTest
    @RequiresFeature(EsFeature.MODULE_RECORDS)
    void limitsAndInterruptStopAModuleBeingEvaluated(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/spin.mjs", "import { x } from './dep.mjs'; while (x) {}",
                "/spin2.mjs", "import { x } from './dep.mjs'; while (x) {}",
                "/dep.mjs", "export const x = 1;",
                "/ok.mjs", "import { x } from './dep.mjs'; export const y = x + 1;");
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(300))
                .withModules(ModuleLoader.inMemory(files)))) {
            assertEquals(JsTerminatedException.Reason.TIME_LIMIT,
                    assertThrows(JsTerminatedException.class, () -> rt.importModule("./spin.mjs")).reason());
            assertEquals(2, rt.importModule("./ok.mjs").get("y").asInt());
        }
        try (JsRuntime rt = runtime(factory, files)) {
            Thread interrupter = OtherThread.later("module-interrupter", 100, () -> {
                while (!rt.interrupt()) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            try {
                assertEquals(JsTerminatedException.Reason.INTERRUPTED,
                        assertThrows(JsTerminatedException.class, () -> rt.importModule("./spin2.mjs")).reason());
            } finally {
                interrupter.interrupt();
            }
            assertEquals(2, rt.importModule("./ok.mjs").get("y").asInt());
        }
    }
}
