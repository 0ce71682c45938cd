package org.jsi4j.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Compiled scripts shared by every runtime of one factory, so that a script (a library bundle,
 * a prepared script) is compiled once and run in many runtimes: a backend keeps one per factory
 * and asks it for the engine's compiled form of a source ({@code T}: a Rhino {@code Script}, V8
 * code-cache bytes, ...). Keyed by source name and text; least recently used entries go when the
 * cached sources exceed {@code maxChars} or there are more than {@code maxEntries} of them (a
 * compiled form may hold engine memory, such as a generated class, whatever its source's size).
 * Sources shorter than {@code minChars} are not cached: a backend sets it where compiling a small
 * source costs less than a lookup hashes it. Thread-safe; the compiled form must be safe to
 * use from several runtimes (and threads) at once.
 *
 * @param <T> the engine's compiled form
 */
public final class ScriptCache<T> {
    private record Key(String sourceName, String source) {
    }

    private final int minChars;
    private final long maxChars;
    private final int maxEntries;
    private final LinkedHashMap<Key, T> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;
    private long hits;
    private long misses;

    /**
     * @param minChars sources shorter than this are compiled each time, not cached
     * @param maxChars the most source text (in chars) whose compiled forms are kept
     */
    public ScriptCache(int minChars, long maxChars) {
        this(minChars, maxChars, Integer.MAX_VALUE);
    }

    /**
     * @param minChars sources shorter than this are compiled each time, not cached
     * @param maxChars the most source text (in chars) whose compiled forms are kept
     * @param maxEntries the most compiled forms kept
     */
    public ScriptCache(int minChars, long maxChars, int maxEntries) {
        if (minChars < 0 || maxChars < 0 || maxEntries < 0) throw new IllegalArgumentException("sizes must be >= 0");
        this.minChars = minChars;
        this.maxChars = maxChars;
        this.maxEntries = maxEntries;
    }

    /**
     * The compiled form of {@code source}: the cached one, or what {@code compile} makes (then
     * cached). Two runtimes asking at once may both compile; one result is kept.
     *
     * @throws RuntimeException what {@code compile} throws (a syntax error is not cached)
     */
    public T get(String sourceName, String source, Supplier<T> compile) {
        if (!caches(source)) return compile.get();
        Key key = new Key(Objects.requireNonNull(sourceName, "sourceName"), source);
        synchronized (this) {
            T cached = entries.get(key);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        T made = Objects.requireNonNull(compile.get(), "compile");
        synchronized (this) {
            T raced = entries.putIfAbsent(key, made);
            if (raced != null) return raced;
            added(source);
        }
        return made;
    }

    /**
     * The cached compiled form of {@code source}, or {@code null} (counted as a miss) when there is
     * none or the source is too small or too large to cache: for a backend whose compiled form is
     * made after the script ran (V8's code cache), which then hands it to {@link #put}.
     */
    public synchronized T find(String sourceName, String source) {
        if (!caches(source)) return null;
        T cached = entries.get(new Key(Objects.requireNonNull(sourceName, "sourceName"), source));
        if (cached != null) hits++;
        else misses++;
        return cached;
    }

    /**
     * Keeps {@code compiled} as the compiled form of {@code source}, replacing any (one the engine
     * found stale); nothing happens for a source too small or too large to cache.
     */
    public synchronized void put(String sourceName, String source, T compiled) {
        if (!caches(source)) return;
        T old = entries.put(new Key(Objects.requireNonNull(sourceName, "sourceName"), source),
                Objects.requireNonNull(compiled, "compiled"));
        if (old == null) added(source);
    }

    /** Whether sources of this size are cached at all. */
    public boolean caches(String source) {
        return source.length() >= minChars && source.length() <= maxChars;
    }

    private void added(String source) {
        chars += source.length();
        var it = entries.entrySet().iterator();
        while ((chars > maxChars || entries.size() > maxEntries) && it.hasNext()) {
            Map.Entry<Key, T> eldest = it.next();
            chars -= eldest.getKey().source().length();
            it.remove();
        }
    }

    /** Lookups that found a compiled form. */
    public synchronized long hits() {
        return hits;
    }

    /** Lookups that compiled (sources too small or too large to cache are not counted). */
    public synchronized long misses() {
        return misses;
    }

    /** Forgets every compiled form. */
    public synchronized void clear() {
        entries.clear();
        chars = 0;
    }
}
