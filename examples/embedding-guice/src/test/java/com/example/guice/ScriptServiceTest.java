package com.example.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.jsi4j.JsRuntimeFactory;
import org.junit.jupiter.api.Test;

class ScriptServiceTest {
    @Test
    void theInjectedEngineRunsWithTheModulesEngineOptions() {
        ScriptService service = ScriptService.injector().getInstance(ScriptService.class);
        assertEquals("graal", service.engine());
        assertEquals("true", service.run("(function () { return this === undefined; })()"), "graal.js.strict=true reached the runtime");
        assertEquals("ReferenceError", service.run("try { undeclared = 1; 'assigned' } catch (e) { e.name }"));
    }

    @Test
    void everyEngineOnTheClassPathIsInTheMap() {
        Map<String, JsRuntimeFactory> all = ScriptService.injector().getInstance(Key.get(new TypeLiteral<Map<String, JsRuntimeFactory>>() {}));
        assertEquals(java.util.Set.of("graal", "rhino"), all.keySet());
        assertEquals("Mozilla Rhino", all.get("rhino").engine().name());
    }
}
