package com.example.guice;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import java.util.Map;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.guice.EnginesModule;

/** An application service that gets its JavaScript engine injected. */
public final class ScriptService {
    private final JsRuntimeFactory factory;

    /** Guice calls this with the engine {@link EnginesModule} selected. */
    @Inject
    public ScriptService(JsRuntimeFactory factory) {
        this.factory = factory;
    }

    /** Runs {@code script} in a fresh runtime and returns its value as a string. */
    public String run(String script) {
        try (JsRuntime rt = factory.create()) {
            return rt.evaluate(script, "service.js").toString();
        }
    }

    /** The engine's id. */
    public String engine() {
        return factory.engine().id();
    }

    /** The injector of this application: GraalJS in strict mode (an engine option). */
    public static Injector injector() {
        return Guice.createInjector(EnginesModule.named("graal").withEngineOptions(Map.of("graal.js.strict", "true")));
    }

    /** {@code java com.example.guice.ScriptService SCRIPT}. */
    public static void main(String[] args) {
        ScriptService service = injector().getInstance(ScriptService.class);
        System.out.println(service.engine() + ": " + service.run(args.length > 0 ? args[0] : "'strict: ' + (function () { return this === undefined; })()"));
    }
}
