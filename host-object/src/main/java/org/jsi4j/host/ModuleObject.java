package org.jsi4j.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * A {@link NativeModule} seen from one runtime: functions made once (so {@code m.f === m.f}),
 * properties read and written through Java, constants converted once.
 */
final class ModuleObject extends MethodHostObject {
    private final NativeModule module;
    private final List<String> valueNames = new ArrayList<>();
    private final Map<String, JsRef<JsObject>> constants = new HashMap<>();

    ModuleObject(NativeModule module) {
        super(functions(module));
        this.module = module;
        for (Member m : module.members().values()) if (!(m instanceof Member.Function)) valueNames.add(m.name());
    }

    private static List<Method> functions(NativeModule module) {
        List<Method> methods = new ArrayList<>();
        for (Member m : module.members().values()) {
            if (m instanceof Member.Function f) methods.add(new Method(f.name(), f.length(), f.body()));
        }
        return methods;
    }

    @Override
    protected List<String> valueNames() {
        return valueNames;
    }

    @Override
    protected JsValue value(JsRuntime runtime, String name) {
        return switch (module.members().get(name)) {
            case Member.Property p -> p.getter().call(runtime, JsValue.undefined(), List.of());
            case Member.Constant c -> constant(runtime, c);
            case null, default -> JsValue.undefined();
        };
    }

    private JsValue constant(JsRuntime runtime, Member.Constant c) {
        JsRef<JsObject> kept = constants.get(c.name());
        if (kept != null) return kept.get();
        JsValue value = TypeMapping.toJs(runtime, c.value());
        if (value instanceof JsObject o) constants.put(c.name(), o.persist());
        return value;
    }

    @Override
    public void set(JsRuntime runtime, String name, JsValue value) {
        bind(runtime);
        if (module.members().get(name) instanceof Member.Property p && p.setter() != null) {
            p.setter().call(runtime, JsValue.undefined(), List.of(value));
            return;
        }
        String what = module.members().containsKey(name) ? "it is read-only" : "modules cannot gain new properties";
        throw JsError.of(JsErrorType.TYPE_ERROR, "Cannot set property '" + name + "' of module '" + module.name() + "': " + what);
    }

    @Override
    public void release() {
        constants.values().forEach(JsRef::close);
        constants.clear();
        super.release();
    }
}
