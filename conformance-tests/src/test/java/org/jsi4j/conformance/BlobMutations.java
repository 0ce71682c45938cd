package org.jsi4j.conformance;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Damaged copies of a real snapshot blob, for the robustness test: bit flips, truncations,
 * insertions and overwritten fields, half of them with the header's length and CRC32 rewritten
 * to fit (as a careful forger would), so that the checks behind the checksum are exercised too.
 * The header layout is the documented one: magic (8 bytes), version (u16), payload length (u32),
 * CRC32 (u32).
 */
final class BlobMutations {
    static final int HEADER = 8 + 2 + 4 + 4;

    /** One damaged blob and how it was made. */
    record Mutation(String description, byte[] bytes, boolean resealed) {
    }

    private BlobMutations() {
    }

    /** {@code count} mutations of {@code blob}, reproducible from {@code seed}. */
    static List<Mutation> of(byte[] blob, long seed, int count) {
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

    /** Rewrites the payload length and CRC32 to fit what follows the header. */
    static void reseal(byte[] blob) {
        int payload = blob.length - HEADER;
        CRC32 crc = new CRC32();
        crc.update(blob, HEADER, payload);
        ByteBuffer.wrap(blob).putInt(10, payload).putInt(14, (int) crc.getValue());
    }
}
