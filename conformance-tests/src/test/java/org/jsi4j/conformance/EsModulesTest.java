package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.modules.ModuleLoader;
import org.jsi4j.modules.ModuleResolutionException;

/**
 * ES modules, CommonJS, JSON, host-object modules and TypeScript through {@link JsRuntime#importModule}
 * and {@code require}, the same on every engine.
 */
@Area("esm")
class EsModulesTest {
    private static JsRuntime runtime(JsRuntimeFactory factory, Map<String, String> files) {
        return factory.create(RuntimeOptions.defaults().withModules(ModuleLoader.inMemory(files)));
    }

    @EngineTest
    void namedDefaultNamespaceAndReexportsWithLiveBindings(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/main.mjs", """
                        import inc, { count as n, label } from './counter.mjs';
                        import * as all from './again.mjs';
                        export const before = n;
                        inc(); inc();
                        export const after = n;
                        export const viaNamespace = all.count + ':' + all.renamed + ':' + typeof all.counter.default;
                        export const url = import.meta.url;
                        export { label };
                        """,
                "/counter.mjs", """
                        export let count = 0;
                        export const label = 'counter';
                        export default function increment() { count++; }
                        """,
                "/again.mjs", "export * from './counter.mjs'; export { label as renamed } from './counter.mjs';"
                        + " export * as counter from './counter.mjs';");
        try (JsRuntime rt = runtime(factory, files)) {
            JsObject ns = rt.importModule("./main.mjs");
            assertEquals(0, ns.get("before").asInt());
            assertEquals(2, ns.get("after").asInt());
            assertEquals("2:counter:function", ns.get("viaNamespace").asString());
            assertEquals("memory:/main.mjs", ns.get("url").asString());
            assertEquals("counter", ns.get("label").asString());
            assertTrue(ns.get("default").isUndefined());
            // the same instance on a second import
            assertTrue(rt.importModule("/main.mjs").strictEquals(ns));
        }
    }

    @EngineTest
    void cyclesSeeHoistedFunctionsAndFinishedBindings(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/a.mjs", "import { b, callA } from './b.mjs'; export function a() { return 'a'; }"
                        + " export const fromB = b() + callA();",
                "/b.mjs", "import { a } from './a.mjs'; export function b() { return 'b'; }"
                        + " export function callA() { return a(); } export const early = a();");
        try (JsRuntime rt = runtime(factory, files)) {
            assertEquals("ba", rt.importModule("./a.mjs").get("fromB").asString());
            assertEquals("a", rt.importModule("./b.mjs").get("early").asString());
        }
    }

    @EngineTest
    void commonJsJsonAndDynamicImport(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/main.mjs", """
                        import lib, { twice } from './lib.cjs';
                        import * as libNs from './lib.cjs';
                        import data from './data.json';
                        export const r = twice(lib.base) + data.items.length;
                        export const odd = libNs['odd "key"-\u00fc\\\\'];
                        export let later = 'pending';
                        import('./late.mjs').then(function (m) { later = m.value; });
                        """,
                "/lib.cjs", "const { helper } = require('./helper'); module.exports = { base: 20, twice: helper,"
                        + " 'odd \"key\"-\u00fc\\\\': 3 };",
                "/helper.js", "exports.helper = function (x) { return x * 2; };",
                "/data.json", "{\"items\": [1, 2]}",
                "/late.mjs", "export const value = 'loaded';",
                "/lateAgain.cjs", "module.exports = require('./late.mjs').value + ' again';");
        try (JsRuntime rt = runtime(factory, files)) {
            JsObject ns = rt.importModule("./main.mjs");
            assertEquals(42, ns.get("r").asInt());
            assertEquals(3, ns.get("odd").asInt());   // a key that is no identifier is a named export too
            rt.drainMicrotasks();
            assertEquals("loaded", ns.get("later").asString());
            // a CommonJS module requires an ES module already evaluated: its namespace, on every engine
            assertEquals("loaded again", rt.modules().require("./lateAgain.cjs").asString());
            assertEquals(20, rt.modules().require("./lib.cjs").asObject().get("base").asInt());
        }
    }

    @EngineTest
    void errorsNameTheModuleAndWhatIsMissing(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/missing.mjs", "export const first = 1;\nimport { nope } from './lib.mjs';",
                "/lib.mjs", "export const yes = 1;",
                "/unknown.mjs", "import x from './nowhere.mjs';",
                "/bad.mjs", "export const ok = 1;\nlet = = ;",
                "/importsBad.mjs", "import { ok } from './bad.mjs';",
                "/escape.mjs", "import x from '../../etc/passwd';",
                "/dynamic.mjs", "export let seen = 'pending'; import('./missing.mjs').catch(function (e) { seen = e.message; });");
        try (JsRuntime rt = runtime(factory, files)) {
            JsSyntaxError missing = assertThrows(JsSyntaxError.class, () -> rt.importModule("./missing.mjs"));
            assertTrue(missing.getMessage().contains("'./lib.mjs' does not provide an export named 'nope'"), missing.getMessage());
            assertEquals("memory:/missing.mjs", missing.sourceName());
            assertEquals(2, missing.line());   // the import declaration's line
            // inside JavaScript the same is a catchable error (here a rejected import())
            JsObject dyn = rt.importModule("./dynamic.mjs");
            rt.drainMicrotasks();
            assertTrue(dyn.get("seen").asString().contains("does not provide an export named 'nope'"), dyn.get("seen").asString());
            ModuleResolutionException unknown = assertThrows(ModuleResolutionException.class, () -> rt.importModule("./unknown.mjs"));
            assertTrue(unknown.getMessage().contains("'./nowhere.mjs' from memory:/unknown.mjs"), unknown.getMessage());
            assertTrue(unknown.getMessage().contains("searched /nowhere.mjs, /nowhere.mjs/index"), unknown.getMessage());
            JsSyntaxError bad = assertThrows(JsSyntaxError.class, () -> rt.importModule("./importsBad.mjs"));
            assertEquals("memory:/bad.mjs", bad.sourceName());
            assertEquals(2, bad.line());
            ModuleResolutionException escape = assertThrows(ModuleResolutionException.class, () -> rt.importModule("./escape.mjs"));
            assertTrue(escape.getMessage().contains("outside the module root"), escape.getMessage());
            // the runtime is still usable
            assertEquals(1, rt.importModule("./lib.mjs").get("yes").asInt());
        }
    }

    @EngineTest
    void hostModulesAndTypeScript(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/main.ts", """
                        import storage from 'jsi:storage';
                        import { greeting } from 'greeter';
                        import type { Shape } from './types.ts';
                        interface Named { name: string }
                        function hello(n: Named): string { return greeting + ' ' + n.name; }
                        storage.last = hello({ name: 'ts' });
                        export const result: string = storage.last;
                        """,
                "/types.ts", "export interface Shape { size: number }");
        try (JsRuntime rt = runtime(factory, files)) {
            rt.modules().defineHostModule("greeter", r -> {
                JsObject o = r.newObject();
                o.set("greeting", "hello");
                return o;
            });
            rt.modules().defineHostModule("storage", r -> r.newObject());
            assertEquals("hello ts", rt.importModule("./main.ts").get("result").asString());
            assertEquals("hello ts", rt.modules().require("storage").asObject().get("last").asString());
            ModuleResolutionException unknown = assertThrows(ModuleResolutionException.class, () -> rt.importModule("jsi:nope"));
            assertTrue(unknown.getMessage().contains("greeter, storage"), unknown.getMessage());
        }
    }

    @EngineTest
    void topLevelAwaitWhereTheEngineHasAsyncFunctions(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of("/tla.mjs", "export const v = await Promise.resolve(7);");
        try (JsRuntime rt = runtime(factory, files)) {
            if (rt.capabilities().has(org.jsi4j.EsFeature.ASYNC_AWAIT)) {
                assertEquals(7, rt.importModule("./tla.mjs").get("v").asInt());
            } else {
                JsSyntaxError e = assertThrows(JsSyntaxError.class, () -> rt.importModule("./tla.mjs"));
                assertTrue(e.getMessage().contains("top-level await"), e.getMessage());
            }
        }
    }

    @EngineTest
    void typeScriptErrorsPointAtTheTypeScriptLine(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of("/app.ts", """
                interface Point {
                  x: number;
                  y: number;
                }
                enum Color { Red, Green }
                const text: string = `one
                  two ${Color.Green}`;
                function check<T extends Point>(p: T,
                                                scale: number = 2): number {
                  if (p.x > 0) throw new Error('bad ' + text.length);
                  return p.y * scale;
                }
                export const y = check({ x: 0, y: 4 } as Point);
                export const later = () => check({ x: 1, y: 0 });
                """);
        try (JsRuntime rt = runtime(factory, files)) {
            JsObject ns = rt.importModule("./app.ts");
            assertEquals(8, ns.get("y").asInt());
            JsError e = assertThrows(JsError.class, () -> ns.get("later").asFunction().call());
            assertEquals("bad 11", e.jsMessage());          // the template literal kept its line break
            assertEquals("memory:/app.ts", e.location().orElseThrow().sourceName());
            assertEquals(10, e.location().orElseThrow().line(), e.getMessage());
            assertTrue(e.jsStack().orElse("").contains("app.ts:10"), e.jsStack().orElse(""));
        }
    }

    @EngineTest
    void hostileModules(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/throws.mjs", "export const a = 1; throw new TypeError('module failed');",
                "/self.mjs", "import * as me from './self.mjs'; export const x = 1; export const seen = typeof me;",
                "/spin.mjs", "while (true) {}",
                "/req.cjs", "module.exports = (function () { try { require(42); } catch (e) { return e.name; } })();",
                "/node_modules/broken/package.json", "{ \"main\": ",
                "/usesBroken.mjs", "import b from 'broken';");
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTimeLimit(java.time.Duration.ofMillis(500))
                .withModules(ModuleLoader.inMemory(files)))) {
            JsError thrown = assertThrows(JsError.class, () -> rt.importModule("./throws.mjs"));
            assertEquals("TypeError", thrown.name().orElse(""));
            // an errored module is not evaluated again: the same failure comes back
            assertTrue(thrown == assertThrows(JsError.class, () -> rt.importModule("./throws.mjs")));
            assertEquals("object", rt.importModule("./self.mjs").get("seen").asString());
            assertThrows(org.jsi4j.JsTerminatedException.class, () -> rt.importModule("./spin.mjs"));
            assertEquals("TypeError", rt.modules().require("./req.cjs").asString());
            ModuleResolutionException broken = assertThrows(ModuleResolutionException.class, () -> rt.importModule("./usesBroken.mjs"));
            assertTrue(broken.getMessage().contains("package.json is not valid JSON"), broken.getMessage());
            assertThrows(ModuleResolutionException.class, () -> rt.importModule("./a\\..\\b.mjs"));
            assertThrows(NullPointerException.class, () -> rt.importModule(null));
            assertEquals(1, rt.importModule("./self.mjs").get("x").asInt());
        }
    }
}
