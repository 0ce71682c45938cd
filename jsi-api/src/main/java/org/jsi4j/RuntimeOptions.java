package org.jsi4j;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jsi4j.modules.ModuleLoader;

/**
 * How to create a runtime. Immutable; start from {@link #defaults()}, {@link #forSnapshotting()}
 * or {@link #fromSnapshot(byte[])} and use the {@code with…} methods.
 *
 * @param timeLimit how long one entry from Java into JavaScript (an evaluation, a prepared
 *     script run, a call) may run before it is stopped with a {@link JsTerminatedException};
 *     {@code null} for no limit
 * @param statementLimit how many statements one entry may execute, where the engine counts them
 *     ({@link Capabilities#limits()}); {@code 0} for no limit
 * @param maxStackDepth the deepest JavaScript call stack allowed before a {@code RangeError};
 *     {@code 0} for the engine's default
 * @param maxHeapBytes the engine heap size at which a script is stopped, where the engine allows
 *     it; {@code 0} for the engine's default
 * @param snapshotting whether the runtime records its setup so that {@link JsRuntime#snapshot()}
 *     works (a runtime restored from a snapshot always does)
 * @param restore the snapshot to restore, or {@code null} for a fresh runtime
 * @param externals the named externals a restore rebinds: each value a {@link HostFunction} or a
 *     {@link HostObject}, by the name it was registered under with {@code JsRuntime.external}
 * @param modules where {@code import} and {@code require} find module files ({@link JsRuntime#modules()});
 *     {@link ModuleLoader#none()} by default (host-object modules only)
 * @param engineOptions backend-specific options ({@link EngineOption}), each engine reading its own
 * @param microtasks when promise jobs run: {@link MicrotaskPolicy#AUTO} (default) after each outermost
 *     entry, or {@link MicrotaskPolicy#EXPLICIT} only in {@link JsRuntime#drainMicrotasks(int)}
 * @param transpile whether scripts in modern JavaScript are compiled down to what the engine runs, on an
 *     engine that lacks some of the syntax ({@link #withTranspile(boolean)}); off by default
 */
public record RuntimeOptions(Duration timeLimit, long statementLimit, int maxStackDepth, long maxHeapBytes,
                             boolean snapshotting, Snapshot restore, Map<String, Object> externals,
                             ModuleLoader modules, EngineOptions engineOptions, MicrotaskPolicy microtasks,
                             boolean transpile) {
    private static final RuntimeOptions DEFAULTS = new RuntimeOptions(null, 0, 0, 0);

    /** Validates the values and copies the externals. */
    public RuntimeOptions {
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
        if (statementLimit < 0) throw new IllegalArgumentException("statementLimit must be >= 0, was " + statementLimit);
        if (maxStackDepth < 0) throw new IllegalArgumentException("maxStackDepth must be >= 0, was " + maxStackDepth);
        if (maxHeapBytes < 0) throw new IllegalArgumentException("maxHeapBytes must be >= 0, was " + maxHeapBytes);
        Objects.requireNonNull(externals, "externals");
        Map<String, Object> copy = new LinkedHashMap<>();
        externals.forEach((name, value) -> {
            if (name == null || name.isEmpty()) throw new IllegalArgumentException("an external needs a non-empty name");
            if (!(value instanceof HostFunction) && !(value instanceof HostObject)) {
                throw new IllegalArgumentException("external '" + name + "' must be a HostFunction or a HostObject, was "
                        + (value == null ? "null" : value.getClass().getName()));
            }
            copy.put(name, value);
        });
        externals = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(engineOptions, "engineOptions");
        Objects.requireNonNull(microtasks, "microtasks");
    }

    /** Without transpiling. */
    public RuntimeOptions(Duration timeLimit, long statementLimit, int maxStackDepth, long maxHeapBytes,
                          boolean snapshotting, Snapshot restore, Map<String, Object> externals,
                          ModuleLoader modules, EngineOptions engineOptions, MicrotaskPolicy microtasks) {
        this(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, snapshotting, restore, externals, modules,
                engineOptions, microtasks, false);
    }

    /** With the automatic microtask policy. */
    public RuntimeOptions(Duration timeLimit, long statementLimit, int maxStackDepth, long maxHeapBytes,
                          boolean snapshotting, Snapshot restore, Map<String, Object> externals,
                          ModuleLoader modules, EngineOptions engineOptions) {
        this(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, snapshotting, restore, externals, modules,
                engineOptions, MicrotaskPolicy.AUTO);
    }

    /** Without engine options. */
    public RuntimeOptions(Duration timeLimit, long statementLimit, int maxStackDepth, long maxHeapBytes,
                          boolean snapshotting, Snapshot restore, Map<String, Object> externals, ModuleLoader modules) {
        this(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, snapshotting, restore, externals, modules,
                EngineOptions.none());
    }

    /** Without module files. */
    public RuntimeOptions(Duration timeLimit, long statementLimit, int maxStackDepth, long maxHeapBytes,
                          boolean snapshotting, Snapshot restore, Map<String, Object> externals, EngineOptions engineOptions) {
        this(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, snapshotting, restore, externals, ModuleLoader.none(),
                engineOptions);
    }

    /** Without module files or engine options. */
    public RuntimeOptions(Duration timeLimit, long statementLimit, int maxStackDepth, long maxHeapBytes,
                          boolean snapshotting, Snapshot restore, Map<String, Object> externals) {
        this(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, snapshotting, restore, externals, ModuleLoader.none(),
                EngineOptions.none());
    }

    /** Limits only; no snapshotting, no restore. */
    public RuntimeOptions(Duration timeLimit, long statementLimit, int maxStackDepth, long maxHeapBytes) {
        this(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, false, null, Map.of());
    }

    /** No limits beyond the engine's own. */
    public static RuntimeOptions defaults() {
        return DEFAULTS;
    }

    /** A runtime that records its setup, so that {@link JsRuntime#snapshot()} works. */
    public static RuntimeOptions forSnapshotting() {
        return DEFAULTS.withSnapshotting(true);
    }

    /**
     * A runtime restored from a snapshot blob authenticated with {@link SnapshotKey#defaultKey()};
     * add the externals it names with {@link #externals(Map)}. The blob is checked now, its tag first.
     *
     * @throws JsSnapshotException when the blob's tag does not verify (or it has none), or the blob
     *     is not a jsi4j snapshot, or is truncated, corrupt or of an unsupported format version
     */
    public static RuntimeOptions fromSnapshot(byte[] blob) {
        return fromSnapshot(Snapshot.parse(blob));
    }

    /**
     * A runtime restored from a snapshot blob authenticated with {@code key}; add the externals it
     * names with {@link #externals(Map)}. The tag is checked first, then the rest of the blob, now.
     *
     * @throws JsSnapshotException when the blob's tag was not made with {@code key} (or it has
     *     none), or the blob is not a jsi4j snapshot, or is truncated, corrupt or of an unsupported
     *     format version
     */
    public static RuntimeOptions fromSnapshot(byte[] blob, SnapshotKey key) {
        return fromSnapshot(Snapshot.parse(blob, key));
    }

    /**
     * A runtime restored from a blob that is not authenticated: only for blobs whose source the
     * caller trusts, since a snapshot is code. Everything but the tag is checked now.
     *
     * @throws JsSnapshotException when the blob is not a jsi4j snapshot, or is truncated, corrupt or
     *     of an unsupported format version
     */
    public static RuntimeOptions fromUnauthenticatedSnapshot(byte[] blob) {
        return fromSnapshot(Snapshot.parseUnauthenticated(blob));
    }

    /** A runtime restored from a snapshot; add the externals it names with {@link #externals(Map)}. */
    public static RuntimeOptions fromSnapshot(Snapshot snapshot) {
        return new RuntimeOptions(null, 0, 0, 0, false, Objects.requireNonNull(snapshot, "snapshot"), Map.of());
    }

    /** With a time limit per entry into JavaScript. */
    public RuntimeOptions withTimeLimit(Duration limit) {
        return new RuntimeOptions(Objects.requireNonNull(limit, "limit"), statementLimit, maxStackDepth, maxHeapBytes,
                snapshotting, restore, externals, modules, engineOptions, microtasks, transpile);
    }

    /** With a statement limit per entry into JavaScript. */
    public RuntimeOptions withStatementLimit(long limit) {
        return new RuntimeOptions(timeLimit, limit, maxStackDepth, maxHeapBytes, snapshotting, restore, externals, modules, engineOptions, microtasks, transpile);
    }

    /** With a maximum JavaScript stack depth. */
    public RuntimeOptions withMaxStackDepth(int depth) {
        return new RuntimeOptions(timeLimit, statementLimit, depth, maxHeapBytes, snapshotting, restore, externals, modules, engineOptions, microtasks, transpile);
    }

    /** With a heap limit, where the engine allows one. */
    public RuntimeOptions withMaxHeapBytes(long bytes) {
        return new RuntimeOptions(timeLimit, statementLimit, maxStackDepth, bytes, snapshotting, restore, externals, modules, engineOptions, microtasks, transpile);
    }

    /** With or without recording the setup for {@link JsRuntime#snapshot()}. */
    public RuntimeOptions withSnapshotting(boolean on) {
        return new RuntimeOptions(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, on, restore, externals, modules, engineOptions, microtasks, transpile);
    }

    /**
     * With the named externals a restore rebinds, each a {@link HostFunction} or a
     * {@link HostObject}.
     *
     * @throws IllegalArgumentException for a value of another type
     */
    public RuntimeOptions externals(Map<String, ?> byName) {
        return new RuntimeOptions(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, snapshotting, restore,
                new LinkedHashMap<>(Objects.requireNonNull(byName, "byName")), modules, engineOptions, microtasks, transpile);
    }

    /**
     * With backend-specific options replacing those set before; each key {@code engine.name}
     * ({@code rhino.optimizationLevel=-1}, {@code graal.js.strict=true}). The engine that creates
     * the runtime checks those of its own id and refuses an unknown or malformed one.
     *
     * @throws IllegalArgumentException for a key that is not {@code engine.name}
     */
    public RuntimeOptions withEngineOptions(Map<String, String> byKey) {
        return withEngineOptions(EngineOptions.of(byKey));
    }

    /** With backend-specific options replacing those set before. */
    public RuntimeOptions withEngineOptions(EngineOptions options) {
        return new RuntimeOptions(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, snapshotting, restore, externals,
                modules, Objects.requireNonNull(options, "options"), microtasks, transpile);
    }

    /** With the loader that {@code import} and {@code require} find module files through ({@link JsRuntime#modules()}). */
    public RuntimeOptions withModules(ModuleLoader loader) {
        return new RuntimeOptions(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, snapshotting, restore, externals,
                Objects.requireNonNull(loader, "loader"), engineOptions, microtasks, transpile);
    }

    /**
     * With one backend-specific option, typed: {@code with(RhinoOptions.OPTIMIZATION_LEVEL, -1)}.
     *
     * @throws IllegalArgumentException when the option does not accept {@code value}
     */
    public <T> RuntimeOptions with(EngineOption<T> option, T value) {
        String text = String.valueOf(Objects.requireNonNull(value, "value"));
        option.parse(text);
        return withEngineOptions(engineOptions.with(option.key(), text));
    }

    /**
     * With {@code policy} deciding when promise jobs run. {@link MicrotaskPolicy#EXPLICIT} is
     * refused when the runtime is created by an engine without {@link Capabilities#explicitMicrotasks()}.
     */
    public RuntimeOptions withMicrotaskPolicy(MicrotaskPolicy policy) {
        return new RuntimeOptions(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, snapshotting, restore, externals,
                modules, engineOptions, Objects.requireNonNull(policy, "policy"), transpile);
    }

    /**
     * With or without transpiling: on an engine that lacks some modern syntax (Rhino: {@code class},
     * {@code async}/{@code await}, call spread, per-iteration {@code let} in loops), every script the
     * runtime evaluates or prepares, and every module and required file, is first compiled down to
     * ES5 (by the transpiler of {@code jsi-modules}, found with {@link java.util.ServiceLoader}),
     * laid out on the original's lines, so errors and stack traces name the original's lines. On an
     * engine that has all of it (GraalJS, V8) the option is accepted and changes nothing. A runtime
     * made with it on an engine that needs it fails with {@link IllegalStateException} when no
     * transpiler is on the class path. See docs/transpile.md.
     */
    public RuntimeOptions withTranspile(boolean on) {
        return new RuntimeOptions(timeLimit, statementLimit, maxStackDepth, maxHeapBytes, snapshotting, restore, externals,
                modules, engineOptions, microtasks, on);
    }

    /** Whether the runtime records its setup: made {@link #forSnapshotting()} or restored. */
    public boolean journaling() {
        return snapshotting || restore != null;
    }
}
