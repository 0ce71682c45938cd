package org.jsi4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.host.Console;
import org.jsi4j.host.ConsoleSink;
import org.jsi4j.host.JsiObject;
import org.jsi4j.host.ModuleRegistry;
import org.jsi4j.host.Timers;

/**
 * The built-ins {@code jsi} gives scripts as named externals ({@code console}, {@code jsi},
 * {@code require} and the timer functions), so that init scripts of {@code jsi snapshot create}
 * can use them, a snapshot holds them by name and {@code jsi run --snapshot} rebinds them.
 */
final class CliExternals {
    private CliExternals() {
    }

    /** The built-ins by global name: host objects and host functions, {@code console} writing to {@code sink}. */
    static Map<String, Object> of(ConsoleSink sink, List<String> args) {
        Map<String, Object> byName = new LinkedHashMap<>();
        byName.put("console", new Console(sink));
        byName.put("jsi", new JsiObject(args));
        Timers timersObject = new Timers();
        Delegate.Shared<JsObject> timers = new Delegate.Shared<>(rt -> rt.hostObject(timersObject));
        // the registry of jsi run (Builtins.install): console, timers and the native modules found
        byName.put("require", new Delegate(rt -> org.jsi4j.host.Builtins.withBuiltins(
                r -> r.global().get("console").asObject(), timers::get, ModuleRegistry.discover()).requireFunction(rt), () -> { }));
        Runnable releaseTimers = () -> {
            timersObject.release();
            timers.release();
        };
        for (String name : Timers.NAMES) {
            byName.put(name, new Delegate(rt -> timers.get(rt).get(name).asFunction(), releaseTimers));
        }
        return byName;
    }

    /** Binds each as a named external of a runtime made for snapshotting. */
    static void bind(JsRuntime runtime, Map<String, Object> externals) {
        externals.forEach((name, impl) -> {
            if (impl instanceof HostFunction f) runtime.external(name, 1, f);
            else runtime.external(name, (HostObject) impl);
        });
    }

    /**
     * Lets go of the functions and objects the built-ins made while the init scripts ran (console
     * methods, the timers, require), so that an engine can take its native heap image: alive, they
     * are host functions that are not named externals. Used again, they are made again.
     */
    static void releaseMade(Map<String, Object> externals) {
        for (Object impl : externals.values()) {
            if (impl instanceof HostObject h) h.release();
            else if (impl instanceof Delegate d) d.release();
        }
    }

    /** A host function that calls the built-in function made, on first use, in the runtime that calls it. */
    private static final class Delegate implements HostFunction {
        private final Shared<JsFunction> target;
        private final Runnable alsoRelease;

        Delegate(Function<JsRuntime, JsFunction> maker, Runnable alsoRelease) {
            this.target = new Shared<>(maker);
            this.alsoRelease = alsoRelease;
        }

        void release() {
            target.release();
            alsoRelease.run();
        }

        @Override
        public org.jsi4j.JsValue call(JsRuntime runtime, org.jsi4j.JsValue self, List<org.jsi4j.JsValue> args) {
            return target.get(runtime).callWithThis(self, args);
        }

        /** One object per runtime, made on first use and kept until the runtime closes. */
        static final class Shared<T extends JsObject> {
            private final Function<JsRuntime, T> maker;
            private JsRuntime owner;
            private JsRef<T> made;

            Shared(Function<JsRuntime, T> maker) {
                this.maker = maker;
            }

            void release() {
                if (made != null && !owner.isClosed()) made.close();
                made = null;
            }

            T get(JsRuntime runtime) {
                if (made == null || owner != runtime || runtime.isClosed()) {
                    owner = runtime;
                    made = runtime.persist(maker.apply(runtime));
                }
                return made.get();
            }
        }
    }
}
