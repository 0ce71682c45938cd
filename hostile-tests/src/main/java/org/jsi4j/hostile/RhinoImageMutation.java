package org.jsi4j.hostile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.jsi4j.snapshot.SnapshotBlob;
import org.jsi4j.snapshot.SnapshotCodec;
import org.jsi4j.testing.BlobMutations;

/**
 * A blob whose Rhino image is damaged inside its Java-serialized payload, with the image's
 * SHA-256 and the blob's checksum recomputed, as someone holding the snapshot key could: past
 * every digest, only the restore's class filter and Rhino's own reading stand in the way. The
 * Rhino image is {@code "JSI4JRHI"}, the SHA-256 of the payload, then the payload.
 */
final class RhinoImageMutation {
    private static final byte[] MAGIC = "JSI4JRHI".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST = 32;

    private RhinoImageMutation() {
    }

    /** Whether {@code body} (a blob without its tag) holds a Rhino image. */
    static boolean applies(byte[] body) {
        byte[] image = SnapshotCodec.decode(body).image();
        return image != null && image.length > MAGIC.length + DIGEST && Arrays.equals(image, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** {@code body} with its Rhino image's payload damaged (reproducibly from {@code seed}), digests fitted. */
    static BlobMutations.Mutation of(byte[] body, long seed) {
        SnapshotBlob blob = SnapshotCodec.decode(body);
        byte[] image = blob.image();
        byte[] payload = Arrays.copyOfRange(image, MAGIC.length + DIGEST, image.length);
        BlobMutations.Mutation inner = BlobMutations.of(payload, seed, 1).get(0);
        byte[] damaged = inner.bytes();
        byte[] newImage = new byte[MAGIC.length + DIGEST + damaged.length];
        System.arraycopy(MAGIC, 0, newImage, 0, MAGIC.length);
        System.arraycopy(sha256(damaged), 0, newImage, MAGIC.length, DIGEST);
        System.arraycopy(damaged, 0, newImage, MAGIC.length + DIGEST, damaged.length);
        SnapshotBlob mutated = new SnapshotBlob(blob.engineId(), blob.engineVersion(), blob.externals(), blob.journal(),
                blob.unjournaled(), newImage);
        return new BlobMutations.Mutation("Rhino image payload: " + inner.description() + ", image digest and checksum"
                + " recomputed", SnapshotCodec.encode(mutated), true);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
