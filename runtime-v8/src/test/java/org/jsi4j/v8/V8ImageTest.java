package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsi4j.JsSnapshotException;
import org.junit.jupiter.api.Test;

/** The image format: what is handed to V8 and what never is. */
class V8ImageTest {
    private static final V8Image IMAGE = new V8Image(2, 1, Map.of("log", 1), Map.of("config", 0), new byte[] {7, 8, 9});

    @Test
    void anImageDecodesToWhatWasEncoded() {
        V8Image back = V8Image.decode(IMAGE.encode());
        assertEquals(IMAGE.functionCount(), back.functionCount());
        assertEquals(IMAGE.hostCount(), back.hostCount());
        assertEquals(IMAGE.functions(), back.functions());
        assertEquals(IMAGE.hosts(), back.hosts());
        assertArrayEquals(IMAGE.v8(), back.v8());
    }

    /** Version 1 blobs hold read-only objects of their own; V8 aborts when one is restored beside a live isolate. */
    @Test
    void anImageOfTheFirstFormatIsLeftToTheJournal() {
        assertNull(V8Image.decode(withFormat("jsi4j-v8-image/1")));
    }

    @Test
    void anUnknownFormatIsRefused() {
        JsSnapshotException e = assertThrows(JsSnapshotException.class, () -> V8Image.decode(withFormat("jsi4j-v8-image/9")));
        assertTrue(e.getMessage().contains("not a jsi4j V8 image"), e.getMessage());
    }

    /** {@link #IMAGE} encoded, its format string replaced by {@code format} (same length). */
    private static byte[] withFormat(String format) {
        byte[] bytes = IMAGE.encode();
        byte[] name = format.getBytes(StandardCharsets.UTF_8);
        assertEquals(bytes[1], name.length, "the replacement must keep the format's length");
        System.arraycopy(name, 0, bytes, 2, name.length);
        return bytes;
    }
}
