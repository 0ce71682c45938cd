package org.jsi4j.snapshot;

import org.jsi4j.JsSnapshotException;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The bytes of a snapshot blob. All numbers are big-endian:
 * <pre>
 * header   magic "JSI4JSNP" (8 bytes) | format version u16 | payload length u32 | CRC32 of payload u32
 * payload  engine id str | engine version str
 *          externals u32, each: name str | kind u8 (1 function, 2 object) | length u32
 *          journal u32, each: tag u8 then 1 (script): source name str | source str | threw u8 (0/1)
 *                                      or 2 (bind): external name str
 *                                      or 3 (module): specifier str | flags u8 (2 require, else import; 1 threw)
 *          unjournaled u32, each: description str
 *          image length u32 | image bytes (length 0: no native image)
 * str      byte length u32 | UTF-8 bytes
 * </pre>
 * Decoding checks the magic, the version, the exact length, the checksum, every length against
 * the bytes that remain, strict UTF-8, and that the parts agree ({@link SnapshotBlob}); anything
 * wrong is a {@link JsSnapshotException} that says what, before any engine sees the blob.
 */
public final class SnapshotCodec {
    /** The magic bytes every blob starts with. */
    public static final byte[] MAGIC = "JSI4JSNP".getBytes(StandardCharsets.US_ASCII);
    /** The format this code writes and reads. */
    static final int FORMAT_VERSION = 1;
    /** Bytes before the payload. */
    static final int HEADER_LENGTH = MAGIC.length + 2 + 4 + 4;

    private static final int SCRIPT = 1;
    private static final int BIND = 2;
    private static final int MODULE = 3;

    private SnapshotCodec() {
    }

    /** The blob's bytes. */
    public static byte[] encode(SnapshotBlob blob) {
        Out out = new Out();
        out.str(blob.engineId());
        out.str(blob.engineVersion());
        out.u32(blob.externals().size());
        for (Journal.External x : blob.externals()) {
            out.str(x.name());
            out.u8(x.kind() == Journal.Kind.FUNCTION ? 1 : 2);
            out.u32(x.length());
        }
        out.u32(blob.journal().size());
        for (Journal.Entry e : blob.journal()) {
            switch (e) {
                case Journal.Script s -> {
                    out.u8(SCRIPT);
                    out.str(s.sourceName());
                    out.str(s.source());
                    out.u8(s.threw() ? 1 : 0);
                }
                case Journal.Bind b -> {
                    out.u8(BIND);
                    out.str(b.name());
                }
                case Journal.Module m -> {
                    out.u8(MODULE);
                    out.str(m.specifier());
                    out.u8((m.require() ? 2 : 0) | (m.threw() ? 1 : 0));
                }
            }
        }
        out.u32(blob.unjournaled().size());
        for (String u : blob.unjournaled()) out.str(u);
        byte[] image = blob.image() == null ? new byte[0] : blob.image();
        out.u32(image.length);
        out.bytes.writeBytes(image);
        byte[] payload = out.bytes.toByteArray();

        ByteBuffer whole = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
        whole.put(MAGIC).putShort((short) FORMAT_VERSION).putInt(payload.length).putInt((int) crc(payload, 0, payload.length));
        whole.put(payload);
        return whole.array();
    }

    /**
     * The checked content of a blob.
     *
     * @throws JsSnapshotException when it is not a jsi4j snapshot, is truncated or corrupt, or
     *     was written by an unsupported format version
     */
    public static SnapshotBlob decode(byte[] bytes) {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw bad("it is not a jsi4j snapshot (it does not start with the jsi4j magic bytes \"JSI4JSNP\")");
        }
        if (bytes.length < HEADER_LENGTH) throw bad("it is truncated: " + bytes.length + " bytes, shorter than the header");
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(MAGIC.length);
        int version = Short.toUnsignedInt(in.getShort());
        if (version != FORMAT_VERSION) {
            throw bad("it has format version " + version + ", and this jsi4j reads only version " + FORMAT_VERSION
                    + "; take the snapshot again with this jsi4j");
        }
        long declared = Integer.toUnsignedLong(in.getInt());
        long stored = Integer.toUnsignedLong(in.getInt());
        long actual = bytes.length - HEADER_LENGTH;
        if (declared != actual) {
            throw bad((actual < declared ? "it is truncated" : "it has extra bytes") + ": the header announces a payload of "
                    + declared + " bytes but " + actual + " follow");
        }
        long computed = crc(bytes, HEADER_LENGTH, (int) actual);
        if (computed != stored) {
            throw bad(String.format("it is corrupt: the payload checksum is %08x, the header says %08x", computed, stored));
        }
        try {
            return readPayload(in.slice());
        } catch (BufferUnderflowException e) {
            throw bad("it is malformed: a field runs past the end of the payload");
        } catch (IllegalArgumentException e) {
            throw bad("it is malformed: " + e.getMessage());
        }
    }

    private static SnapshotBlob readPayload(ByteBuffer in) {
        String engineId = str(in);
        String engineVersion = str(in);
        List<Journal.External> externals = new ArrayList<>();
        for (int n = count(in, 6); n > 0; n--) {
            String name = str(in);
            int kind = Byte.toUnsignedInt(in.get());
            if (kind != 1 && kind != 2) throw new IllegalArgumentException("external '" + name + "' has unknown kind " + kind);
            int length = in.getInt();
            if (kind == 2 && length != 0) throw new IllegalArgumentException("host object external '" + name + "' has a length");
            externals.add(new Journal.External(name, kind == 1 ? Journal.Kind.FUNCTION : Journal.Kind.OBJECT, length));
        }
        List<Journal.Entry> journal = new ArrayList<>();
        for (int n = count(in, 5); n > 0; n--) {
            int tag = Byte.toUnsignedInt(in.get());
            switch (tag) {
                case SCRIPT -> {
                    String name = str(in);
                    String source = str(in);
                    int threw = Byte.toUnsignedInt(in.get());
                    if (threw > 1) throw new IllegalArgumentException("script '" + name + "' has a bad outcome flag " + threw);
                    journal.add(new Journal.Script(name, source, threw == 1));
                }
                case BIND -> journal.add(new Journal.Bind(str(in)));
                case MODULE -> {
                    String specifier = str(in);
                    int flags = Byte.toUnsignedInt(in.get());
                    if (flags > 3) throw new IllegalArgumentException("module '" + specifier + "' has bad flags " + flags);
                    journal.add(new Journal.Module(specifier, (flags & 2) != 0, (flags & 1) != 0));
                }
                default -> throw new IllegalArgumentException("journal step " + journal.size() + " has unknown tag " + tag);
            }
        }
        List<String> unjournaled = new ArrayList<>();
        for (int n = count(in, 4); n > 0; n--) unjournaled.add(str(in));
        int imageLength = count(in, 1);
        byte[] image = new byte[imageLength];
        in.get(image);
        if (in.hasRemaining()) throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the image");
        return new SnapshotBlob(engineId, engineVersion, externals, journal, unjournaled, imageLength == 0 ? null : image);
    }

    /** A count of items at least {@code minSize} bytes each, checked against what remains. */
    private static int count(ByteBuffer in, int minSize) {
        long n = Integer.toUnsignedLong(in.getInt());
        if (n * minSize > in.remaining()) {
            throw new IllegalArgumentException("a count of " + n + " does not fit in the " + in.remaining() + " bytes left");
        }
        return (int) n;
    }

    private static String str(ByteBuffer in) {
        int length = count(in, 1);
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a string is not valid UTF-8");
        }
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private static JsSnapshotException bad(String what) {
        return new JsSnapshotException("Cannot restore this snapshot blob: " + what + ".", null);
    }

    /** A growing big-endian buffer. */
    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void u8(int v) {
            bytes.write(v);
        }

        void u32(int v) {
            bytes.write(v >>> 24);
            bytes.write(v >>> 16);
            bytes.write(v >>> 8);
            bytes.write(v);
        }

        void str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u32(b.length);
            bytes.writeBytes(b);
        }
    }
}
