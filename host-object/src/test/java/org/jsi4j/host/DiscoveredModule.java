package org.jsi4j.host;

import java.util.HashMap;
import java.util.Map;

/** A module these tests list in {@code META-INF/services}, so that {@link ModuleRegistry#discover()} finds it. */
@JsModule("discovered")
public final class DiscoveredModule implements ModuleProvider {
    private final Map<String, String> values = new HashMap<>();

    /** Stores {@code value} under {@code key}. */
    @JsMethod public void set(String key, String value) {
        values.put(key, value);
    }

    /** The value under {@code key}, or null. */
    @JsMethod public String get(String key) {
        return values.get(key);
    }
}
