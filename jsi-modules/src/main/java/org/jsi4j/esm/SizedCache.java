package org.jsi4j.esm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * A JVM-wide cache of texts made from source text (translations, transpilations), least recently used
 * out once the entries weigh more than a budget (each entry weighed once, when put, by every string it holds).
 */
final class SizedCache<K, V> {
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final long budget;
    private final ToLongBiFunction<K, V> weigher;
    private long weight;

    SizedCache(long budget, ToLongBiFunction<K, V> weigher) {
        this.budget = budget;
        this.weigher = weigher;
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        V old = entries.put(key, value);
        if (old != null) weight -= weigher.applyAsLong(key, old);
        weight += weigher.applyAsLong(key, value);
        var it = entries.entrySet().iterator();
        while (weight > budget && it.hasNext()) {
            Map.Entry<K, V> e = it.next();
            weight -= weigher.applyAsLong(e.getKey(), e.getValue());
            it.remove();
        }
    }

    /** What the entries weigh now. */
    synchronized long weight() {
        return weight;
    }
}
