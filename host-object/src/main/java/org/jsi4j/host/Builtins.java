package org.jsi4j.host;

import java.util.List;
import java.util.Objects;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;

/**
 * Installs the built-ins in a runtime's global scope: {@code console} ({@link Console}),
 * {@code jsi} ({@link JsiObject}), the timer functions ({@link Timers}: {@code setTimeout},
 * {@code setInterval}, {@code clearTimeout}, {@code clearInterval}, {@code queueMicrotask}) and
 * {@code require} ({@link ModuleRegistry}), which loads {@code 'console'}, {@code 'timers'} (the
 * same objects as the globals) and the given modules.
 * <pre>{@code
 * try (JsRuntime rt = JsEngines.selected().create()) {
 *     Builtins.install(rt, ConsoleSink.standard(), List.of("--verbose"));
 *     rt.evaluate("setTimeout(function () { console.log('%s on %s', jsi.args[0], jsi.engine); }, 10)", "main.js");
 *     rt.runEventLoop(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class Builtins {
    private Builtins() {
    }

    /** Installs the built-ins with console on standard output and error, no arguments, and the discovered modules. */
    public static void install(JsRuntime runtime) {
        install(runtime, ConsoleSink.standard(), List.of());
    }

    /**
     * Installs the built-ins with console writing to {@code sink}, {@code scriptArgs} as
     * {@code jsi.args}, and {@code require} loading the modules {@link ModuleRegistry#discover()} finds.
     */
    public static void install(JsRuntime runtime, ConsoleSink sink, List<String> scriptArgs) {
        install(runtime, sink, scriptArgs, ModuleRegistry.discover());
    }

    /**
     * Installs the built-ins, replacing any global of their names, with {@code require} loading
     * {@code console}, {@code timers} and {@code modules}.
     *
     * @throws IllegalArgumentException when {@code modules} has a module named console or timers
     */
    public static void install(JsRuntime runtime, ConsoleSink sink, List<String> scriptArgs, ModuleRegistry modules) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(modules, "modules");
        JsObject global = runtime.global();
        JsRef<JsObject> console = runtime.hostObject(new Console(sink)).persist();
        JsRef<JsObject> timers = runtime.hostObject(new Timers()).persist();
        global.set("console", console.get());
        global.set("jsi", runtime.hostObject(new JsiObject(scriptArgs)));
        Timers.installGlobals(runtime, timers.get());
        withBuiltins(rt -> console.get(), rt -> timers.get(), modules).install(runtime);
    }

    /**
     * What {@code require} loads beside the built-in globals: {@code 'console'} and {@code 'timers'}
     * (the objects {@code console} and {@code timers} give, the same as the globals) and {@code modules}.
     * {@code jsi run} and the init scripts of {@code jsi snapshot create} require through the same registry.
     *
     * @throws IllegalArgumentException when {@code modules} has a module named console or timers
     */
    public static ModuleRegistry withBuiltins(java.util.function.Function<JsRuntime, JsObject> console,
                                              java.util.function.Function<JsRuntime, JsObject> timers, ModuleRegistry modules) {
        return ModuleRegistry.of(ModuleProvider.of("console", console), ModuleProvider.of("timers", timers))
                .plus(Objects.requireNonNull(modules, "modules"));
    }
}
