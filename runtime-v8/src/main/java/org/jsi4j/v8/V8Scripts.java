package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8Script;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.jsi4j.spi.ScriptCache;

/**
 * The V8 code cache of one {@link V8RuntimeFactory}, shared by all its runtimes: V8's serialized
 * compiled code ({@code ScriptCompiler::CreateCodeCache}, through Javet's
 * {@link V8Script#getCachedData()}) for each script source, keyed by source name and text, so a later
 * runtime deserializes the code instead of parsing and compiling again. The data is plain bytes,
 * holding no handle of the isolate that made it (a runtime stays snapshottable). An evaluated
 * script's data is made the second time its source is seen (serializing costs more than compiling,
 * so one-off scripts are not serialized), after it ran, so it holds the functions the run compiled
 * too; a prepared script's right after compiling it the first time.
 *
 * <p>V8 checks little itself: its source hash is the source's length, and a payload is checksummed
 * only in debug builds. Hence the full text in the key (data is never offered for another source),
 * and a check of each entry's header against one this runtime made (V8 version, flags, read-only
 * snapshot) and the source's length before V8 sees it: a mismatched or damaged entry is not used,
 * the script is compiled afresh and its new data replaces the entry. Javet 5.0.6 does not report
 * whether V8 itself rejected data; V8 then compiles the source as if there were none (the result is
 * the same, only the time is lost).
 */
final class V8Scripts {
    /** Sources below 1 KB are compiled each time: V8 parses them faster than the cache is consulted. */
    static final int MIN_CHARS = 1024;
    private static final long MAX_CHARS = 64L << 20;
    private static final int MAX_ENTRIES = 4096;
    /** jsi4j's own scripts, cached like any other but not counted. */
    private static final String INTERNAL = "jsi4j:";
    /** V8's code-cache header: magic, version hash, source hash, flag hash, read-only checksum, payload length, checksum. */
    private static final int SOURCE_HASH = 8;
    private static final int FLAG_HASH = 12;
    private static final int PAYLOAD_LENGTH = 20;
    private static final int HEADER = 32;

    /** Marks a source seen once, whose code is not made yet. */
    private static final byte[] SEEN = new byte[0];
    /** What {@link #usable} says of a source seen for the first time. */
    private static final byte[] FIRST = new byte[0];

    private final ScriptCache<byte[]> cache = new ScriptCache<>(MIN_CHARS, MAX_CHARS, MAX_ENTRIES);
    /** The signature of this factory's runtimes made from V8's own startup snapshot: the same for all of them. */
    private final Signature plain = new Signature();
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /**
     * The code-cache signature of this factory's runtimes that use the cache: all are made from V8's
     * own startup snapshot (a restored or snapshottable runtime compiles for itself), with the same V8
     * and process-wide flags, so only the factory's first such runtime compiles the probe.
     */
    Signature signature() {
        return plain;
    }

    /** Whether {@code source} is worth caching. */
    boolean caches(String source) {
        return cache.caches(source);
    }

    /**
     * {@code source} compiled in {@code rt} to be run once, from cached code when there is usable code.
     * Compiling and running are separate steps so that a caller runs each in an entry of its own: the
     * compiled script is a handle Java makes, which must not be taken for a value the script throws.
     */
    Run prepareRun(V8Runtime rt, Signature own, String source, String name) throws JavetException {
        byte[] data = usable(rt, own, source, name);
        return new Run(compile(rt, source, name, data.length > 0 ? data : null), data == SEEN ? own.key(rt, name) : null, source);
    }

    /** A script compiled to run once; closing it closes the script. */
    final class Run implements AutoCloseable {
        private final V8Script script;
        /** The cache key under which to keep its code once it ran, or null. */
        private final String keepAs;
        private final String source;

        private Run(V8Script script, String keepAs, String source) {
            this.script = script;
            this.keepAs = keepAs;
            this.source = source;
        }

        /** Runs the script; the second time its source is seen, its code (with what the run compiled) is kept. */
        V8Value execute() throws JavetException {
            V8Value result = script.execute();
            if (keepAs != null) keep(script, source, keepAs);
            return result;
        }

        @Override
        public void close() throws JavetException {
            script.close();
        }
    }

    /** {@code source} compiled in {@code rt}, from cached code when there is usable code; the caller closes it. */
    V8Script compile(V8Runtime rt, Signature own, String source, String name) throws JavetException {
        byte[] data = usable(rt, own, source, name);
        V8Script script = compile(rt, source, name, data.length > 0 ? data : null);
        if (data.length == 0) keep(script, source, own.key(rt, name));
        return script;
    }

    private static V8Script compile(V8Runtime rt, String source, String name, byte[] data) throws JavetException {
        return rt.getExecutor(source, data).setResourceName(name).compileV8Script();
    }

    /**
     * The usable cached code of a source; else {@link #FIRST} the first time it is seen (now
     * remembered as {@link #SEEN}), or {@link #SEEN} when its code is worth making: serializing code
     * costs more than compiling it, so an evaluated source's code is made the second time it is
     * seen (a library, a harness), not for every one-off script.
     */
    private byte[] usable(V8Runtime rt, Signature own, String source, String name) throws JavetException {
        String key = own.key(rt, name);
        byte[] data = cache.find(key, source);
        if (data == null) {
            cache.put(key, source, SEEN);
            return FIRST;
        }
        if (data == SEEN) return SEEN;
        if (own.accepts(rt, data, source)) {
            if (!name.startsWith(INTERNAL)) reused.incrementAndGet();
            return data;
        }
        refused.incrementAndGet();
        return SEEN;
    }

    private void keep(V8Script script, String source, String name) {
        if (!cache.caches(source)) return;
        try {
            byte[] data = script.getCachedData();
            if (data != null && data.length > HEADER) cache.put(name, source, data);
        } catch (JavetException e) {
            // V8 could not serialize this script's code: the next runtime compiles it again
        }
    }

    /** Scripts this factory's runtimes compiled from cached code. */
    long reused() {
        return reused.get();
    }

    /** Cached code a runtime refused (made by an incompatible isolate, or damaged), then replaced. */
    long refused() {
        return refused.get();
    }

    /** For tests: damages the cached data of a source, for runtimes like {@code rt}, as a broken cache would. */
    void damage(V8Runtime rt, String name, String source, int offset) throws JavetException {
        name = new Signature().key(rt, name);
        byte[] data = cache.find(name, source);
        byte[] copy = Arrays.copyOf(data, data.length);
        copy[offset] ^= 0x5a;
        cache.put(name, source, copy);
    }

    /**
     * The header fields of code data one runtime accepts (magic, V8 version, flags and read-only
     * snapshot): learnt once per runtime from the data of a tiny script it compiles, on its first
     * use of the cache. They are part of each entry's key, so that runtimes whose data differ (one
     * restored from an image and one not) each keep their own instead of replacing each other's.
     */
    static final class Signature {
        private static final HexFormat HEX = HexFormat.of();
        /** Learnt from the first runtime that used it; runtimes of several threads may share one. */
        private volatile Learnt learnt;

        private record Learnt(byte[] expected, String prefix) {
        }

        String key(V8Runtime rt, String name) throws JavetException {
            return learn(rt).prefix() + name;
        }

        private Learnt learn(V8Runtime rt) throws JavetException {
            Learnt l = learnt;
            if (l != null) return l;
            try (V8Script probe = rt.getExecutor("0").setResourceName("jsi4j:code-cache-probe").compileV8Script()) {
                byte[] made = probe.getCachedData();
                if (made == null || made.length <= HEADER) throw new IllegalStateException("V8 made no code cache for a probe script");
                l = new Learnt(made, HEX.formatHex(made, 0, SOURCE_HASH) + HEX.formatHex(made, FLAG_HASH, PAYLOAD_LENGTH) + ":");
            }
            learnt = l; // two runtimes learning at once learn the same thing
            return l;
        }

        boolean accepts(V8Runtime rt, byte[] data, String source) throws JavetException {
            byte[] expected = learn(rt).expected();
            return data.length > HEADER && expected.length > HEADER
                    && Arrays.equals(data, 0, SOURCE_HASH, expected, 0, SOURCE_HASH)
                    && Arrays.equals(data, FLAG_HASH, PAYLOAD_LENGTH, expected, FLAG_HASH, PAYLOAD_LENGTH)
                    && uint(data, SOURCE_HASH) == source.length()
                    && uint(data, PAYLOAD_LENGTH) == data.length - HEADER;
        }

        private static long uint(byte[] b, int at) {
            return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
        }
    }
}
