package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModuleRegistryTest {
    private final JsRuntime rt = JsEngines.factory("rhino").create();

    @AfterEach
    void close() {
        rt.close();
    }

    private JsValue eval(String source) {
        return rt.evaluate(source, "test.js");
    }

    @Test
    void requireLoadsEachModuleOncePerRuntime() {
        int[] loads = {0};
        ModuleRegistry.of(ModuleProvider.of("thing", r -> {
            loads[0]++;
            return r.newObject();
        })).install(rt);
        assertEquals(JsValue.of(true), eval("require('thing') === require('thing')"));
        assertEquals(1, loads[0]);
    }

    @Test
    void unknownNamesListTheModulesAvailable() {
        ModuleRegistry.of(NativeModule.builder("b").constant("x", 1).build(), NativeModule.builder("a").constant("x", 1).build())
                .install(rt);
        assertEquals(JsValue.of("Error: Cannot find module 'nope'. Modules available: a, b"),
                eval("try { require('nope'); } catch (e) { e.name + ': ' + e.message }"));
        assertEquals(JsValue.of("TypeError: require() takes a module name (a string), got a number"),
                eval("try { require(1); } catch (e) { e.name + ': ' + e.message }"));
        ModuleRegistry.empty().install(rt);
        assertEquals(JsValue.of("Cannot find module 'a'. Modules available: none"),
                eval("try { require('a'); } catch (e) { e.message }"));
    }

    @Test
    void serviceLoaderFindsTheModulesListedInMetaInfServices() {
        ModuleRegistry found = ModuleRegistry.discover();
        assertEquals(List.of("discovered"), found.names());
        found.install(rt);
        assertEquals(JsValue.of("v"), eval("var s = require('discovered'); s.set('k', 'v'); s.get('k')"));
    }

    @Test
    void twoModulesOfOneNameAreRefused() {
        ModuleRegistry one = ModuleRegistry.of(new DiscoveredModule());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> one.plus(new DiscoveredModule()));
        assertTrue(e.getMessage().contains("Two modules are named 'discovered'"), e.getMessage());
        assertEquals(List.of("discovered"), one.names());
    }

    @Test
    void builtinsMakeConsoleAndTimersRequireable() {
        Builtins.install(rt, new RecordingSink(), List.of(), ModuleRegistry.empty());
        assertEquals(JsValue.of(true), eval("require('console') === console && require('timers').setTimeout === setTimeout"));
        assertThrows(IllegalArgumentException.class, () -> Builtins.install(rt, new RecordingSink(), List.of(),
                ModuleRegistry.of(NativeModule.builder("console").constant("x", 1).build())));
    }
}
