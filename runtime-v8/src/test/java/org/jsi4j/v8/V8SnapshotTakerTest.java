package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;
import org.jsi4j.JsWeakRef;
import org.jsi4j.PreparedScript;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.jsi4j.SnapshotKey;
import org.junit.jupiter.api.Test;

/** The V8 native startup image: taken with live handles, restored without replaying the setup. */
class V8SnapshotTakerTest {
    private final V8RuntimeFactory factory = new V8RuntimeFactory();

    static final String SETUP = """
            count('setup');
            var inc = (function () { var n = 0; return function () { return ++n; }; })();
            inc(); inc();
            let lexical = 'let';
            var map = new Map([['k', { deep: [1, 2] }]]);
            var set = new Set([1, 2, 3]);
            var floats = new Float64Array([1.5, -2.25]);
            var report = function (x) { return count(x); };   // a closure over the external
            """;

    static final String CHECK = "[inc(), lexical, JSON.stringify([...map]), [...set].join('/'), floats[1]].join()";

    /** An external that records each call. */
    static HostFunction recorder(List<String> calls) {
        return (rt, self, args) -> {
            calls.add(args.get(0).asString());
            return JsValue.of(calls.size());
        };
    }

    private Snapshot setupSnapshot(List<String> calls) {
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.external("count", 1, recorder(calls));
            rt.evaluate(SETUP, "setup.js");
            return rt.snapshot();
        }
    }

    @Test
    void aRestoreUsesTheNativeImageAndDoesNotReplayTheSetup() {
        List<String> before = new ArrayList<>();
        Snapshot snap = setupSnapshot(before);
        assertTrue(snap.hasNativeImage(), snap.toString());
        assertEquals(List.of("setup"), before);

        List<String> after = new ArrayList<>();
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(snap.bytes()).externals(Map.of("count", recorder(after))))) {
            assertEquals(List.of(), after, "a replay would have called count('setup') again");
            assertEquals("3,let,[[\"k\",{\"deep\":[1,2]}]],1/2/3,-2.25", rt.evaluate(CHECK, "check.js").asString());
            assertEquals(1.0, rt.evaluate("report('again')", "r.js").asNumber(), "the closure reaches the new external");
            assertEquals(List.of("again"), after);
            assertEquals("undefined", rt.evaluate("typeof " + V8SnapshotTaker.PARKED, "p.js").asString());
        }
        assertEquals(List.of("setup"), before, "the old external is not called after the restore");
    }

    @Test
    void hostObjectExternalsComeBackAsTheNewJavaInstance() {
        byte[] blob;
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.external("config", new Config("old"));
            rt.evaluate("var settings = { source: config }; function mode() { return settings.source.mode; }", "setup.js");
            Snapshot snap = rt.snapshot();
            assertTrue(snap.hasNativeImage());
            blob = snap.bytes();
        }
        Config fresh = new Config("new");
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(blob).externals(Map.of("config", fresh)))) {
            assertEquals("new", rt.evaluate("mode()", "m.js").asString());
            assertSame(fresh, rt.evaluate("config", "c.js").asObject().getHostObject(Config.class));
            rt.evaluate("config.mode = 'set from js'", "s.js");
            assertEquals("set from js", fresh.mode);
        }
    }

    @Test
    void handlesHeldAcrossTheSnapshotStayUsable() {
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            JsFunction count = rt.external("count", 1, recorder(new ArrayList<>()));
            JsObject scoped = rt.evaluate("var o = { v: 1 }; o", "setup.js").asObject();
            JsRef<JsObject> persisted = rt.persist(rt.evaluate("[10, 20]", "a.js").asObject());
            JsObject weakTarget = rt.evaluate("o", "w.js").asObject();
            JsWeakRef<JsObject> weak = rt.weak(weakTarget);
            JsSymbol symbol = (JsSymbol) rt.evaluate("var s = Symbol('s'); s", "s.js");
            PreparedScript prepared = rt.prepare("o.v += 1", "p.js");

            assertTrue(rt.snapshot().hasNativeImage());

            assertEquals(1.0, count.call(JsValue.of("x")).asNumber(), "the external's own handle and its rebound callbacks");
            assertEquals(1.0, scoped.get("v").asNumber());
            assertEquals(20.0, persisted.get().get(1).asNumber());
            assertTrue(weak.get().orElseThrow().strictEquals(scoped));
            assertTrue(rt.evaluate("s", "s2.js").equals(symbol), "symbol tokens still match");
            assertEquals(2.0, prepared.run().asNumber(), "a prepared script is compiled again");
            scoped.set("v", JsValue.of(7));
            assertEquals(7.0, rt.evaluate("o.v", "v.js").asNumber());
            persisted.close();
        }
    }

    @Test
    void aSecondSnapshotOfTheSameRuntimeCarriesOnlyTheJournal() {
        List<String> calls = new ArrayList<>();
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.external("count", 1, recorder(calls));
            rt.evaluate(SETUP, "setup.js");
            assertTrue(rt.snapshot().hasNativeImage());
            rt.evaluate("var later = inc()", "later.js");
            Snapshot second = rt.snapshot();
            assertFalse(second.hasNativeImage(), "V8 takes one native snapshot per isolate");
            List<String> replayed = new ArrayList<>();
            try (JsRuntime back = factory.create(RuntimeOptions.fromSnapshot(second).externals(Map.of("count", recorder(replayed))))) {
                assertEquals(3.0, back.evaluate("later", "l.js").asNumber());
                assertEquals(List.of("setup"), replayed, "restored by replaying the journal");
            }
        }
    }

    @Test
    void aRuntimeRestoredFromTheImageCanBeSnapshottedAgain() {
        Snapshot first = setupSnapshot(new ArrayList<>());
        List<String> calls = new ArrayList<>();
        Snapshot second;
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(first).externals(Map.of("count", recorder(calls))))) {
            rt.evaluate("var more = report('second setup')", "more.js");
            second = rt.snapshot();
        }
        assertTrue(second.hasNativeImage());
        List<String> after = new ArrayList<>();
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(second).externals(Map.of("count", recorder(after))))) {
            assertEquals(List.of(), after);
            assertEquals(1.0, rt.evaluate("more", "m.js").asNumber());
            assertEquals("3,let", rt.evaluate("[inc(), lexical].join()", "c.js").asString());
        }
    }

    @Test
    void aHostFunctionMadeByACallbackAndKeptByTheSetupFallsBackToTheJournal() {
        List<String> calls = new ArrayList<>();
        Snapshot snap;
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.external("make", 0, (r, self, args) -> r.function("made", 0, (r2, s2, a2) -> JsValue.of("made")));
            rt.external("count", 1, recorder(calls));
            rt.evaluate("var kept = make(); count('setup')", "setup.js");
            snap = rt.snapshot();
        }
        assertFalse(snap.hasNativeImage(), "the image could not rebind 'made', so only the journal is kept");
        List<String> replayed = new ArrayList<>();
        HostFunction make = (r, self, args) -> r.function("made", 0, (r2, s2, a2) -> JsValue.of("made again"));
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(snap)
                .externals(Map.of("make", make, "count", recorder(replayed))))) {
            assertEquals("made again", rt.evaluate("kept()", "k.js").asString());
            assertEquals(List.of("setup"), replayed);
        }
    }

    @Test
    void aDamagedImageInAnOtherwiseValidBlobIsRefusedBeforeV8SeesIt() {
        // defence in depth behind the authentication tag: a damaged image with a valid checksum,
        // read without authentication (as a caller who opted out, or an attacker with the key, could)
        byte[] sealed = setupSnapshot(new ArrayList<>()).bytes();
        byte[] blob = java.util.Arrays.copyOf(sealed, sealed.length - 40); // without the tag trailer
        for (int back : new int[] {1, 1000, 100_000}) {
            byte[] damaged = blob.clone();
            damaged[damaged.length - back] ^= 0x5a;   // inside V8's startup blob, the last part of the payload
            resealChecksum(damaged);
            Snapshot parsed = Snapshot.parseUnauthenticated(damaged);
            assertTrue(parsed.hasNativeImage());
            JsSnapshotException e = assertThrows(JsSnapshotException.class, () -> factory.create(
                    RuntimeOptions.fromSnapshot(parsed).externals(Map.of("count", recorder(new ArrayList<>())))));
            assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        }
    }

    /** Recomputes the blob's CRC32 (header: 8 magic bytes, u16 version, u32 length, u32 CRC). */
    private static void resealChecksum(byte[] blob) {
        CRC32 crc = new CRC32();
        crc.update(blob, 18, blob.length - 18);
        ByteBuffer.wrap(blob).putInt(14, (int) crc.getValue());
    }

    /** A host object with one property, {@code mode}. */
    static final class Config implements HostObject {
        String mode;

        Config(String mode) {
            this.mode = mode;
        }

        @Override
        public JsValue get(JsRuntime rt, String name) {
            return name.equals("mode") ? JsValue.of(mode) : null;
        }

        @Override
        public void set(JsRuntime rt, String name, JsValue value) {
            if (name.equals("mode")) mode = value.asString();
        }

        @Override
        public List<String> propertyNames(JsRuntime rt) {
            return List.of("mode");
        }
    }
}
