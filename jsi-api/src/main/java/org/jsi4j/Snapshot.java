package org.jsi4j;

import org.jsi4j.snapshot.Journal;
import org.jsi4j.snapshot.SnapshotBlob;
import org.jsi4j.snapshot.SnapshotCodec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A startup snapshot of a runtime, made by {@link JsRuntime#snapshot()} and restored with
 * {@link RuntimeOptions#fromSnapshot(byte[])}. Its {@link #bytes()} are one portable blob: the
 * engine that took it, the names of its externals, the engine's native heap image when it has
 * one, and always the journal of the setup (the scripts run and the externals bound, in order),
 * so that any engine can restore it: from the native image when the engine is the same, by
 * replaying the journal otherwise.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Snapshot {
    private final byte[] bytes;
    private final SnapshotBlob blob;

    private Snapshot(byte[] bytes, SnapshotBlob blob) {
        this.bytes = bytes;
        this.blob = blob;
    }

    static Snapshot of(SnapshotBlob blob) {
        return new Snapshot(SnapshotCodec.encode(blob), blob);
    }

    /**
     * Reads a blob (a copy is kept) and checks it completely: magic, format version, length,
     * checksum and structure.
     *
     * @throws JsSnapshotException when it is not a jsi4j snapshot, or is truncated, corrupt or of
     *     an unsupported format version; the message says which
     */
    public static Snapshot parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        byte[] copy = bytes.clone();
        return new Snapshot(copy, SnapshotCodec.decode(copy));
    }

    /** The blob, to store (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The id of the engine that took the snapshot. */
    public String engineId() {
        return blob.engineId();
    }

    /** The version of the engine that took the snapshot. */
    public String engineVersion() {
        return blob.engineVersion();
    }

    /** The names of the externals a restore must be given, in binding order. */
    public List<String> externalNames() {
        return blob.externals().stream().map(Journal.External::name).toList();
    }

    /** One setup script as the journal holds it. */
    public record Script(String sourceName, String source) {
    }

    /** The setup scripts, in the order they ran (what a replay runs). */
    public List<Script> scripts() {
        return blob.journal().stream()
                .filter(e -> e instanceof Journal.Script)
                .map(e -> (Journal.Script) e)
                .map(s -> new Script(s.sourceName(), s.source())).toList();
    }

    /** Whether the blob holds the engine's native heap image. */
    public boolean hasNativeImage() {
        return blob.image() != null;
    }

    /**
     * Whether replaying the journal rebuilds the runtime faithfully: false when the Java API
     * changed the runtime directly during the setup ({@link #unjournaledChanges()} says how), in
     * which case only the native image of the same engine can restore it.
     */
    public boolean replayable() {
        return blob.unjournaled().isEmpty();
    }

    /** The changes made during the setup that the journal cannot replay (empty when {@link #replayable()}). */
    public List<String> unjournaledChanges() {
        return blob.unjournaled();
    }

    /**
     * Backend SPI: the native heap image, for the engine {@link #engineId()} at version
     * {@link #engineVersion()}.
     */
    public Optional<byte[]> nativeImage() {
        return Optional.ofNullable(blob.image()).map(byte[]::clone);
    }

    SnapshotBlob blob() {
        return blob;
    }

    @Override
    public String toString() {
        return "Snapshot[" + blob.engineId() + " " + blob.engineVersion() + ", " + blob.journal().size() + " setup steps, "
                + blob.externals().size() + " externals, " + (hasNativeImage() ? "native image " + blob.image().length + " bytes"
                : "no native image") + "]";
    }
}
