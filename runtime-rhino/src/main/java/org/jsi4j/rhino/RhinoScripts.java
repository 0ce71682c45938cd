package org.jsi4j.rhino;

import java.util.function.Supplier;
import org.jsi4j.spi.ScriptCache;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Script;

/**
 * The compiled scripts of one {@link RhinoRuntimeFactory}, shared by all its runtimes: a script
 * (a library bundle, a prepared script) is compiled to JVM bytecode, or to interpreter code, once
 * and then run in every runtime that evaluates the same source under the same name. Rhino's
 * {@link Script} holds no scope or Context, so one compiled script runs in many runtimes, on many
 * threads. Compiled and interpreted forms are kept apart (a runtime that snapshots or limits its
 * stack depth runs interpreted). Compiled mode caches every source, however small: Rhino's
 * bytecode compiler generates and loads a JVM class even for {@code 1} (about a third of a new
 * runtime's cost when its first script is compiled each time); at most {@value #MAX_ENTRIES}
 * compiled scripts are kept, as each holds a class. Interpreted mode caches sources from 1 KB:
 * interpreting a smaller one is cheaper than hashing it.
 */
final class RhinoScripts {
    private static final int MIN_CHARS = 1024;
    private static final long MAX_CHARS = 64L << 20;
    private static final int MAX_ENTRIES = 4096;

    private final ScriptCache<Script> compiled = new ScriptCache<>(0, MAX_CHARS, MAX_ENTRIES);
    private final ScriptCache<Script> interpreted = new ScriptCache<>(MIN_CHARS, MAX_CHARS, MAX_ENTRIES);
    /** jsi4j's own small scripts (the core's helpers), run in every runtime: cached whatever their size. */
    private final ScriptCache<Script> internal = new ScriptCache<>(0, 1 << 20);

    /** The compiled form of {@code source} for {@code cx}'s mode, from the cache or made by {@code compile}. */
    Script get(Context cx, String source, String sourceName, Supplier<Script> compile) {
        if (sourceName.startsWith("jsi4j:")) return internal.get(sourceName + (cx.isInterpretedMode() ? "#i" : "#c"), source, compile);
        return (cx.isInterpretedMode() ? interpreted : compiled).get(sourceName, source, compile);
    }

    /** Lookups that found a compiled script, in both modes (for tests and diagnostics). */
    long hits() {
        return compiled.hits() + interpreted.hits();
    }
}
