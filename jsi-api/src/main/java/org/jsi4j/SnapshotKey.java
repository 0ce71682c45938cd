package org.jsi4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The application's secret that authenticates snapshot blobs. A snapshot blob is code: it is
 * restored only when it carries an HMAC-SHA256 tag made with the same key, checked before any of
 * its bytes is decoded, so that a blob changed or forged by someone without the key is refused.
 * <pre>{@code
 * SnapshotKey key = SnapshotKey.fromFileOrCreate(Path.of("/etc/myapp/snapshot.key"));
 * byte[] blob = rt.snapshot().bytes(key);
 * JsRuntime restored = factory.create(RuntimeOptions.fromSnapshot(blob, key).externals(...));
 * }</pre>
 * {@link #defaultKey()} is the key the key-less methods use: the file named by the
 * {@value #KEY_FILE_PROPERTY} system property or the {@code JSI_SNAPSHOT_KEY_FILE} environment
 * variable, else {@code ~/.jsi4j/snapshot.key}, created on first use with owner-only permissions.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the secret.
 */
public final class SnapshotKey {
    /** The system property naming the default key file. */
    public static final String KEY_FILE_PROPERTY = "jsi.snapshot.keyFile";
    /** The length of a tag, in bytes. */
    public static final int TAG_BYTES = 32;
    private static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static volatile SnapshotKey defaultKey;

    private final SecretKeySpec secret;
    private final String fingerprint;

    private SnapshotKey(byte[] secret) {
        this.secret = new SecretKeySpec(secret, ALGORITHM);
        this.fingerprint = HexFormat.of().formatHex(sha256(secret), 0, 4);
    }

    /**
     * A key from secret bytes (at least 32; a copy is kept).
     *
     * @throws IllegalArgumentException when shorter
     */
    public static SnapshotKey of(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("A snapshot key needs at least " + MIN_SECRET_BYTES + " secret bytes, got "
                    + secret.length + "; use SnapshotKey.generate() or a key file");
        }
        return new SnapshotKey(secret.clone());
    }

    /** A new random key (32 bytes from {@link SecureRandom}). */
    public static SnapshotKey generate() {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return new SnapshotKey(secret);
    }

    /**
     * The key in {@code file} (its raw bytes).
     *
     * @throws IllegalArgumentException when the file is too short, or readable or writable by
     *     users other than its owner (on file systems with POSIX permissions)
     * @throws UncheckedIOException when it cannot be read
     */
    public static SnapshotKey fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            checkOwnerOnly(file);
            byte[] secret = Files.readAllBytes(file);
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("The snapshot key file " + file + " holds " + secret.length
                        + " bytes; a key needs at least " + MIN_SECRET_BYTES + ". Delete it to have a new one made");
            }
            return new SnapshotKey(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the snapshot key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key in {@code file}, made first (32 random bytes, permissions {@code rw-------}) when the
     * file does not exist. Two processes racing to make it end with the same key.
     */
    public static SnapshotKey fromFileOrCreate(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            byte[] secret = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            try {
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".snapshot-key", ".tmp");
                try {
                    restrictToOwner(tmp);
                    Files.write(tmp, secret);
                    try {
                        Files.createLink(file, tmp); // atomic, and fails when another process made it first
                    } catch (FileAlreadyExistsException raced) {
                        // theirs wins
                    } catch (UnsupportedOperationException | IOException noLinks) {
                        if (!Files.exists(file)) Files.move(tmp, file);
                    }
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the snapshot key file " + file + ": " + e.getMessage()
                        + ". Point " + KEY_FILE_PROPERTY + " (or JSI_SNAPSHOT_KEY_FILE) at a writable place", e);
            }
        }
        return fromFile(file);
    }

    /**
     * The key of this process: the file named by {@value #KEY_FILE_PROPERTY} or
     * {@code JSI_SNAPSHOT_KEY_FILE}, else {@code ~/.jsi4j/snapshot.key}, made on first use.
     */
    public static SnapshotKey defaultKey() {
        SnapshotKey key = defaultKey;
        if (key == null) {
            synchronized (SnapshotKey.class) {
                key = defaultKey;
                if (key == null) defaultKey = key = fromFileOrCreate(defaultKeyFile());
            }
        }
        return key;
    }

    /** Where {@link #defaultKey()} reads its key from. */
    public static Path defaultKeyFile() {
        String configured = System.getProperty(KEY_FILE_PROPERTY);
        if (configured == null || configured.isBlank()) configured = System.getenv("JSI_SNAPSHOT_KEY_FILE");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("user.home"), ".jsi4j", "snapshot.key");
    }

    /** The tag of {@code bytes[0, length)} under this key. */
    byte[] tag(byte[] bytes, int length) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            mac.update(bytes, 0, length);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("This JDK has no " + ALGORITHM, e);
        }
    }

    /** Whether {@code tag} is the tag of {@code bytes[0, length)}, compared in constant time. */
    boolean verifies(byte[] bytes, int length, byte[] tag) {
        return MessageDigest.isEqual(tag(bytes, length), tag);
    }

    /** A short fingerprint of the key (the first 4 bytes of its SHA-256), safe to show in messages. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "SnapshotKey[" + fingerprint + "]";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // e.g. Windows: the user's profile directory is private already
        }
    }

    private static void checkOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        others.retainAll(perms);
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("The snapshot key file " + file + " is accessible to other users ("
                    + PosixFilePermissions.toString(perms) + "); a key others can read lets them forge snapshots."
                    + " Run: chmod 600 " + file);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotKey k && MessageDigest.isEqual(k.secret.getEncoded(), secret.getEncoded());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fingerprint.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
