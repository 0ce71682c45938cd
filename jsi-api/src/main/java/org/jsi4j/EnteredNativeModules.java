package org.jsi4j;

import org.jsi4j.spi.NativeModules;

/** An engine's {@link NativeModules} with each call an entry of its runtime ({@link JsRuntime#nativeModules()}). */
final class EnteredNativeModules implements NativeModules {
    private final JsRuntime rt;
    private final NativeModules engine;

    EnteredNativeModules(JsRuntime rt, NativeModules engine) {
        this.rt = rt;
        this.engine = engine;
    }

    @Override
    public Object compile(String source, String name) {
        return rt.entered(() -> engine.compile(source, name));
    }

    @Override
    public Object synthetic(String name, JsObject exports) {
        return rt.entered(() -> engine.synthetic(name, exports));
    }

    @Override
    public void link(Object module, Resolver resolver) {
        rt.entered(() -> {
            engine.link(module, resolver);
            return null;
        });
    }

    @Override
    public JsValue evaluate(Object module) {
        return rt.entered(() -> engine.evaluate(module));
    }

    @Override
    public boolean importsByName() {
        return engine.importsByName();
    }

    @Override
    public String specifier(String name, int width) {
        return engine.specifier(name, width);
    }

    @Override
    public JsObject namespace(Object module) {
        return rt.entered(() -> engine.namespace(module));
    }
}
