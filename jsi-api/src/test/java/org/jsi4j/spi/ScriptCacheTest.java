package org.jsi4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScriptCacheTest {
    private static final String BIG = "x".repeat(100);

    @Test
    void aSourceIsCompiledOnceByNameAndText() {
        ScriptCache<Object> cache = new ScriptCache<>(10, 1_000);
        AtomicInteger compiles = new AtomicInteger();
        Object first = cache.get("a.js", BIG, () -> new Object[] {compiles.incrementAndGet()});
        assertSame(first, cache.get("a.js", BIG, () -> new Object[] {compiles.incrementAndGet()}));
        assertSame(first, cache.get("a.js", new String(BIG.toCharArray()), Object::new), "equal text, not the same String");
        assertNotSame(first, cache.get("b.js", BIG, Object::new), "another name is another script");
        assertNotSame(first, cache.get("a.js", BIG + " ", Object::new), "another text is another script");
        assertEquals(1, compiles.get());
        assertEquals(2, cache.hits());
        assertEquals(3, cache.misses());
    }

    @Test
    void smallSourcesAreNotCached() {
        ScriptCache<Object> cache = new ScriptCache<>(10, 1_000);
        assertNotSame(cache.get("a.js", "1", Object::new), cache.get("a.js", "1", Object::new));
        assertEquals(0, cache.hits() + cache.misses());
    }

    @Test
    void theLeastRecentlyUsedGoWhenTheTextExceedsTheBudget() {
        ScriptCache<Object> cache = new ScriptCache<>(10, 250);
        Object a = cache.get("a.js", BIG, Object::new);
        Object b = cache.get("b.js", BIG, Object::new);
        assertSame(a, cache.get("a.js", BIG, Object::new)); // a is now the most recent
        cache.get("c.js", BIG, Object::new);                 // 300 chars: b goes
        assertSame(a, cache.get("a.js", BIG, Object::new));
        assertNotSame(b, cache.get("b.js", BIG, Object::new));
    }

    @Test
    void theLeastRecentlyUsedGoWhenThereAreTooManyEntries() {
        ScriptCache<Object> cache = new ScriptCache<>(0, 1_000_000, 2);
        Object one = cache.get("a.js", "1", Object::new);
        Object two = cache.get("b.js", "2", Object::new);
        assertSame(one, cache.get("a.js", "1", Object::new)); // a is now the most recent
        cache.get("c.js", "3", Object::new);                   // a third entry: b goes
        assertSame(one, cache.get("a.js", "1", Object::new));
        assertNotSame(two, cache.get("b.js", "2", Object::new));
        assertThrows(IllegalArgumentException.class, () -> new ScriptCache<>(0, 1, -1));
    }

    @Test
    void aFailedCompileIsNotCached() {
        ScriptCache<Object> cache = new ScriptCache<>(10, 1_000);
        assertThrows(IllegalStateException.class, () -> cache.get("a.js", BIG, () -> {
            throw new IllegalStateException("syntax");
        }));
        Object ok = cache.get("a.js", BIG, Object::new);
        assertSame(ok, cache.get("a.js", BIG, Object::new));
    }

    @Test
    void findAndPutReplaceAStaleFormAndSkipSourcesOutsideTheLimits() {
        ScriptCache<Object> cache = new ScriptCache<>(10, 250);
        assertNull(cache.find("a.js", BIG));
        assertEquals(1, cache.misses());
        Object stale = new Object();
        Object fresh = new Object();
        cache.put("a.js", BIG, stale);
        cache.put("a.js", BIG, fresh);
        assertSame(fresh, cache.find("a.js", BIG));
        assertEquals(1, cache.hits());
        assertNull(cache.find("b.js", BIG), "another name is another entry");
        cache.put("small.js", "1", stale);
        assertNull(cache.find("small.js", "1"), "too small to cache");
        assertFalse(cache.caches("1"));
        String other = "y".repeat(200);
        cache.put("c.js", other, stale);
        assertNull(cache.find("a.js", BIG), "the least recently used entry went past maxChars");
        assertSame(stale, cache.find("c.js", other));
    }
}
