package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.EsFeature;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.modules.ModuleLoader;

/**
 * Real npm packages ({@link NpmCorpus}: lodash-es, uuid, date-fns, zod at pinned versions) imported
 * and required on every engine, unchanged. (uuid's SHA-1 gives a wrong hash on Rhino unless module
 * code gets {@code let} for {@code const}: Rhino's {@code const} in a loop body keeps its first value.)
 */
@Area("esm")
class NpmPackagesTest {
    /** {@code uuid.v5('hello', uuid.v5.DNS)}, as Node computes it with the same package. */
    private static final String V5_HELLO_DNS = "9342d47a-1bab-5709-9869-c840b2eac501";
    private static JsRuntime runtime(JsRuntimeFactory factory) throws Exception {
        return factory.create(RuntimeOptions.defaults().withModules(ModuleLoader.directory(NpmCorpus.root())));
    }

    @EngineTest
    void lodashEsByImportAndRequire(JsRuntimeFactory factory) throws Exception {
        try (JsRuntime rt = runtime(factory)) {
            // single-function modules: the whole index is ~640 modules, too slow for the suite on every engine
            JsObject chunk = rt.importModule("lodash-es/chunk.js");
            assertEquals("[[1,2],[3,4],[5]]", json(rt, chunk.get("default").asFunction().call(
                    rt.evaluate("[1,2,3,4,5]", "a.js"), org.jsi4j.JsValue.of(2))));
            JsObject camelCase = rt.importModule("lodash-es/camelCase.js");
            assertEquals("fooBarBaz", camelCase.get("default").asFunction().call(org.jsi4j.JsValue.of("Foo bar_baz")).asString());
            JsObject required = rt.modules().require("lodash-es/chunk.js").asObject();
            assertTrue(required.strictEquals(chunk), "require of an ES module gives its namespace");
        }
    }

    @EngineTest
    void uuidThroughPackageExports(JsRuntimeFactory factory) throws Exception {
        try (JsRuntime rt = runtime(factory)) {
            JsObject uuid = rt.importModule("uuid");
            assertEquals(V5_HELLO_DNS, uuid.get("v5").asFunction().call(org.jsi4j.JsValue.of("hello"),
                    uuid.get("v5").asObject().get("DNS")).asString());
            assertTrue(uuid.get("validate").asFunction().call(org.jsi4j.JsValue.of(V5_HELLO_DNS)).asBoolean());
            assertEquals(false, uuid.get("validate").asFunction().call(org.jsi4j.JsValue.of("not-a-uuid")).asBoolean());
        }
    }

    @EngineTest
    void dateFnsImportedAsEsmAndRequiredAsCommonJs(JsRuntimeFactory factory) throws Exception {
        try (JsRuntime rt = runtime(factory)) {
            rt.global().set("fns", rt.importModule("date-fns/addDays"));
            rt.global().set("fmt", rt.importModule("date-fns/formatISO"));
            assertEquals("2024-03-01", rt.evaluate("fmt.formatISO(fns.addDays(new Date(2024, 1, 28), 2), {representation: 'date'})",
                    "d.js").asString());
            rt.global().set("cjs", rt.modules().require("date-fns/addDays"));
            assertEquals(3, rt.evaluate("cjs.addDays(new Date(2024, 0, 1), 2).getDate()", "d.js").asInt());
            // the package's CommonJS build, not its ES module build
            assertTrue(rt.evaluate("fns.addDays !== cjs.addDays", "d.js").asBoolean());
        }
    }

    /** zod's classes: on an engine without them (Rhino), through the transpile step (docs/transpile.md). */
    @EngineTest
    @RequiresFeature(value = EsFeature.CLASSES, transpilable = true)
    void zodSchemas(JsRuntimeFactory factory) throws Exception {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withModules(ModuleLoader.directory(NpmCorpus.root()))
                .withTranspile(true))) {
            rt.global().set("z", rt.importModule("zod").get("z"));
            assertEquals("true false", rt.evaluate("var s = z.object({name: z.string(), age: z.number().min(0)});"
                    + " s.safeParse({name: 'ada', age: 36}).success + ' ' + s.safeParse({name: 'ada', age: -1}).success",
                    "z.js").asString());
        }
    }

    private static String json(JsRuntime rt, org.jsi4j.JsValue v) {
        rt.global().set("__v", v);
        return rt.evaluate("JSON.stringify(__v)", "j.js").asString();
    }
}
