package org.jsi4j.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntimeFactory;
import org.junit.jupiter.api.Test;

class EnginesModuleTest {
    @Test
    void selectingOneEngineMakesOnlyThatEnginesFactory() {
        int beta = CountingEngines.BETA_FACTORIES.get();
        Injector injector = Guice.createInjector(EnginesModule.named("alpha"));
        JsRuntimeFactory factory = injector.getInstance(JsRuntimeFactory.class);
        assertEquals("alpha", factory.engine().id());
        assertSame(JsEngines.factory("alpha"), factory);
        assertEquals(beta, CountingEngines.BETA_FACTORIES.get(), "beta's factory was made though only alpha was asked for");
        assertEquals(1, CountingEngines.ALPHA_FACTORIES.get());
    }

    @Test
    void theMapStillOffersEveryEngine() {
        Map<String, JsRuntimeFactory> all = Guice.createInjector(EnginesModule.named("alpha"))
                .getInstance(Key.get(new TypeLiteral<Map<String, JsRuntimeFactory>>() {}));
        assertEquals(java.util.Set.of("alpha", "beta"), all.keySet());
        assertEquals("beta", all.get("beta").engine().id());
    }

    @Test
    void anUnknownEngineNamesTheEnginesAvailable() {
        Injector injector = Guice.createInjector(EnginesModule.named("nope"));
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(JsRuntimeFactory.class));
        assertTrue(e.getMessage().contains("Unknown JavaScript engine 'nope'. Engines available: alpha, beta"), e.getMessage());
    }
}
