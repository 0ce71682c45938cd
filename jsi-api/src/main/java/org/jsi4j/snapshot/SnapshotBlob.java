package org.jsi4j.snapshot;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The content of a snapshot blob, decoded and checked (see {@link SnapshotCodec} for the bytes).
 *
 * @param engineId the engine that took the snapshot
 * @param engineVersion that engine's version
 * @param externals the named externals, in binding order
 * @param journal the setup, in order
 * @param unjournaled changes the journal cannot reproduce (empty when a replay is faithful)
 * @param image the engine's native heap image, or {@code null} when it has none
 */
public record SnapshotBlob(String engineId, String engineVersion, List<Journal.External> externals,
                    List<Journal.Entry> journal, List<String> unjournaled, byte[] image) {
    /** Checks that the parts agree: unique external names, each bound exactly once by the journal. */
    public SnapshotBlob {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(engineVersion, "engineVersion");
        externals = List.copyOf(externals);
        journal = List.copyOf(journal);
        unjournaled = List.copyOf(unjournaled);
        if (engineId.isEmpty()) throw new IllegalArgumentException("the engine id is empty");
        Set<String> names = new HashSet<>();
        for (Journal.External x : externals) {
            if (!names.add(x.name())) throw new IllegalArgumentException("external '" + x.name() + "' is listed twice");
        }
        Set<String> bound = new HashSet<>();
        for (Journal.Entry e : journal) {
            if (e instanceof Journal.Bind b) {
                if (!names.contains(b.name())) {
                    throw new IllegalArgumentException("the journal binds external '" + b.name() + "', which is not listed");
                }
                if (!bound.add(b.name())) throw new IllegalArgumentException("the journal binds external '" + b.name() + "' twice");
            }
        }
        if (!bound.equals(names)) throw new IllegalArgumentException("an external is listed but never bound by the journal");
    }

    /** The external named {@code name}. */
    public Journal.External external(String name) {
        for (Journal.External x : externals) if (x.name().equals(name)) return x;
        throw new IllegalArgumentException("no external '" + name + "'");
    }
}
