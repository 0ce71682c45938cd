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

    @Test
    void engineOptionsReachEveryRuntimeOfTheSelectedFactory() {
        JsRuntimeFactory factory = Guice.createInjector(EnginesModule.named("alpha").withEngineOptions(Map.of("alpha.level", "2")))
                .getInstance(JsRuntimeFactory.class);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, factory::create);
        assertEquals("test engine alpha {level=2}", e.getMessage());
    }

    @Test
    void aBadEngineOptionFailsWhenTheFactoryIsInjectedNamingTheEngine() {
        Injector injector = Guice.createInjector(EnginesModule.named("alpha").withEngineOptions(Map.of("alpha.levle", "2")));
        ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(JsRuntimeFactory.class));
        assertTrue(e.getMessage().contains("Unknown engine option 'alpha.levle' for engine alpha; it accepts alpha.level"), e.getMessage());
        Injector malformed = Guice.createInjector(EnginesModule.named("alpha").withEngineOptions(Map.of("alpha.level", "9")));
        ProvisionException m = assertThrows(ProvisionException.class, () -> malformed.getInstance(JsRuntimeFactory.class));
        assertTrue(m.getMessage().contains("Engine option alpha.level=9 for engine alpha: 9 is out of range"), m.getMessage());
    }
}
