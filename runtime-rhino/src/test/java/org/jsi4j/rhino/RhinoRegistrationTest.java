package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.jsi4j.Capabilities;
import org.jsi4j.EsFeature;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Discovery, Guice wiring and the capabilities Rhino declares, each checked against the engine. */
class RhinoRegistrationTest {
    private static final Map<EsFeature, String> PROBES = Map.ofEntries(
            Map.entry(EsFeature.CLASSES, "class A { m() { return 1 } } new A().m() === 1"),
            Map.entry(EsFeature.ASYNC_AWAIT, "async function f() { return await 1 } typeof f === 'function'"),
            Map.entry(EsFeature.GENERATORS, "function* g() { yield 1 } g().next().value === 1"),
            Map.entry(EsFeature.ARROW_FUNCTIONS, "((a) => a * 2)(2) === 4"),
            Map.entry(EsFeature.LET_CONST, "let a = 1; const b = 2; a + b === 3"),
            Map.entry(EsFeature.TEMPLATE_LITERALS, "var x = 2; `a${x}` === 'a2'"),
            Map.entry(EsFeature.DESTRUCTURING, "var {a, b: [c]} = {a: 1, b: [2]}; a + c === 3"),
            Map.entry(EsFeature.SPREAD, "function f(a, b) { return a + b } f(...[1, 2]) === 3 && [...[1]].length === 1"),
            Map.entry(EsFeature.OPTIONAL_CHAINING, "var o = null; o?.x === undefined"),
            Map.entry(EsFeature.NULLISH_COALESCING, "(null ?? 5) === 5"),
            Map.entry(EsFeature.BIGINT, "typeof 10n === 'bigint' && 2n ** 3n === 8n"),
            Map.entry(EsFeature.SYMBOLS, "typeof Symbol('x') === 'symbol' && typeof Symbol.iterator === 'symbol'"),
            Map.entry(EsFeature.PROXY, "new Proxy({}, {get: function () { return 7 }}).z === 7"),
            Map.entry(EsFeature.REFLECT, "Reflect.ownKeys({a: 1}).length === 1"),
            Map.entry(EsFeature.WEAK_REF, "new WeakRef({}) !== null"),
            Map.entry(EsFeature.MAP_SET, "new Map([[1, 2]]).get(1) === 2 && new Set([1]).has(1)"),
            Map.entry(EsFeature.TYPED_ARRAYS, "new Uint8Array(new ArrayBuffer(2)).length === 2"),
            Map.entry(EsFeature.PROMISES, "typeof Promise.resolve(1).then === 'function'"),
            Map.entry(EsFeature.INTL, "typeof Intl === 'object'"),
            Map.entry(EsFeature.REGEXP_UNICODE_PROPERTIES, "/^\\p{Lu}$/u.test('A') && !/^\\p{Lu}$/u.test('a')"),
            Map.entry(EsFeature.STRICT_MODE_THIS, "(function () { 'use strict'; return this; })() === undefined"
                    + " && (function () { 'use strict'; return typeof this; }).call(5) === 'number'"),
            // module syntax at all (Rhino's parser has none: modules are translated by jsi4j)
            Map.entry(EsFeature.MODULE_RECORDS, "typeof import.meta === 'object'"));

    @ParameterizedTest
    @EnumSource(EsFeature.class)
    void declaredFeaturesMatchWhatRhinoRuns(EsFeature feature) {
        RhinoRuntimeFactory factory = new RhinoRuntimeFactory();
        boolean works;
        try (JsRuntime rt = factory.create()) {
            works = rt.evaluate(PROBES.get(feature), "feature.js").asBoolean();
        } catch (JsSyntaxError | JsError e) {
            works = false;
        }
        assertEquals(works, factory.capabilities().has(feature), feature + " works=" + works);
    }

    @Test
    void capabilitiesStateCompiledModeAndLimits() {
        Capabilities caps = new RhinoRuntimeFactory().capabilities();
        assertTrue(caps.execution().contains("JVM bytecode"));
        assertFalse(caps.jit());
        assertEquals(Capabilities.SnapshotSupport.SERIALIZED, caps.snapshots());
        assertFalse(caps.has(EsFeature.CLASSES));
        assertFalse(caps.has(EsFeature.ASYNC_AWAIT));
    }

    @Test
    void foundByServiceLoaderWithRhinosVersion() {
        JsRuntimeFactory factory = JsEngines.factory("rhino");
        assertInstanceOf(RhinoRuntimeFactory.class, factory);
        assertEquals("rhino", factory.engine().id());
        assertEquals("1.9.2", factory.engine().version());
    }

    @Test
    void guiceModuleRegistersTheEngine() {
        Map<String, JsRuntimeFactory> engines = Guice.createInjector(new RhinoModule())
                .getInstance(Key.get(new TypeLiteral<Map<String, JsRuntimeFactory>>() { }));
        try (JsRuntime rt = engines.get("rhino").create()) {
            assertEquals(2.0, rt.evaluate("1 + 1", "t.js").asNumber());
        }
    }

    @Test
    void aHeapLimitIsAnAllocationBudgetTheCoreKeeps() {
        RhinoRuntimeFactory factory = new RhinoRuntimeFactory();
        assertTrue(factory.capabilities().limits().contains(org.jsi4j.JsTerminatedException.Reason.MEMORY_LIMIT));
        try (org.jsi4j.JsRuntime rt = factory.create(RuntimeOptions.defaults().withMaxHeapBytes(64L << 20))) {
            org.jsi4j.JsTerminatedException e = assertThrows(org.jsi4j.JsTerminatedException.class,
                    () -> rt.evaluate("var a = []; while (true) a.push('x'.repeat(1e5) + a.length);", "bomb.js"));
            assertEquals(org.jsi4j.JsTerminatedException.Reason.MEMORY_LIMIT, e.reason());
            assertTrue(e.getMessage().contains("maxHeapBytes"), e.getMessage());
            assertEquals(org.jsi4j.JsValue.of(2), rt.evaluate("a = null; 1 + 1", "after.js"));
        }
    }
}
