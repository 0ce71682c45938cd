package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jsi4j.EngineOption;
import org.jsi4j.EngineOptions;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;

/**
 * Backend-specific options ({@link EngineOption}): every engine lists what it accepts, refuses an
 * unknown or malformed option of its own with a message naming itself and what it accepts, and
 * leaves other engines' options alone.
 */
@Area("scripts")
class EngineOptionsTest {
    @EngineTest
    void theOptionsAnEngineListsAreItsOwnAndDescribed(JsRuntimeFactory factory) {
        String id = factory.engine().id();
        List<EngineOption<?>> options = factory.engineOptions();
        assertFalse(options.isEmpty(), id + " lists no engine options");
        for (EngineOption<?> o : options) {
            assertEquals(id, o.engine());
            assertTrue(o.key().startsWith(id + "."), o.key());
            assertFalse(o.description().isBlank(), o.key());
            assertFalse(o.type().isBlank(), o.key());
        }
    }

    @EngineTest
    void anUnknownOptionNamesTheEngineAndWhatItAccepts(JsRuntimeFactory factory) {
        String id = factory.engine().id();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory.create(RuntimeOptions.defaults().withEngineOptions(Map.of(id + ".noSuchOption", "1"))));
        assertTrue(e.getMessage().startsWith("Unknown engine option '" + id + ".noSuchOption' for engine " + id + "; it accepts "),
                e.getMessage());
        assertTrue(e.getMessage().contains(factory.engineOptions().get(0).key()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @EngineTest
    void aMalformedValueIsRefused(JsRuntimeFactory factory) {
        String id = factory.engine().id();
        EngineOption<?> first = factory.engineOptions().get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory.create(RuntimeOptions.defaults().withEngineOptions(Map.of(first.key(), "not a valid value"))));
        assertTrue(e.getMessage().startsWith("Engine option " + first.key() + "=not a valid value for engine " + id + ": "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("expected " + first.type()), e.getMessage());
    }

    @EngineTest
    void otherEnginesOptionsAreLeftAlone(JsRuntimeFactory factory) {
        Map<String, String> others = Map.of("no-such-engine.option", "x", (factory.engine().id().equals("rhino") ? "v8" : "rhino")
                + ".noSuchOption", "y");
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withEngineOptions(others))) {
            assertEquals(JsValue.of(3), rt.evaluate("1 + 2", "sum.js"));
        }
    }

    @EngineTest
    void aConfiguredFactoryChecksAtOnceAndAppliesToEveryRuntime(JsRuntimeFactory factory) {
        String id = factory.engine().id();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsEngines.configured(id, EngineOptions.of(Map.of(id + ".noSuchOption", "1"))));
        assertTrue(e.getMessage().contains("for engine " + id), e.getMessage());
        JsRuntimeFactory configured = factory.withEngineOptions(EngineOptions.of(Map.of(id + ".noSuchOption", "1")));
        assertThrows(IllegalArgumentException.class, configured::create, "the default option reaches each runtime");
        assertEquals(factory.engineOptions(), configured.engineOptions());
    }
}
