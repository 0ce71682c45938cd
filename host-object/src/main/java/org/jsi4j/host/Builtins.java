package org.jsi4j.host;

import java.util.List;
import java.util.Objects;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;

/**
 * Installs the built-in host objects in a runtime's global scope: {@code console}
 * ({@link Console}) and {@code jsi} ({@link JsiObject}).
 * <pre>{@code
 * try (JsRuntime rt = JsEngines.selected().create()) {
 *     Builtins.install(rt, ConsoleSink.standard(), List.of("--verbose"));
 *     rt.evaluate("console.log('%s on %s', jsi.args[0], jsi.engine)", "main.js");
 * }
 * }</pre>
 */
public final class Builtins {
    private Builtins() {
    }

    /** Installs {@code console} writing to standard output and error, and {@code jsi} with no arguments. */
    public static void install(JsRuntime runtime) {
        install(runtime, ConsoleSink.standard(), List.of());
    }

    /**
     * Installs {@code console} writing to {@code sink} and {@code jsi} with {@code scriptArgs} as
     * {@code jsi.args}, replacing any global of those names.
     */
    public static void install(JsRuntime runtime, ConsoleSink sink, List<String> scriptArgs) {
        Objects.requireNonNull(runtime, "runtime");
        JsObject global = runtime.global();
        global.set("console", runtime.hostObject(new Console(sink)));
        global.set("jsi", runtime.hostObject(new JsiObject(scriptArgs)));
    }
}
