package org.jsi4j.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsi4j.HostObject;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * A host object over a map, for tests: readable always, writable and deletable when made so.
 * Objects written into it are kept with {@link JsObject#persist()} so they outlive the callback.
 */
final class MapHostObject implements HostObject {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final boolean writable;
    final List<String> log = new ArrayList<>();
    final AtomicInteger released = new AtomicInteger();
    JsRuntime lastRuntime;

    MapHostObject(boolean writable) {
        this.writable = writable;
    }

    /** Puts a primitive from Java. */
    MapHostObject with(String name, JsValue primitive) {
        values.put(name, primitive);
        return this;
    }

    /** The value held under {@code name}, or null. */
    JsValue peek(String name) {
        Object v = values.get(name);
        return v instanceof JsRef<?> ref ? ref.get() : (JsValue) v;
    }

    boolean contains(String name) {
        return values.containsKey(name);
    }

    @Override
    public JsValue get(JsRuntime runtime, String name) {
        lastRuntime = runtime;
        log.add("get " + name);
        JsValue v = peek(name);
        return v == null ? JsValue.undefined() : v;
    }

    @Override
    public void set(JsRuntime runtime, String name, JsValue value) {
        log.add("set " + name);
        if (!writable) HostObject.super.set(runtime, name, value);
        else values.put(name, value instanceof JsObject o ? o.persist() : value);
    }

    @Override
    public boolean has(JsRuntime runtime, String name) {
        log.add("has " + name);
        return values.containsKey(name);
    }

    @Override
    public boolean delete(JsRuntime runtime, String name) {
        log.add("delete " + name);
        if (!writable) return false;
        Object old = values.remove(name);
        if (old instanceof JsRef<?> ref) ref.close();
        return true;
    }

    @Override
    public List<String> propertyNames(JsRuntime runtime) {
        return List.copyOf(values.keySet());
    }

    @Override
    public void release() {
        released.incrementAndGet();
    }
}
