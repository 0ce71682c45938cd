package org.jsi4j.v8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.Snapshot;

/**
 * The V8 native image inside a jsi4j snapshot: V8's startup blob plus what the bridge needs to
 * rebind the heap's host functions and host objects, which call Java by id: the id of each named
 * external and how many ids were in use.
 *
 * @param functionCount host function ids in use when the image was taken
 * @param hostCount host object ids in use
 * @param functions the id of each named external host function
 * @param hosts the id of each named external host object
 * @param v8 V8's startup blob
 */
record V8Image(int functionCount, int hostCount, Map<String, Integer> functions, Map<String, Integer> hosts, byte[] v8) {
    /**
     * Version 2: taken with the read-only heap sealed ({@link V8Platform#SEALED_READ_ONLY_HEAP}), so
     * V8's blob refers only to the read-only objects every isolate of the process shares.
     */
    private static final String FORMAT = "jsi4j-v8-image/2";
    /**
     * Version 1 blobs carry read-only objects of their own: V8 aborts the process when one is
     * restored beside another live isolate, so they are never handed to V8 (the journal is replayed).
     */
    private static final String EXTENDED_READ_ONLY_FORMAT = "jsi4j-v8-image/1";
    private static final int DIGEST_LENGTH = 32;

    V8Image {
        functions = Map.copyOf(functions);
        hosts = Map.copyOf(hosts);
    }

    /**
     * The image of {@code snapshot} when this V8 can use it: taken by the v8 engine at exactly
     * {@code engineVersion} (V8 aborts the process on a blob of another version) and in this image
     * format, or {@code null} when the snapshot must be replayed instead.
     *
     * @throws JsSnapshotException when the image claims to be this engine's but is malformed
     */
    static V8Image usable(Snapshot snapshot, String engineVersion) {
        if (snapshot == null || !V8RuntimeFactory.ID.equals(snapshot.engineId())
                || !engineVersion.equals(snapshot.engineVersion())) {
            return null;
        }
        return snapshot.nativeImage().map(V8Image::decode).orElse(null);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(v8.length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeInt(functionCount);
            out.writeInt(hostCount);
            out.writeInt(functions.size() + hosts.size());
            for (var e : functions.entrySet()) entry(out, e.getKey(), true, e.getValue());
            for (var e : hosts.entrySet()) entry(out, e.getKey(), false, e.getValue());
            out.writeInt(v8.length);
            out.write(digest(v8));
            out.write(v8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(DataOutputStream out, String name, boolean function, int id) throws IOException {
        out.writeUTF(name);
        out.writeBoolean(function);
        out.writeInt(id);
    }

    /** The image, or {@code null} for an image of the older format that V8 must not be given. */
    static V8Image decode(byte[] image) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(image))) {
            String format = in.readUTF();
            if (EXTENDED_READ_ONLY_FORMAT.equals(format)) return null;
            if (!FORMAT.equals(format)) throw malformed("it is not a jsi4j V8 image");
            int functionCount = in.readInt();
            int hostCount = in.readInt();
            int entries = in.readInt();
            if (functionCount < 0 || hostCount < 0 || entries < 0 || entries > image.length) {
                throw malformed("its counts are out of range");
            }
            Map<String, Integer> functions = new LinkedHashMap<>();
            Map<String, Integer> hosts = new LinkedHashMap<>();
            for (int i = 0; i < entries; i++) {
                String name = in.readUTF();
                boolean function = in.readBoolean();
                int id = in.readInt();
                if (id < 0 || id >= (function ? functionCount : hostCount)) throw malformed("external '" + name + "' has a bad id");
                (function ? functions : hosts).put(name, id);
            }
            int length = in.readInt();
            byte[] digest = in.readNBytes(DIGEST_LENGTH);
            if (length <= 0 || length != in.available()) throw malformed("V8's blob has the wrong length");
            byte[] v8 = in.readNBytes(length);
            // V8 aborts the process on a damaged startup blob: never hand it one
            if (!MessageDigest.isEqual(digest, digest(v8))) throw malformed("V8's blob is damaged (its SHA-256 does not match)");
            return new V8Image(functionCount, hostCount, functions, hosts, v8);
        } catch (IOException e) {
            throw malformed("it is truncated");
        }
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static JsSnapshotException malformed(String why) {
        return new JsSnapshotException("Cannot restore this snapshot's V8 native image: " + why
                + ". Take the snapshot again with this jsi4j.", null);
    }
}
