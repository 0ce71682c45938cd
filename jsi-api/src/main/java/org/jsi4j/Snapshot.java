package org.jsi4j;

import org.jsi4j.snapshot.Journal;
import org.jsi4j.snapshot.SnapshotBlob;
import org.jsi4j.snapshot.SnapshotCodec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A startup snapshot of a runtime, made by {@link JsRuntime#snapshot()} and restored with
 * {@link RuntimeOptions#fromSnapshot(byte[], SnapshotKey)}. A stored blob is authenticated: it
 * ends with an HMAC-SHA256 tag under the application's {@link SnapshotKey}, and a blob whose tag
 * does not verify is refused before any of its bytes is decoded. Its {@link #bytes()} are one portable blob: the
 * engine that took it, the names of its externals, the engine's native heap image when it has
 * one, and always the journal of the setup (the scripts run and the externals bound, in order),
 * so that any engine can restore it: from the native image when the engine is the same, by
 * replaying the journal otherwise.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class Snapshot {
    /** Ends every authenticated blob: this marker, then the 32-byte HMAC-SHA256 tag of everything before the tag. */
    private static final byte[] TAG_MARKER = "JSI4JTAG".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int TRAILER = TAG_MARKER.length + SnapshotKey.TAG_BYTES;

    /** The encoded blob without its authentication trailer. */
    private final byte[] encoded;
    private final SnapshotBlob blob;

    private Snapshot(byte[] encoded, SnapshotBlob blob) {
        this.encoded = encoded;
        this.blob = blob;
    }

    static Snapshot of(SnapshotBlob blob) {
        return new Snapshot(SnapshotCodec.encode(blob), blob);
    }

    /**
     * Reads a blob authenticated with {@link SnapshotKey#defaultKey()} (a copy is kept) and checks
     * it completely. See {@link #parse(byte[], SnapshotKey)}.
     */
    public static Snapshot parse(byte[] bytes) {
        return parse(bytes, SnapshotKey.defaultKey());
    }

    /**
     * Reads a blob (a copy is kept): first its authentication tag under {@code key}, before any
     * other byte is looked at, then magic, format version, length, checksum and structure.
     *
     * @throws JsSnapshotException when the blob carries no tag, its tag was not made with
     *     {@code key} (it was changed, forged, or made with another key), or it is not a jsi4j
     *     snapshot, is truncated, corrupt or of an unsupported format version; the message says which
     */
    public static Snapshot parse(byte[] bytes, SnapshotKey key) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(key, "key");
        byte[] copy = bytes.clone();
        if (!hasTrailer(copy)) {
            throw new JsSnapshotException("Refusing this snapshot blob: it carries no authentication tag (it was made by"
                    + " an older jsi4j, or the tag was cut off). A snapshot is code: take it again with this jsi4j, or, only"
                    + " if you trust where it came from, restore it with RuntimeOptions.fromUnauthenticatedSnapshot.", null);
        }
        int signed = copy.length - SnapshotKey.TAG_BYTES;
        if (!key.verifies(copy, signed, java.util.Arrays.copyOfRange(copy, signed, copy.length))) {
            throw new JsSnapshotException("Refusing this snapshot blob: its authentication tag does not match the key "
                    + key.fingerprint() + ". It was changed after it was made, or made with another key; restore it with"
                    + " the key it was made with, or take the snapshot again.", null);
        }
        byte[] body = java.util.Arrays.copyOf(copy, copy.length - TRAILER);
        return new Snapshot(body, SnapshotCodec.decode(body));
    }

    /**
     * Reads a blob without authenticating it: for blobs whose source the caller trusts (its own
     * build output, say). A tag, if present, is ignored. Everything else is checked as by
     * {@link #parse(byte[], SnapshotKey)}.
     *
     * @throws JsSnapshotException when it is not a jsi4j snapshot, is truncated, corrupt or of an
     *     unsupported format version
     */
    public static Snapshot parseUnauthenticated(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        byte[] body = hasTrailer(bytes) ? java.util.Arrays.copyOf(bytes, bytes.length - TRAILER) : bytes.clone();
        return new Snapshot(body, SnapshotCodec.decode(body));
    }

    private static boolean hasTrailer(byte[] bytes) {
        if (bytes.length < TRAILER) return false;
        int at = bytes.length - TRAILER;
        return java.util.Arrays.equals(bytes, at, at + TAG_MARKER.length, TAG_MARKER, 0, TAG_MARKER.length);
    }

    /** The blob to store (a new array), authenticated with {@link SnapshotKey#defaultKey()}. */
    public byte[] bytes() {
        return bytes(SnapshotKey.defaultKey());
    }

    /** The blob to store (a new array), authenticated with {@code key}: restore it with the same key. */
    public byte[] bytes(SnapshotKey key) {
        Objects.requireNonNull(key, "key");
        byte[] out = java.util.Arrays.copyOf(encoded, encoded.length + TRAILER);
        System.arraycopy(TAG_MARKER, 0, out, encoded.length, TAG_MARKER.length);
        byte[] tag = key.tag(out, encoded.length + TAG_MARKER.length);
        System.arraycopy(tag, 0, out, encoded.length + TAG_MARKER.length, tag.length);
        return out;
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
