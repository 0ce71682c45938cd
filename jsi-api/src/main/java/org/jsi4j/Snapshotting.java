package org.jsi4j;

import org.jsi4j.snapshot.Journal;
import org.jsi4j.snapshot.SnapshotBlob;
import org.jsi4j.snapshot.SnapshotCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jsi4j.spi.EngineBackend;

/**
 * The snapshot side of one {@link JsRuntime}: the journal of its setup (when it journals), its
 * named externals, the unnamed host functions and objects watched so that a snapshot can refuse
 * while they live, taking a snapshot, and restoring one by replaying its journal.
 */
final class Snapshotting {
    private final JsRuntime runtime;
    private final Journal journal;
    private final Map<String, Object> externals = new LinkedHashMap<>();
    private final List<Unnamed> unnamed = new ArrayList<>();

    Snapshotting(JsRuntime runtime, Journal journal) {
        this.runtime = runtime;
        this.journal = journal;
    }

    /**
     * How deep the runtime is in module operations started from Java: what the module system does
     * for them (its own scripts, objects it fills from Java, host functions it makes) is not journaled
     * one by one; the operation is, and a replay repeats it.
     */
    private int moduleOperations;

    /** Runs a script, recording it in the journal when it is an outermost entry of a journaling runtime. */
    JsValue journaled(String sourceName, String source, Supplier<JsValue> body) {
        if (journal == null || runtime.depth() > 0 || moduleOperations > 0) return body.get();
        try {
            JsValue result = body.get();
            journal.script(sourceName, source, false);
            return result;
        } catch (JsTerminatedException e) {
            journal.unjournaled("script '" + sourceName + "' was stopped by a limit or an interrupt");
            throw e;
        } catch (JsException e) {
            journal.script(sourceName, source, true);
            throw e;
        }
    }

    /**
     * Whether a new host function or object must be watched for {@link #snapshot()}: those made
     * from Java outside any script are; those a host callback makes while a journaled script runs
     * (a host object's methods, say) are made again when the journal is replayed.
     */
    boolean watchUnnamed() {
        return journal != null && runtime.depth() == 0 && moduleOperations == 0;
    }

    /**
     * Imports ({@code require} false) or requires {@code specifier} from Java, recording it in the
     * journal when it is an outermost operation of a journaling runtime.
     */
    <T> T moduleOperation(String specifier, boolean require, Supplier<T> body) {
        if (journal == null || runtime.depth() > 0 || moduleOperations > 0) return body.get();
        moduleOperations++;
        try {
            T result = body.get();
            journal.module(specifier, require, false);
            return result;
        } catch (JsTerminatedException e) {
            journal.unjournaled((require ? "require" : "import") + " of '" + specifier + "' was stopped by a limit or an interrupt");
            throw e;
        } catch (JsException | org.jsi4j.modules.ModuleResolutionException e) {
            journal.module(specifier, require, true);
            throw e;
        } finally {
            moduleOperations--;
        }
    }

    /** Watches the host function or object {@code handle}, named {@code label} in messages. */
    void watch(String label, Object handle) {
        unnamed.add(new Unnamed(label, runtime.engineBackend().weaken(handle)));
    }

    /** Notes a change made from Java, which escapes the journal. */
    void changing(String what) {
        if (journal != null && runtime.depth() == 0 && moduleOperations == 0) journal.unjournaled(what + " from Java");
    }

    /** Whether an external named {@code name} is bound. */
    boolean hasExternal(String name) {
        return externals.containsKey(name);
    }

    void bindExternal(Journal.External spec, Object impl, JsObject face) {
        EngineBackend backend = runtime.engineBackend();
        JsObject global = backend.global();
        backend.set(global.handle, JsValue.of(spec.name()), face);
        externals.put(spec.name(), impl);
        if (journal != null) journal.bind(spec);
    }

    /** See {@link JsRuntime#snapshot()}. */
    Snapshot snapshot() {
        EngineInfo engine = runtime.engine();
        if (journal == null) {
            throw new JsSnapshotException("This " + engine.id() + " runtime was not created for snapshotting;"
                    + " create it with RuntimeOptions.forSnapshotting()", null);
        }
        if (runtime.depth() > 0) {
            throw new IllegalStateException("A snapshot cannot be taken from inside a script or host callback;"
                    + " take it after the outermost call returns");
        }
        List<String> reachable = unnamedStillReachable();
        if (!reachable.isEmpty()) {
            throw new JsSnapshotException("Cannot snapshot this " + engine.id() + " runtime: "
                    + String.join(", ", reachable) + (reachable.size() == 1 ? " is" : " are")
                    + " still reachable but not a named external, so a restore could not rebind "
                    + (reachable.size() == 1 ? "it" : "them") + ". Register each with runtime.external(name, ...)"
                    + " and pass it under that name to RuntimeOptions.externals(...) when restoring,"
                    + " or drop every reference to it (from JavaScript and from Java handles) first.", null);
        }
        byte[] image;
        if (runtime.usesModules()) {
            // the module registry (which modules were loaded, their records) lives in Java, which no engine
            // image holds: restored from one, a runtime would load its modules again, a second instance
            image = null;
        } else {
        runtime.releaseInternalFunctions(); // an engine image must not hold the core's own handles
        try {
            image = runtime.engineBackend().snapshotImage(Collections.unmodifiableMap(externals));
        } catch (JsSnapshotException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JsSnapshotException("The " + engine.id() + " engine failed to take its native snapshot: "
                    + HostErrors.messageOf(e), e);
        } finally {
            runtime.reinstateErrorFactory();
        }
        }
        List<String> unjournaled = journal.unjournaledChanges();
        if (image == null && !unjournaled.isEmpty()) {
            throw new JsSnapshotException("Cannot snapshot this " + engine.id() + " runtime: the engine made no native"
                    + " heap image, so a restore replays the setup, and the setup"
                    + " changed the runtime in ways a replay cannot reproduce: " + String.join("; ", unjournaled)
                    + ". Make those changes with scripts (runtime.evaluate) or named externals instead.", null);
        }
        return Snapshot.of(new SnapshotBlob(engine.id(), engine.version(), journal.externals(), journal.entries(),
                unjournaled, image));
    }

    private List<String> unnamedStillReachable() {
        if (unnamed.isEmpty()) return List.of();
        EngineBackend backend = runtime.engineBackend();
        backend.collectGarbage();
        List<String> alive = new ArrayList<>();
        for (var it = unnamed.iterator(); it.hasNext(); ) {
            Unnamed u = it.next();
            Object strong = backend.deref(u.weak());
            if (strong == null) {
                backend.releaseWeak(u.weak());
                it.remove();
            } else {
                backend.release(strong);
                alive.add(u.label());
            }
        }
        return alive;
    }

    /**
     * Checks that {@code given} has an external of the right kind for each one {@code blob} needs.
     *
     * @throws JsSnapshotException when one is missing or of the wrong kind
     */
    static void checkExternals(SnapshotBlob blob, Map<String, Object> given) {
        List<String> missing = new ArrayList<>();
        for (Journal.External x : blob.externals()) {
            Object impl = given.get(x.name());
            if (impl == null) {
                missing.add(x.name());
                continue;
            }
            boolean fits = x.kind() == Journal.Kind.FUNCTION ? impl instanceof HostFunction : impl instanceof HostObject;
            if (!fits) {
                throw new JsSnapshotException("Cannot restore the snapshot: external '" + x.name() + "' was a "
                        + (x.kind() == Journal.Kind.FUNCTION ? "HostFunction" : "HostObject") + " when the snapshot was"
                        + " taken, but a " + impl.getClass().getName() + " was given", null);
            }
        }
        if (!missing.isEmpty()) {
            throw new JsSnapshotException("Cannot restore the snapshot: it needs the named external"
                    + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing.stream().map(n -> "'" + n + "'").toList())
                    + ", which " + (missing.size() == 1 ? "was" : "were") + " not given; pass "
                    + (missing.size() == 1 ? "it" : "each") + " with RuntimeOptions.fromSnapshot(blob).externals(Map.of(name,"
                    + " hostFunctionOrObject, ...))", null);
        }
    }

    /** Restores {@code blob}: adopts the engine's restored image, or replays the journal. */
    void restore(SnapshotBlob blob) {
        RuntimeOptions options = runtime.options();
        if (runtime.engineBackend().restoredFromImage()) {
            journal.addAll(blob);
            for (Journal.External x : blob.externals()) {
                Object impl = options.externals().get(x.name());
                externals.put(x.name(), impl);
                runtime.adoptExternal(impl, x.kind());
            }
            return;
        }
        if (!blob.unjournaled().isEmpty()) {
            throw new JsSnapshotException("Cannot restore this snapshot on " + runtime.engine().id()
                    + " by replaying its setup:"
                    + " the setup changed the runtime in ways a replay cannot reproduce (" + String.join("; ", blob.unjournaled())
                    + "). Only the native image of the engine that took it (" + blob.engineId() + " " + blob.engineVersion()
                    + ") can restore it.", null);
        }
        int step = 0;
        for (Journal.Entry entry : blob.journal()) {
            step++;
            switch (entry) {
                case Journal.Bind b -> {
                    Journal.External x = blob.external(b.name());
                    Object impl = options.externals().get(x.name());
                    if (x.kind() == Journal.Kind.FUNCTION) runtime.external(x.name(), x.length(), (HostFunction) impl);
                    else runtime.external(x.name(), (HostObject) impl);
                }
                case Journal.Script s -> replay(step, s);
                case Journal.Module m -> replay(step, m);
            }
        }
    }

    private void replay(int step, Journal.Script script) {
        try {
            runtime.evaluateAsIs(script.source(), script.sourceName());   // as it ran (transpiled already, if it was)
        } catch (JsException e) {
            if (script.threw()) return;
            throw new JsSnapshotException("Cannot restore the snapshot: replaying setup step " + step + " (script '"
                    + script.sourceName() + "') threw, though it ran without error when the snapshot was taken: "
                    + e.getMessage(), e);
        }
        if (script.threw()) {
            throw new JsSnapshotException("Cannot restore the snapshot: replaying setup step " + step + " (script '"
                    + script.sourceName() + "') ran without error, though it threw when the snapshot was taken;"
                    + " the setup is not deterministic", null);
        }
    }

    private void replay(int step, Journal.Module module) {
        String what = (module.require() ? "require" : "import") + " of '" + module.specifier() + "'";
        try {
            if (module.require()) runtime.modules().require(module.specifier());
            else runtime.importModule(module.specifier());
        } catch (JsException | org.jsi4j.modules.ModuleResolutionException | IllegalStateException e) {
            if (module.threw()) return;
            throw new JsSnapshotException("Cannot restore the snapshot: replaying setup step " + step + " (" + what
                    + ") failed, though it succeeded when the snapshot was taken: " + e.getMessage()
                    + (e instanceof org.jsi4j.modules.ModuleResolutionException || e instanceof IllegalStateException
                    ? ". Restore with the module loader the setup used: RuntimeOptions.fromSnapshot(blob).withModules(loader)" : ""), e);
        }
        if (module.threw()) {
            throw new JsSnapshotException("Cannot restore the snapshot: replaying setup step " + step + " (" + what
                    + ") succeeded, though it failed when the snapshot was taken; the setup is not deterministic", null);
        }
    }

    /** Stops watching the unnamed host functions and objects (the runtime closes). */
    void close() {
        EngineBackend backend = runtime.engineBackend();
        for (Unnamed u : unnamed) backend.releaseWeak(u.weak());
        unnamed.clear();
    }

    /** A host function or object made without a name, watched so that a snapshot can refuse while it lives. */
    private record Unnamed(String label, Object weak) {
    }
}
