package org.jsi4j;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an engine really does, stated plainly.
 *
 * @param execution how code runs, e.g. {@code "optimizing JIT (Graal compiler)"},
 *     {@code "interpreter only"}, {@code "compiled to JVM bytecode"}
 * @param jit whether an optimizing compiler is active
 * @param snapshots how {@code snapshot()} works on this engine
 * @param esFeatures the ECMAScript features the engine has
 * @param limits the kinds of limit the engine can enforce
 * @param explicitMicrotasks whether the engine can leave promise jobs queued until Java drains them
 *     ({@link MicrotaskPolicy#EXPLICIT}); an engine that runs them itself whenever the outermost
 *     call from Java returns cannot
 */
public record Capabilities(String execution, boolean jit, SnapshotSupport snapshots, Set<EsFeature> esFeatures,
                           Set<JsTerminatedException.Reason> limits, boolean explicitMicrotasks) {
    /** How an engine takes snapshots. */
    public enum SnapshotSupport {
        /** The engine's own heap image (V8 startup snapshot). */
        NATIVE,
        /** Serialization of the engine's object graph (Rhino). */
        SERIALIZED,
        /** No heap image: restore replays the recorded setup. */
        PORTABLE_REPLAY
    }

    /** Copies the sets. */
    public Capabilities {
        esFeatures = Set.copyOf(esFeatures);
        limits = Set.copyOf(limits);
    }

    /** Without {@link MicrotaskPolicy#EXPLICIT}. */
    public Capabilities(String execution, boolean jit, SnapshotSupport snapshots, Set<EsFeature> esFeatures,
                        Set<JsTerminatedException.Reason> limits) {
        this(execution, jit, snapshots, esFeatures, limits, false);
    }

    /** Every feature of {@link EsFeature} except those given. */
    public static Set<EsFeature> allFeaturesExcept(EsFeature... absent) {
        EnumSet<EsFeature> set = EnumSet.allOf(EsFeature.class);
        for (EsFeature f : absent) set.remove(f);
        return set;
    }

    /** Whether the engine has {@code feature}. */
    public boolean has(EsFeature feature) {
        return esFeatures.contains(feature);
    }
}
