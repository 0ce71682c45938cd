package org.jsi4j.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Damaged copies of a real snapshot blob, for the robustness tests and the snapshot fuzzer: bit
 * flips, truncations, insertions, overwritten fields (lengths among them) and sections spliced in
 * from another blob, half of them with the header's length and CRC32 rewritten to fit (as a careful
 * forger would), so that the checks behind the checksum are exercised too. The header layout is
 * the documented one: magic (8 bytes), version (u16), payload length (u32), CRC32 (u32).
 */
public final class BlobMutations {
    /** The length of the blob header. */
    public static final int HEADER = 8 + 2 + 4 + 4;

    /** One damaged blob and how it was made. */
    public record Mutation(String description, byte[] bytes, boolean resealed) {
    }

    private BlobMutations() {
    }

    /** {@code count} mutations of {@code blob}, reproducible from {@code seed}. */
    public static List<Mutation> of(byte[] blob, long seed, int count) {
        Random random = new Random(seed);
        List<Mutation> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean reseal = i % 2 == 1;
            byte[] m;
            String what;
            switch (random.nextInt(5)) {
                case 0 -> {
                    m = blob.clone();
                    int flips = 1 + random.nextInt(3);
                    for (int k = 0; k < flips; k++) m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
                    what = flips + " bit flip(s)";
                }
                case 1 -> {
                    int length = random.nextInt(blob.length);
                    m = Arrays.copyOf(blob, length);
                    what = "truncated to " + length + " bytes";
                }
                case 2 -> {
                    int at = random.nextInt(blob.length + 1);
                    byte[] extra = new byte[1 + random.nextInt(8)];
                    random.nextBytes(extra);
                    m = new byte[blob.length + extra.length];
                    System.arraycopy(blob, 0, m, 0, at);
                    System.arraycopy(extra, 0, m, at, extra.length);
                    System.arraycopy(blob, at, m, at + extra.length, blob.length - at);
                    what = extra.length + " byte(s) inserted at " + at;
                }
                case 3 -> {
                    m = blob.clone();
                    int at = HEADER + random.nextInt(m.length - HEADER - 3);
                    int value = switch (random.nextInt(4)) {
                        case 0 -> -1;
                        case 1 -> Integer.MAX_VALUE;
                        case 2 -> random.nextInt(64);
                        default -> random.nextInt();
                    };
                    // a value the blob already holds there would be no mutation at all
                    if (ByteBuffer.wrap(m).getInt(at) == value) value = ~value;
                    ByteBuffer.wrap(m).putInt(at, value);
                    what = "u32 at " + at + " set to " + value;
                }
                default -> {
                    m = blob.clone();
                    ByteBuffer header = ByteBuffer.wrap(m);
                    switch (random.nextInt(3)) {
                        case 0 -> header.putShort(8, (short) (2 + random.nextInt(100)));
                        case 1 -> header.put(random.nextInt(8), (byte) random.nextInt(256));
                        default -> header.putInt(10, random.nextInt());
                    }
                    reseal = false;
                    what = "header field edited";
                }
            }
            if (reseal && m.length >= HEADER) reseal(m);
            all.add(new Mutation(what + (reseal ? ", checksum recomputed" : ""), m, reseal));
        }
        return all;
    }

    /**
     * {@code blob} with one section replaced by a section of {@code donor} (another real blob)
     * from about the same place, of about the same length, reproducible from {@code seed}; the
     * checksum is rewritten to fit when {@code reseal}. The result always differs from {@code blob}.
     */
    public static Mutation spliced(byte[] blob, byte[] donor, long seed, boolean reseal) {
        Random random = new Random(seed);
        int from = HEADER + random.nextInt(Math.max(1, blob.length - HEADER));
        int length = 1 + random.nextInt(Math.max(1, Math.min(blob.length - from, 4096)));
        int donorFrom = Math.min(Math.max(0, donor.length - 1), Math.max(0, from + random.nextInt(257) - 128));
        int donorLength = Math.min(donor.length - donorFrom, Math.max(1, length + random.nextInt(65) - 32));
        byte[] m = new byte[blob.length - length + donorLength];
        System.arraycopy(blob, 0, m, 0, from);
        System.arraycopy(donor, donorFrom, m, from, donorLength);
        System.arraycopy(blob, from + length, m, from + donorLength, blob.length - from - length);
        if (Arrays.equals(m, blob)) m[from] ^= 1;
        if (reseal) reseal(m);
        return new Mutation(length + " bytes at " + from + " replaced by " + donorLength + " bytes of another blob at "
                + donorFrom + (reseal ? ", checksum recomputed" : ""), m, reseal);
    }

    /** Rewrites the payload length and CRC32 to fit what follows the header. */
    public static void reseal(byte[] blob) {
        int payload = blob.length - HEADER;
        CRC32 crc = new CRC32();
        crc.update(blob, HEADER, payload);
        ByteBuffer.wrap(blob).putInt(10, payload).putInt(14, (int) crc.getValue());
    }
}
