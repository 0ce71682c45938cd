package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IV8ModuleResolver;
import com.caoccao.javet.values.reference.IV8Module;
import com.caoccao.javet.values.reference.V8Module;
import com.caoccao.javet.values.reference.V8ValueObject;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.SourceLocation;
import org.jsi4j.JsValue;
import org.jsi4j.spi.NativeModules;

/**
 * V8's own ES modules through Javet ({@link V8Module}): compiled with {@code setModule(true)}, linked
 * with an {@link IV8ModuleResolver} that asks the module system for every import (never Javet's
 * module cache, which knows modules by name only), synthetic modules from objects.
 */
final class V8NativeModules implements NativeModules {
    /** Javet looks a name up in its own module cache first; no module is ever called this. */
    private static final String NEVER_CACHED = "\u0000jsi4j: resolved by the module system";

    private final V8Runtime rt;
    private final V8Entry entry;
    private final V8Backend backend;
    /** Every module made here: V8 holds each until it is closed, so the runtime closes them with itself. */
    private final java.util.List<V8Module> made = new java.util.ArrayList<>();

    /** Rewrites each module's source under a statement or depth limit, else null. */
    private final V8Counting counting;

    V8NativeModules(V8Runtime rt, V8Entry entry, V8Backend backend, V8Counting counting) {
        this.rt = rt;
        this.counting = counting;
        this.entry = entry;
        this.backend = backend;
    }

    @Override
    public Object compile(String source, String name) {
        String code = counting == null ? source : counting.compiled(source, name, true);
        return entry.js(() -> kept(rt.getExecutor(code).setResourceName(name).setModule(true).compileV8Module()));
    }

    private V8Module kept(V8Module module) {
        made.add(module);
        return module;
    }

    /** Closes the modules made here; called once, when the runtime closes. */
    void close() throws com.caoccao.javet.exceptions.JavetException {
        for (V8Module module : made) if (!module.isClosed()) module.close();
        made.clear();
    }

    @Override
    public Object synthetic(String name, JsObject exports) {
        return entry.v8(() -> {
            try (var object = (V8ValueObject) backend.toV8(exports)) {
                return kept(rt.createV8Module(name, object));
            }
        });
    }

    @Override
    public void link(Object module, Resolver resolver) {
        if (entry.v8(() -> ((V8Module) module).getStatus()) != IV8Module.Uninstantiated) return;
        RuntimeException[] failure = new RuntimeException[1];
        IV8ModuleResolver previous = rt.getV8ModuleResolver();
        rt.setV8ModuleResolver(new IV8ModuleResolver() {
            @Override
            public String getAbsoluteResourceName(V8Runtime v8Runtime, String resourceName, IV8Module referrer) {
                return NEVER_CACHED;
            }

            @Override
            public IV8Module resolve(V8Runtime v8Runtime, String specifier, IV8Module referrer) throws JavetException {
                try {
                    return (IV8Module) resolver.resolve(specifier, referrer.getResourceName());
                } catch (RuntimeException e) {
                    if (failure[0] == null) failure[0] = e;
                    throw e;
                }
            }
        });
        try {
            boolean linked = entry.js(() -> ((V8Module) module).instantiate());
            if (failure[0] != null) throw failure[0];
            if (!linked) throw new IllegalStateException("V8 did not link the module " + name(module));
        } catch (JsError e) {
            if (failure[0] != null) throw failure[0];
            // an import of a missing export: a syntax error at the import, as a parse error would be
            if (!"SyntaxError".equals(e.name().orElse(""))) throw e;
            throw new JsSyntaxError(e.jsMessage(), e.location().orElse(new SourceLocation(name(module), 1, 1)));
        } catch (RuntimeException e) {
            throw failure[0] != null ? failure[0] : e;
        } finally {
            rt.setV8ModuleResolver(previous);
        }
    }

    @Override
    public JsValue evaluate(Object module) {
        return entry.js(() -> {
            backend.beforeScript(((V8Module) module).getResourceName());
            return backend.toJs(((V8Module) module).evaluate(true));
        });
    }

    @Override
    public JsObject namespace(Object module) {
        return entry.v8(() -> (JsObject) backend.toJs(((V8Module) module).getNamespace()));
    }

    private static String name(Object module) {
        try {
            return ((V8Module) module).getResourceName();
        } catch (JavetException e) {
            return "?";
        }
    }
}
