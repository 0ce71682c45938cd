package org.jsi4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A writable host object over a map: property reads, writes, {@code in}, {@code delete} and key
 * listings from JavaScript all go to {@link #values()}, in insertion order. Handy as a store a
 * native module shares with scripts, and as the simplest {@link HostObject} to start from. Like
 * every host object it is used on its runtime's owner thread.
 */
public final class MapHostObject implements HostObject {
    private final Map<String, JsValue> values = new LinkedHashMap<>();

    /** The live map behind the object; changes show in JavaScript at once. */
    public Map<String, JsValue> values() {
        return values;
    }

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
