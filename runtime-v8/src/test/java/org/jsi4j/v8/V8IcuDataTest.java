package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class V8IcuDataTest {
    @TempDir
    Path dir;

    /** A little-endian ICU common-data package of one item, {@code name}, as icupkg writes it. */
    private Path pkg(String name, boolean bigEndian) throws IOException {
        int headerSize = 32;
        ByteBuffer b = ByteBuffer.allocate(headerSize + 12 + name.length() + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) headerSize).put((byte) 0xda).put((byte) 0x27);
        b.putShort((short) 20).putShort((short) 0).put((byte) (bigEndian ? 1 : 0)).put((byte) 0).put((byte) 2).put((byte) 0);
        b.put("CmnD".getBytes(StandardCharsets.US_ASCII)).put(new byte[] {1, 0, 0, 0});
        b.position(headerSize);
        b.putInt(1).putInt(12).putInt(12 + name.length() + 1);
        b.put(name.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        Path p = dir.resolve(name.replace('/', '_') + ".dat");
        Files.write(p, b.array());
        return p;
    }

    @Test
    void aPackageOfTheRightIcuVersionPasses() throws IOException {
        assertNull(V8IcuData.check(pkg("icudt77l/root.res", false)));
    }

    @Test
    void anotherIcuVersionIsNamed() throws IOException {
        assertEquals("holds ICU data of another version (items named icudt72l/…, not icudt77l/…)",
                V8IcuData.check(pkg("icudt72l/root.res", false)));
    }

    @Test
    void aBigEndianPackageOrAnyOtherFileIsRefused() throws IOException {
        assertEquals("is not a little-endian ICU data package", V8IcuData.check(pkg("icudt77b/root.res", true)));
        Path text = Files.writeString(dir.resolve("icudt77l.dat"), "not ICU data at all, but long enough to have a header");
        assertEquals("is not a little-endian ICU data package", V8IcuData.check(text));
        assertEquals("is not a little-endian ICU data package", V8IcuData.check(Files.write(dir.resolve("empty.dat"), new byte[0])));
        assertEquals("is not a readable file", V8IcuData.check(dir.resolve("missing.dat")));
        assertEquals("is not a readable file", V8IcuData.check(dir));
    }

    @Test
    void aPackageCutShortHasNoItemsOrNoName() throws IOException {
        Path whole = pkg("icudt77l/root.res", false);
        byte[] bytes = Files.readAllBytes(whole);
        assertEquals("is cut short (its table of contents points past its end)",
                V8IcuData.check(Files.write(dir.resolve("cut.dat"), java.util.Arrays.copyOf(bytes, 40))));
        assertEquals("has no items", V8IcuData.check(Files.write(dir.resolve("cut2.dat"), java.util.Arrays.copyOf(bytes, 34))));
    }
}
