package org.jsi4j.hostile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsi4j.HostFunction;
import org.jsi4j.JsEngines;
import org.jsi4j.JsException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.SnapshotKey;
import org.jsi4j.testing.BlobMutations;

/**
 * The snapshot fuzzer's cases: mutants of a real snapshot blob of the child's engine, each
 * restored in the child JVM of the hostile suite ({@link Supervisor}), so that a crash or a hang
 * costs one mutant. Case {@code snapshot-fuzz/tagged-N} damages the blob's body (byte flips,
 * truncation, insertions, length and other u32 fields, header fields, or, for every fifth N, a
 * section spliced in from another blob of the same engine) and then gives it a valid tag made
 * with {@link #KEY}, as someone holding the key would: it must be refused with a
 * {@link org.jsi4j.JsSnapshotException} or restore to a runtime that works. Case
 * {@code snapshot-fuzz/untagged-N} damages the tagged blob the same way without remaking the tag:
 * it must be refused because of its tag. Mutant N is the same in every run.
 */
public final class SnapshotFuzz {
    /** The group of the fuzzer's case ids. */
    public static final String GROUP = "snapshot-fuzz";
    /** The test key the blobs are tagged with. */
    static final byte[] SECRET = "jsi4j snapshot fuzzer test key!!".getBytes(StandardCharsets.US_ASCII);
    static final SnapshotKey KEY = SnapshotKey.of(SECRET);
    private static final byte[] TAG_MARKER = "JSI4JTAG".getBytes(StandardCharsets.US_ASCII);
    private static final long SEED = 13;

    /** The setup snapshotted: closures, a cyclic graph, collections, binary data, symbols, prototypes, an external. */
    static final String SETUP = """
            var counter = (function () { var n = 0; return function () { return ++n; }; })(); counter();
            var graph = { name: 'root', children: [] }; graph.self = graph; graph.children.push({ up: graph });
            var map = new Map([['a', 1], ['b', 'two']]); var set = new Set([1, 'x']);
            var bytes = new Uint8Array([1, 2, 3, 250]); var floats = new Float64Array([1.5, -2.25]);
            var tag = Symbol('t'); var keyed = {}; keyed[tag] = 'sym'; keyed[Symbol.for('g')] = 'global';
            function Animal(n) { this.n = n; } Animal.prototype.say = function () { return this.n + '!'; };
            var rex = new Animal('rex'); var fixed = Object.freeze({ k: [1, 2, 3] });
            log('set up');
            """;
    static final String DONOR_SETUP = """
            var other = { list: [1, 2, 3, 'four', { five: 5 }], text: 'a donor blob with other content' };
            var more = new Map([[1, other]]); function f(x) { return x * x; } var s = Symbol('donor');
            """;
    static final String CHECK = "[counter(), graph.self === graph, map.get('b'), set.size, bytes[3], floats[1], keyed[tag],"
            + " keyed[Symbol.for('g')], rex.say(), Object.isFrozen(fixed), log('checked')].join()";
    static final String EXPECTED = "2,true,two,2,250,-2.25,sym,global,rex!,true,";

    private static final HostFunction LOG = (rt, self, args) -> JsValue.undefined();
    private static final Map<String, Blobs> BLOBS = new ConcurrentHashMap<>();

    private SnapshotFuzz() {
    }

    /** A blob of the setup (tagged with {@link #KEY}), its body without the tag, and a donor blob's body. */
    record Blobs(byte[] sealed, byte[] body, byte[] donor) {
    }

    /** The first {@code count} cases: tagged and untagged mutants, alternately. */
    public static List<HostileCase> cases(int count) {
        List<HostileCase> all = new ArrayList<>();
        for (int n = 0; n < count; n++) all.add(get(GROUP + "/" + (n % 2 == 0 ? "tagged-" : "untagged-") + n));
        return all;
    }

    /**
     * The case named {@code id}, {@code snapshot-fuzz/tagged-N} or {@code snapshot-fuzz/untagged-N}.
     *
     * @throws IllegalArgumentException for any other id
     */
    static HostileCase get(String id) {
        String name = id.substring(GROUP.length() + 1);
        boolean tagged = name.startsWith("tagged-");
        if (!tagged && !name.startsWith("untagged-")) throw new IllegalArgumentException("no hostile case named '" + id + "'");
        int n;
        try {
            n = Integer.parseInt(name.substring(name.indexOf('-') + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no hostile case named '" + id + "'", e);
        }
        Expectation refused = Expect.snapshotRefused().mentioning(tagged ? "snapshot" : "authentication tag");
        return new HostileCase(id, HostileCase.Kind.MISUSE, tagged ? Expect.anyOf(refused, Expect.returned()) : refused,
                null, 0, ctx -> restore(ctx.engine(), mutant(blobs(ctx.engine()), n, tagged)));
    }

    /**
     * Mutant {@code n}: what was done and the bytes. A tagged mutant gets its checksum recomputed
     * (but one in eight), so that most reach the checks behind it; for every fifth (n % 5 == 2) on
     * an engine whose blob holds a Rhino image, the image's serialized payload is damaged and the
     * image's own digest recomputed, so that Rhino's filtered deserialization is what must refuse it.
     */
    static BlobMutations.Mutation mutant(Blobs blobs, int n, boolean tagged) {
        byte[] base = tagged ? blobs.body() : blobs.sealed();
        long seed = SEED * 1_000_003 + n;
        boolean reseal = tagged && n % 8 != 0;
        BlobMutations.Mutation m;
        if (n % 5 == 4) {
            m = BlobMutations.spliced(base, blobs.donor(), seed, reseal);
        } else if (tagged && n % 5 == 2 && RhinoImageMutation.applies(base)) {
            m = RhinoImageMutation.of(base, seed);
        } else {
            m = BlobMutations.of(base, seed, 1).get(0);
            if (reseal && m.bytes().length >= BlobMutations.HEADER) {
                byte[] b = m.bytes().clone();
                BlobMutations.reseal(b);
                m = new BlobMutations.Mutation(m.description() + ", checksum recomputed", b, true);
            }
        }
        byte[] bytes = m.bytes();
        if (Arrays.equals(bytes, base)) {
            bytes = bytes.clone();
            bytes[bytes.length / 2] ^= 0x10; // a header edit that happened to write the same value
        }
        return tagged ? new BlobMutations.Mutation(m.description() + ", tag remade with the key", tag(bytes), m.resealed())
                : new BlobMutations.Mutation(m.description(), bytes, m.resealed());
    }

    /** Restores {@code m} with {@link #KEY} and runs the check; returns what the restored runtime said. */
    static String restore(String engine, BlobMutations.Mutation m) {
        RuntimeOptions options = RuntimeOptions.fromSnapshot(m.bytes(), KEY).withTimeLimit(Duration.ofSeconds(2))
                .externals(Map.of("log", LOG));
        try (JsRuntime rt = JsEngines.factory(engine).create(options)) {
            try {
                String state = rt.evaluate(CHECK, "check.js").asString();
                return (state.equals(EXPECTED) ? "restored intact" : "restored, changed: " + state) + " [" + m.description() + "]";
            } catch (JsTerminatedException e) {
                return "restored, the check was stopped: " + e.reason() + " [" + m.description() + "]";
            } catch (JsException e) {
                return "restored, the check threw " + e.getClass().getSimpleName() + " [" + m.description() + "]";
            }
        }
    }

    /** The blobs of {@code engine}, made once per JVM. */
    static Blobs blobs(String engine) {
        return BLOBS.computeIfAbsent(engine, e -> {
            byte[] sealed = snapshot(e, SETUP);
            byte[] donor = snapshot(e, DONOR_SETUP);
            return new Blobs(sealed, withoutTag(sealed), withoutTag(donor));
        });
    }

    private static byte[] snapshot(String engine, String setup) {
        try (JsRuntime rt = JsEngines.factory(engine).create(RuntimeOptions.forSnapshotting())) {
            rt.external("log", 1, LOG);
            rt.evaluate(setup, "setup.js");
            return rt.snapshot().bytes(KEY);
        }
    }

    private static byte[] withoutTag(byte[] sealed) {
        return Arrays.copyOf(sealed, sealed.length - TAG_MARKER.length - SnapshotKey.TAG_BYTES);
    }

    /** {@code body} with a valid tag under {@link #KEY}: the marker, then the HMAC-SHA256 of everything before the tag. */
    static byte[] tag(byte[] body) {
        try {
            byte[] out = Arrays.copyOf(body, body.length + TAG_MARKER.length + SnapshotKey.TAG_BYTES);
            System.arraycopy(TAG_MARKER, 0, out, body.length, TAG_MARKER.length);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            mac.update(out, 0, body.length + TAG_MARKER.length);
            System.arraycopy(mac.doFinal(), 0, out, body.length + TAG_MARKER.length, SnapshotKey.TAG_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}
