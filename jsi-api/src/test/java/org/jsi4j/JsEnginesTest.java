package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsEnginesTest {
    @Test
    void unknownEngineListsWhatIsAvailableAndHowToChoose() {
        IllegalArgumentException e = JsEngines.unknown("spidermonkey", List.of("graal", "rhino"));
        assertEquals("Unknown JavaScript engine 'spidermonkey'. Engines available: graal, rhino."
                + " Choose one with --engine, -Djsi.engine or JSI_ENGINE.", e.getMessage());
    }

    @Test
    void withoutBackendsOnTheClassPathLookupsFailClearly() {
        // jsi-api's own tests run with no backend on the class path
        assertEquals(List.of(), JsEngines.ids());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsEngines.factory("rhino"));
        assertEquals("Unknown JavaScript engine 'rhino'. Engines available: none."
                + " Choose one with --engine, -Djsi.engine or JSI_ENGINE.", e.getMessage());
    }
}
