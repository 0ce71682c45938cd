package org.jsi4j.examples.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.jsi4j.host.JsMethod;
import org.jsi4j.host.JsModule;
import org.jsi4j.host.JsProperty;
import org.jsi4j.host.ModuleProvider;

/**
 * An example native module: an in-memory key-value store, {@code require('storage')}. It shows
 * each kind of member: functions ({@code get}, {@code set}, {@code remove}, {@code keys},
 * {@code entries}, {@code putAll}), a read-only property ({@code size}), a read-write property
 * ({@code prefix}), a constant ({@code MAX_KEYS}), a JavaScript callback received as a Java
 * {@link BiConsumer} ({@code onChange}) and a {@link CompletableFuture} that becomes a
 * {@code Promise} ({@code load}). {@code examples/storage.js} uses it. Listed in
 * {@code META-INF/services/org.jsi4j.host.ModuleProvider} of this example jar (not of the
 * {@code host-object} library), which {@code ./jsi run} has on its class path.
 *
 * <p>Each runtime gets its own instance (a {@code @JsModule} is per runtime unless it says
 * {@code shared = true}), so one runtime's keys and {@code onChange} callbacks never reach another.
 */
@JsModule("storage")
public final class StorageModule implements ModuleProvider {
    /** The most keys the store holds. */
    @JsProperty
    public static final int MAX_KEYS = 1000;

    /** One key and its value. */
    public record Entry(String key, String value) {
    }

    private final Map<String, String> values = new TreeMap<>();
    private final List<BiConsumer<String, Optional<String>>> listeners = new ArrayList<>();
    private String prefix = "";

    /** The value stored under {@code key}, or {@code undefined}. */
    @JsMethod
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.get(prefix + key));
    }

    /** Stores {@code value} under {@code key}; a TypeError-free {@code Error} when the store is full. */
    @JsMethod
    public void set(String key, String value) {
        synchronized (this) {
            if (!values.containsKey(prefix + key) && values.size() >= MAX_KEYS) {
                throw new IllegalStateException("storage is full (" + MAX_KEYS + " keys); remove some first");
            }
            values.put(prefix + key, value);
        }
        notify(key, Optional.of(value));
    }

    /** Removes {@code key}; true when it was there. */
    @JsMethod
    public boolean remove(String key) {
        boolean removed;
        synchronized (this) {
            removed = values.remove(prefix + key) != null;
        }
        if (removed) notify(key, Optional.empty());
        return removed;
    }

    /** Every key, sorted. */
    @JsMethod
    public synchronized List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** Every entry, sorted by key, as {@code {key, value}} objects. */
    @JsMethod
    public synchronized List<Entry> entries() {
        return values.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
    }

    /** Stores every entry of {@code object}; returns how many. */
    @JsMethod
    public int putAll(Map<String, String> object) {
        object.forEach(this::set);
        return object.size();
    }

    /** Calls {@code listener(key, valueOrUndefined)} after each change made through this module. */
    @JsMethod
    public synchronized void onChange(BiConsumer<String, Optional<String>> listener) {
        listeners.add(listener);
    }

    /** A promise of the value under {@code key}, looked up on another thread as a slow store would. */
    @JsMethod
    public CompletableFuture<Optional<String>> load(String key) {
        return CompletableFuture.supplyAsync(() -> get(key));
    }

    /** How many keys are stored. */
    @JsProperty
    public synchronized int getSize() {
        return values.size();
    }

    /** The prefix added to every key (namespacing), {@code ''} by default. */
    @JsProperty
    public synchronized String getPrefix() {
        return prefix;
    }

    /** Sets the prefix added to every key. */
    @JsProperty
    public synchronized void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    private void notify(String key, Optional<String> value) {
        List<BiConsumer<String, Optional<String>>> now;
        synchronized (this) {
            now = List.copyOf(listeners);
        }
        for (BiConsumer<String, Optional<String>> l : now) l.accept(key, value);
    }
}
