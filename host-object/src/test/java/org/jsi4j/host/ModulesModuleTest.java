package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.util.List;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.Test;

class ModulesModuleTest {
    /** A module bound through Guice. */
    @JsModule("login")
    public static final class LoginModule implements ModuleProvider {
        private String user = "";

        @JsMethod public boolean login(String name) {
            user = name;
            return true;
        }

        @JsMethod public void logout() {
            user = "";
        }

        @JsProperty public String getUser() {
            return user;
        }
    }

    @Test
    void multiboundModulesAreRequireable() {
        ModuleRegistry registry = Guice.createInjector(new ModulesModule(false), new AbstractModule() {
            @Override
            protected void configure() {
                ModulesModule.addModule(binder()).to(LoginModule.class);
                ModulesModule.addModule(binder()).toInstance(NativeModule.builder("flags").constant("debug", true).build());
            }
        }).getInstance(ModuleRegistry.class);
        assertEquals(List.of("flags", "login"), registry.names());
        try (JsRuntime rt = JsEngines.factory("rhino").create()) {
            registry.install(rt);
            assertEquals(JsValue.of("ada true"), rt.evaluate(
                    "var l = require('login'); l.login('ada'); l.user + ' ' + require('flags').debug", "t.js"));
            assertEquals(JsValue.of(""), rt.evaluate("l.logout(); l.user", "t.js"));
        }
    }

    @Test
    void discoveryAddsServiceLoaderModules() {
        ModuleRegistry registry = Guice.createInjector(new ModulesModule()).getInstance(ModuleRegistry.class);
        assertEquals(ModuleRegistry.discover().names(), registry.names());
        assertEquals(List.of("discovered"), registry.names());
    }
}
