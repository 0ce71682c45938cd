package org.jsi4j.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.jsi4j.Capabilities;
import org.jsi4j.EsFeature;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.spi.JsEngineProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class GraalRuntimeFactoryTest {
    private static final GraalRuntimeFactory FACTORY = new GraalRuntimeFactory();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void isFoundByServiceLoaderAsGraal() {
        assertTrue(ServiceLoader.load(JsEngineProvider.class).stream().anyMatch(p -> p.get().id().equals("graal")));
        assertEquals("graal", JsEngines.factory("graal").engine().id());
        assertEquals(GraalJit.COMPILER_VERSION, FACTORY.engine().version(), "the real GraalJS version, not 'Development Build'");
    }

    /** The build passes -Djsi.graal.jit=expected together with the JVMCI flags when the JDK matches the compiler. */
    @Test
    void jitIsActiveWhenTheBuildGaveTheJvmTheCompiler() {
        Capabilities caps = FACTORY.capabilities();
        if ("expected".equals(System.getProperty("jsi.graal.jit"))) {
            assertTrue(caps.jit(), "the JVM has the Graal compiler flags but GraalJS runs interpreted");
            assertEquals("optimizing JIT (Graal compiler)", caps.execution());
        } else {
            assertEquals(!"interpreter only".equals(caps.execution()), caps.jit());
        }
    }

    @Test
    void declaresWhatItDoes() {
        Capabilities caps = FACTORY.capabilities();
        assertEquals(Capabilities.SnapshotSupport.PORTABLE_REPLAY, caps.snapshots());
        assertEquals(java.util.Set.of(Reason.TIME_LIMIT, Reason.INTERRUPTED, Reason.STATEMENT_LIMIT, Reason.MEMORY_LIMIT,
                Reason.STACK_LIMIT), caps.limits());
        // every feature, ES module records included (GraalNativeModules)
        assertEquals(java.util.EnumSet.allOf(EsFeature.class), caps.esFeatures());
    }

    /** Every feature the capabilities claim really works. */
    @Test
    void everyDeclaredFeatureWorks() {
        try (JsRuntime rt = FACTORY.create()) {
            String probe = "class A { #x = 1; get x() { return this.#x; } }; async function f() { await null; }"
                    + " function* g() { yield 1; } const {a, ...rest} = {a: 1, b: 2}; let t = `t${a}`;"
                    + " [new A().x, typeof f, g().next().value, rest.b, t, [...[1, 2]].length, ({})?.q ?? 'n', 2n ** 64n,"
                    + " typeof Symbol(), typeof new Proxy({}, {}), Reflect.ownKeys({k: 1})[0], typeof new WeakRef({}),"
                    + " new Map([[1, 2]]).get(1), new Uint8Array(2).length, typeof Promise.resolve(),"
                    + " new Intl.NumberFormat('en-US').format(1234.5), /\\p{Lu}/u.test('A'), (x => x * 2)(2)].join('|')";
            assertEquals(JsValue.of("1|function|1|2|t1|2|n|18446744073709551616|symbol|object|k|object|2|2|object|1,234.5|true|4"),
                    rt.evaluate(probe, "features.js"));
        }
    }

    @Test
    void runtimesShareTheEngineAndItsCachedSources() {
        assertSame(FACTORY.source("1 + 1", "a.js"), FACTORY.source("1 + 1", "a.js"));
        try (JsRuntime one = FACTORY.create(); JsRuntime two = FACTORY.create()) {
            one.evaluate("var shared = 1", "one.js");
            assertEquals(JsValue.of("undefined"), two.evaluate("typeof shared", "two.js"), "contexts are separate");
            assertEquals(JsValue.of(3), one.prepare("1 + 2", "p.js").run());
            assertEquals(JsValue.of(3), two.prepare("1 + 2", "p.js").run());
        }
    }

    @Test
    void heapLimitIsTheCoresAllocationBudget() {
        try (org.jsi4j.JsRuntime rt = FACTORY.create(RuntimeOptions.defaults().withMaxHeapBytes(64L << 20))) {
            org.jsi4j.JsTerminatedException e = assertThrows(org.jsi4j.JsTerminatedException.class,
                    () -> rt.evaluate("var a = []; while (true) a.push('x'.repeat(1e5) + a.length);", "bomb.js"));
            assertEquals(Reason.MEMORY_LIMIT, e.reason(), "a heap limit is the core's allocation budget: " + e.getMessage());
        }
    }

    @Test
    void closedFactoryRefusesNewRuntimes() {
        GraalRuntimeFactory own = new GraalRuntimeFactory();
        own.close();
        assertThrows(IllegalStateException.class, own::create);
    }

    @Test
    void guiceModuleRegistersGraal() {
        var injector = com.google.inject.Guice.createInjector(new GraalModule());
        var engines = injector.getInstance(com.google.inject.Key.get(
                new com.google.inject.TypeLiteral<java.util.Map<String, org.jsi4j.JsRuntimeFactory>>() { }));
        assertEquals("graal", engines.get("graal").engine().id());
    }
}
