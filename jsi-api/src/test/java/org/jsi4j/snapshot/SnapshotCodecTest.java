package org.jsi4j.snapshot;

import org.jsi4j.JsSnapshotException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

public class SnapshotCodecTest {
    public static SnapshotBlob sample(byte[] image) {
        return new SnapshotBlob("rhino", "1.9.2",
                List.of(new Journal.External("log", Journal.Kind.FUNCTION, 1), new Journal.External("store", Journal.Kind.OBJECT, 0)),
                List.of(new Journal.Bind("log"), new Journal.Script("init.js", "var π = 'ünïcödé'; log(π);", false),
                        new Journal.Bind("store"), new Journal.Script("bad.js", "throw 1", true)),
                List.of(), image);
    }

    /** Rewrites the header's length and checksum to fit the payload, as a careful forger would. */
    public static byte[] reseal(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob);
        int payload = blob.length - SnapshotCodec.HEADER_LENGTH;
        CRC32 crc = new CRC32();
        crc.update(blob, SnapshotCodec.HEADER_LENGTH, payload);
        b.putInt(10, payload).putInt(14, (int) crc.getValue());
        return blob;
    }

    @Test
    void roundTripKeepsEveryField() {
        SnapshotBlob blob = sample(new byte[] {1, 2, 3});
        SnapshotBlob back = SnapshotCodec.decode(SnapshotCodec.encode(blob));
        assertEquals(blob.engineId(), back.engineId());
        assertEquals(blob.engineVersion(), back.engineVersion());
        assertEquals(blob.externals(), back.externals());
        assertEquals(blob.journal(), back.journal());
        assertArrayEquals(new byte[] {1, 2, 3}, back.image());
        assertNull(SnapshotCodec.decode(SnapshotCodec.encode(sample(null))).image());
    }

    @Test
    void headerIsMagicVersionLengthChecksum() {
        byte[] bytes = SnapshotCodec.encode(sample(null));
        assertArrayEquals("JSI4JSNP".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(bytes, 8));
        ByteBuffer b = ByteBuffer.wrap(bytes);
        assertEquals(SnapshotCodec.FORMAT_VERSION, b.getShort(8));
        assertEquals(bytes.length - SnapshotCodec.HEADER_LENGTH, b.getInt(10));
    }

    private static String rejection(byte[] bytes) {
        return assertThrows(JsSnapshotException.class, () -> SnapshotCodec.decode(bytes)).getMessage();
    }

    @Test
    void foreignTruncatedCorruptAndNewerBlobsAreRejectedSayingWhy() {
        byte[] good = SnapshotCodec.encode(sample(null));
        assertTrue(rejection("PK\u0003\u0004 a zip file".getBytes(StandardCharsets.ISO_8859_1)).contains("not a jsi4j snapshot"));
        assertTrue(rejection(new byte[0]).contains("not a jsi4j snapshot"));
        assertTrue(rejection(Arrays.copyOf(good, good.length - 1)).contains("truncated"));
        assertTrue(rejection(Arrays.copyOf(good, 12)).contains("truncated"));
        assertTrue(rejection(Arrays.copyOf(good, good.length + 3)).contains("extra bytes"));
        byte[] flipped = good.clone();
        flipped[good.length - 6] ^= 0x10;
        assertTrue(rejection(flipped).contains("corrupt"));
        byte[] newer = good.clone();
        newer[9] = 2;
        String m = rejection(newer);
        assertTrue(m.contains("format version 2") && m.contains("take the snapshot again"), m);
    }

    @Test
    void structuralEditsWithARecomputedChecksumAreRejected() {
        byte[] good = SnapshotCodec.encode(sample(null));
        // the first external's kind byte: after engine id (4+5), version (4+5), count (4), name (4+3)
        int kindAt = SnapshotCodec.HEADER_LENGTH + 9 + 9 + 4 + 7;
        byte[] badKind = good.clone();
        badKind[kindAt] = 9;
        assertTrue(rejection(reseal(badKind)).contains("unknown kind 9"));
        byte[] hugeCount = good.clone();
        ByteBuffer.wrap(hugeCount).putInt(SnapshotCodec.HEADER_LENGTH + 18, Integer.MAX_VALUE);
        assertTrue(rejection(reseal(hugeCount)).contains("does not fit"));
        byte[] badUtf8 = good.clone();
        badUtf8[SnapshotCodec.HEADER_LENGTH + 4] = (byte) 0xff;
        assertTrue(rejection(reseal(badUtf8)).contains("UTF-8"));
    }

    @Test
    void partsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> new SnapshotBlob("v8", "1",
                List.of(new Journal.External("a", Journal.Kind.FUNCTION, 0)), List.of(), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new SnapshotBlob("v8", "1", List.of(),
                List.of(new Journal.Bind("a")), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new SnapshotBlob("v8", "1",
                List.of(new Journal.External("a", Journal.Kind.OBJECT, 0), new Journal.External("a", Journal.Kind.OBJECT, 0)),
                List.of(new Journal.Bind("a")), List.of(), null));
    }
}
