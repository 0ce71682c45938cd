package org.jsi4j.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jsi4j.EngineOption;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;

class GraalOptionsTest {
    private final JsRuntimeFactory factory = JsEngines.factory("graal");

    private static RuntimeOptions with(String key, String value) {
        return RuntimeOptions.defaults().withEngineOptions(Map.of(key, value));
    }

    @Test
    void jsOptionsReachTheContext() {
        try (JsRuntime strict = factory.create(with("graal.js.strict", "true")); JsRuntime sloppy = factory.create()) {
            assertEquals(JsValue.of("ReferenceError"), strict.evaluate("try { undeclared = 1; 'assigned' } catch (e) { e.name }", "s.js"));
            assertEquals(JsValue.of("assigned"), sloppy.evaluate("try { undeclared = 1; 'assigned' } catch (e) { e.name }", "s.js"));
        }
        try (JsRuntime es2021 = factory.create(with("graal.js.ecmascript-version", "2021")); JsRuntime latest = factory.create()) {
            assertEquals(JsValue.of("undefined"), es2021.evaluate("typeof [].at", "es2021.js"), "ES2022's Array.prototype.at");
            assertEquals(JsValue.of("function"), latest.evaluate("typeof [].at", "latest.js"));
        }
    }

    @Test
    void theListComesFromGraalJsAndLeavesOutWhatWidensTheSandbox() {
        var keys = factory.engineOptions().stream().map(EngineOption::key).toList();
        assertTrue(keys.contains("graal.js.strict") && keys.contains("graal.js.ecmascript-version"), keys.toString());
        for (String refused : GraalOptions.REFUSED) assertFalse(keys.contains("graal." + refused), refused);
        assertFalse(keys.contains("graal.js.testV8-mode"), "internal options are left out");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.create(with("graal.js.load", "true")));
        assertTrue(e.getMessage().startsWith("Unknown engine option 'graal.js.load' for engine graal; it accepts "), e.getMessage());
        assertTrue(e.getMessage().contains("graal.js.strict"), e.getMessage());
    }

    @Test
    void aMalformedValueIsRefusedByGraalJsOwnType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory.create(with("graal.js.ecmascript-version", "ancient")));
        assertTrue(e.getMessage().startsWith("Engine option graal.js.ecmascript-version=ancient for engine graal: "), e.getMessage());
        assertTrue(e.getMessage().contains("expected latest|staging|[5, 16]|[2015, 2025], at least 12 (2021)"), e.getMessage());
        IllegalArgumentException es5 = assertThrows(IllegalArgumentException.class,
                () -> factory.create(with("graal.js.ecmascript-version", "2020")));
        assertTrue(es5.getMessage().contains("jsi4j needs ECMAScript 2021 or newer"), es5.getMessage());
    }
}
