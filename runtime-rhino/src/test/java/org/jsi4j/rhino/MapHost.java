package org.jsi4j.rhino;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.HostObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/** A writable host object over a map, for tests. */
final class MapHost implements HostObject {
    final Map<String, JsValue> values = new LinkedHashMap<>();

    @Override
    public JsValue get(JsRuntime runtime, String name) {
        return values.getOrDefault(name, JsValue.undefined());
    }

    @Override
    public void set(JsRuntime runtime, String name, JsValue value) {
        values.put(name, value);
    }

    @Override
    public boolean has(JsRuntime runtime, String name) {
        return values.containsKey(name);
    }

    @Override
    public boolean delete(JsRuntime runtime, String name) {
        return values.remove(name) != null;
    }

    @Override
    public List<String> propertyNames(JsRuntime runtime) {
        return List.copyOf(values.keySet());
    }
}
