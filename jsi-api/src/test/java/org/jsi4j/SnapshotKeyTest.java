package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.jsi4j.snapshot.SnapshotCodec;
import org.jsi4j.snapshot.SnapshotCodecTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot blobs are authenticated: a blob is restored only with the key it was made with. */
class SnapshotKeyTest {
    private static final SnapshotKey KEY = SnapshotKey.generate();

    private static byte[] sealed(SnapshotKey key) {
        return Snapshot.parseUnauthenticated(SnapshotCodec.encode(SnapshotCodecTest.sample(new byte[] {1, 2, 3}))).bytes(key);
    }

    private static String refusal(byte[] blob, SnapshotKey key) {
        return assertThrows(JsSnapshotException.class, () -> Snapshot.parse(blob, key)).getMessage();
    }

    @Test
    void aBlobRestoresWithTheKeyItWasMadeWith() {
        Snapshot s = Snapshot.parse(sealed(KEY), KEY);
        assertEquals(java.util.List.of("log", "store"), s.externalNames());
        assertArrayEquals(new byte[] {1, 2, 3}, s.nativeImage().orElseThrow());
        assertArrayEquals(sealed(KEY), s.bytes(KEY), "sealing is deterministic");
    }

    @Test
    void anotherKeyIsRefusedAndTheMessageNamesTheKey() {
        String m = refusal(sealed(SnapshotKey.generate()), KEY);
        assertTrue(m.contains("does not match the key " + KEY.fingerprint()), m);
    }

    @Test
    void everySingleByteChangeIsRefusedBeforeDecoding() {
        byte[] blob = sealed(KEY);
        for (int i = 0; i < blob.length; i++) {
            byte[] bad = blob.clone();
            bad[i] ^= 0x40;
            String m = refusal(bad, KEY);
            assertTrue(m.startsWith("Refusing this snapshot blob"), "byte " + i + ": " + m);
        }
    }

    @Test
    void aBlobWithoutItsTagOrCutShortIsRefused() {
        byte[] blob = sealed(KEY);
        assertTrue(refusal(Arrays.copyOf(blob, blob.length - 40), KEY).contains("no authentication tag"));
        assertTrue(refusal(Arrays.copyOf(blob, 10), KEY).contains("no authentication tag"));
        assertTrue(refusal(new byte[0], KEY).contains("no authentication tag"));
        byte[] recomputedChecksumOnly = SnapshotCodecTest.reseal(SnapshotCodec.encode(SnapshotCodecTest.sample(null)));
        assertTrue(refusal(recomputedChecksumOnly, KEY).contains("no authentication tag"),
                "a valid checksum is not an authentication");
    }

    @Test
    void unauthenticatedRestoreIsAnExplicitOptIn() {
        Snapshot s = Snapshot.parseUnauthenticated(sealed(SnapshotKey.generate()));
        assertEquals(java.util.List.of("log", "store"), s.externalNames());
        RuntimeOptions o = RuntimeOptions.fromUnauthenticatedSnapshot(SnapshotCodec.encode(SnapshotCodecTest.sample(null)));
        assertTrue(o.journaling());
    }

    @Test
    void keysNeedEnoughSecretAndNeverShowIt() {
        assertThrows(IllegalArgumentException.class, () -> SnapshotKey.of(new byte[16]));
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        SnapshotKey k = SnapshotKey.of(secret);
        assertEquals(k, SnapshotKey.of(secret.clone()));
        assertNotEquals(k, KEY);
        assertFalse(k.toString().contains("0707"), k.toString());
        assertEquals(8, k.fingerprint().length());
    }

    @Test
    void aKeyFileIsMadeOwnerOnlyAndReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/snapshot.key");
        SnapshotKey made = SnapshotKey.fromFileOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Files.size(file));
        assertEquals(made, SnapshotKey.fromFileOrCreate(file), "the second use reads the same key");
        assertEquals(made, SnapshotKey.fromFile(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SnapshotKey.fromFile(file));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        Path shortFile = dir.resolve("short.key");
        Files.write(shortFile, new byte[5]);
        Files.setPosixFilePermissions(shortFile, PosixFilePermissions.fromString("rw-------"));
        assertThrows(IllegalArgumentException.class, () -> SnapshotKey.fromFile(shortFile));
    }
}
