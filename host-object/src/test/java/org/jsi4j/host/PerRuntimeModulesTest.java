package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.tools.ToolProvider;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerRuntimeModulesTest {
    /** Every instance made and every close call, in order. */
    static final List<Object> EVENTS = new ArrayList<>();

    /** A module with a callback and a close hook, one instance per runtime. */
    @JsModule("events")
    public static final class EventsModule implements ModuleProvider {
        private final List<Consumer<String>> listeners = new ArrayList<>();

        public EventsModule() {
            EVENTS.add(this);
        }

        @JsMethod public void on(Consumer<String> listener) {
            listeners.add(listener);
        }

        @JsMethod public int emit(String event) {
            listeners.forEach(l -> l.accept(event));
            return listeners.size();
        }

        @Override
        public void close(JsRuntime runtime) {
            EVENTS.add("closed " + System.identityHashCode(this));
        }
    }

    /** A module that asks for one instance everywhere. */
    @JsModule(value = "counter", shared = true)
    public static final class SharedCounter implements ModuleProvider {
        private int count;

        @JsMethod public synchronized int next() {
            return ++count;
        }

        @Override
        public void close(JsRuntime runtime) {
            EVENTS.add("counter closed");
        }
    }

    private static JsRuntime runtime(ModuleRegistry modules) {
        JsRuntime rt = JsEngines.factory("rhino").create();
        modules.install(rt);
        return rt;
    }

    @Test
    void eachRuntimeGetsItsOwnInstanceAndItsCallbacksDieWithIt() {
        EVENTS.clear();
        Supplier<EventsModule> factory = EventsModule::new;
        ModuleRegistry modules = ModuleRegistry.empty().plusPerRuntime(List.of(factory));
        JsRuntime a = runtime(modules);
        a.evaluate("var seen = []; require('events').on(function (e) { seen.push(e); })", "a.js");
        try (JsRuntime b = runtime(modules)) {
            a.close(); // A's listener is gone with A
            assertEquals(JsValue.of(0), b.evaluate("require('events').emit('after A closed')", "b.js"), "B sees no listener of A's");
            assertEquals(JsValue.of(1), b.evaluate("require('events').on(function () {}); require('events').emit('x')", "b.js"));
            assertEquals(JsValue.of(true), b.evaluate("require('events') === require('events')", "b.js"));
        }
        // the probe that named the module, then one instance per runtime, each closed with its runtime
        List<Object> made = EVENTS.stream().filter(EventsModule.class::isInstance).toList();
        assertEquals(3, made.size(), EVENTS.toString());
        assertEquals(List.of("closed " + System.identityHashCode(made.get(1)), "closed " + System.identityHashCode(made.get(2))),
                EVENTS.stream().filter(String.class::isInstance).toList());
    }

    @Test
    void aSharedModuleIsOneInstanceClosedOncePerRuntime() {
        EVENTS.clear();
        Supplier<SharedCounter> factory = SharedCounter::new;
        ModuleRegistry modules = ModuleRegistry.empty().plusPerRuntime(List.of(factory));
        try (JsRuntime a = runtime(modules); JsRuntime b = runtime(modules)) {
            assertEquals(JsValue.of(1), a.evaluate("require('counter').next()", "a.js"));
            assertEquals(JsValue.of(2), b.evaluate("require('counter').next()", "b.js"));
        }
        assertEquals(List.of("counter closed", "counter closed"), EVENTS);
    }

    @Test
    void discoveredModulesAreNotShared() {
        ModuleRegistry modules = ModuleRegistry.discover();
        try (JsRuntime a = runtime(modules); JsRuntime b = runtime(modules)) {
            a.evaluate("require('discovered').set('k', 'from A')", "a.js");
            assertEquals(JsValue.of("from A"), a.evaluate("require('discovered').get('k')", "a.js"));
            assertEquals(JsValue.nullValue(), b.evaluate("require('discovered').get('k')", "b.js"));
        }
    }

    @Test
    void guiceBindingsToAClassArePerRuntimeAndToAnInstanceShared() {
        EventsModule one = new EventsModule();
        ModuleRegistry modules = Guice.createInjector(new ModulesModule(false), new AbstractModule() {
            @Override
            protected void configure() {
                ModulesModule.addModule(binder()).to(EventsModule.class);
                ModulesModule.addModule(binder()).toInstance(NativeModule.builder("flags").constant("debug", true).build());
            }
        }).getInstance(ModuleRegistry.class);
        EVENTS.clear();
        try (JsRuntime a = runtime(modules); JsRuntime b = runtime(modules)) {
            a.evaluate("require('events'); require('flags')", "a.js");
            b.evaluate("require('events'); require('flags')", "b.js");
        }
        List<Object> made = EVENTS.stream().filter(EventsModule.class::isInstance).toList();
        assertEquals(2, made.size(), EVENTS.toString());
        assertNotSame(made.get(0), made.get(1));
        assertTrue(!made.contains(one));
        ModuleRegistry explicit = ModuleRegistry.of(one);
        EVENTS.clear();
        try (JsRuntime a = runtime(explicit); JsRuntime b = runtime(explicit)) {
            a.evaluate("require('events').on(function () {})", "a.js");
            assertEquals(JsValue.of(1), b.evaluate("require('events').emit('x')", "b.js"), "an instance given is that instance everywhere");
        }
    }

    @Test
    void parameterNamesWithoutDashParametersReadArgN(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("p/Greeter.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package p; import org.jsi4j.host.*;"
                + " @JsModule(\"greeter\") public class Greeter implements ModuleProvider {"
                + " @JsMethod public String greet(String name, int times) { return name.repeat(times); } }");
        compile(src, dir, false);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
             JsRuntime rt = JsEngines.factory("rhino").create()) {
            ModuleProvider greeter = (ModuleProvider) loader.loadClass("p.Greeter").getConstructor().newInstance();
            ModuleRegistry.of(greeter).install(rt);
            assertEquals(JsValue.of("greeter.greet() takes 2 arguments (arg1, arg2), got 1"),
                    rt.evaluate("try { require('greeter').greet('a') } catch (e) { e.message }", "g.js"));
        }
    }

    private static void compile(Path source, Path out, boolean parameters) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path")));
        if (parameters) args.add("-parameters");
        args.add(source.toString());
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
    }
}
