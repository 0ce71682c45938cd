package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.zip.CRC32;
import org.jsi4j.HostFunction;
import org.jsi4j.JsException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.JsValue;
import org.jsi4j.MapHostObject;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.junit.jupiter.api.Test;

/** Rhino's native snapshot image ({@link RhinoImage}): what it keeps, that it is used, and what it refuses. */
class RhinoImageTest {
    private static final RhinoRuntimeFactory FACTORY = new RhinoRuntimeFactory();

    private static final String SETUP = """
            var counter = (function () { var n = 0; return function () { return ++n; }; })();
            counter(); counter();
            let letBinding = 'let';
            const constBinding = 42;
            function declared(x) { return x * 2; }
            implicitGlobal = 'sloppy';
            globalThis.viaGlobalThis = 'gt';
            var graph = { name: 'root', children: [] };
            graph.self = graph;
            var shared = { tag: 'shared' };
            graph.children.push({ parent: graph, ref: shared }, { parent: graph, ref: shared });
            function Animal(name) { this.name = name; }
            Animal.prototype.speak = function () { return this.name + ' speaks'; };
            function Dog(name) { Animal.call(this, name); }
            Dog.prototype = Object.create(Animal.prototype);
            Dog.prototype.constructor = Dog;
            Dog.prototype.speak = function () { return Animal.prototype.speak.call(this) + ' woof'; };
            var rex = new Dog('rex');
            var map = new Map([['a', 1], ['graph', graph]]);
            var set = new Set([1, 'two', 'three']);
            var buffer = new ArrayBuffer(8);
            var bytes = new Uint8Array(buffer);
            bytes.set([1, 2, 3, 250]);
            var floats = new Float64Array([1.5, -2.25]);
            var tagged = Symbol('tagged');
            var symbolic = {};
            symbolic[tagged] = 'by symbol';
            symbolic[Symbol.for('registered')] = 'registered';
            var iterable = {};
            iterable[Symbol.iterator] = function () {
              var i = 0; return { next: function () { return i < 2 ? { value: 'i' + ++i, done: false } : { done: true }; } }; };
            var when = new Date(0);
            var pattern = /a(b+)/g;
            var big = 2n ** 70n;
            var logger = (function (sink) { return function (m) { sink('[app] ' + m); }; })(log);
            logger('setup done');
            """;

    private static final String CHECK = """
            [counter(), letBinding, constBinding, declared(21), implicitGlobal, viaGlobalThis,
             graph.self === graph, graph.children[0].parent === graph, graph.children[0].ref === graph.children[1].ref,
             rex.speak(), rex instanceof Dog, rex instanceof Animal, rex.constructor === Dog,
             Object.getPrototypeOf(Dog.prototype) === Animal.prototype, Object.getPrototypeOf(Animal.prototype) === Object.prototype,
             map.get('a'), map.get('graph') === graph, map.size, map instanceof Map, set.has('three'), set.has('two'), set.size,
             Array.prototype.join.call(bytes, '/'), new Uint8Array(buffer)[3], buffer.byteLength, floats[1], bytes instanceof Uint8Array,
             symbolic[tagged], symbolic[Symbol.for('registered')], typeof tagged, [...iterable].join('+'),
             when.getTime(), when instanceof Date, 'abbb'.replace(pattern, '$1'), big.toString(), typeof big,
             graph.children instanceof Array, Array.isArray(graph.children),
             (logger('checked'), 'logged')].join(',')
            """;

    private static final String EXPECTED = "3,let,42,42,sloppy,gt,true,true,true,rex speaks woof,true,true,true,true,true,"
            + "1,true,2,true,true,true,3,1/2/3/250/0/0/0/0,250,8,-2.25,true,by symbol,registered,symbol,i1+i2,"
            + "0,true,bbb,1180591620717411303424,bigint,true,true,logged";

    private static HostFunction collector(List<String> into) {
        return (rt, self, args) -> {
            into.add(args.get(0).asString());
            return JsValue.undefined();
        };
    }

    private static Snapshot snapshotOfSetup(List<String> logged) {
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.forSnapshotting())) {
            rt.external("log", 1, collector(logged));
            rt.evaluate(SETUP, "setup.js");
            return rt.snapshot();
        }
    }

    private static JsRuntime restore(byte[] blob, List<String> logged) {
        return FACTORY.create(RuntimeOptions.fromSnapshot(blob).externals(Map.of("log", collector(logged))));
    }

    @Test
    void theImageRestoresTheWholeStateWithoutReplayingTheSetup() {
        List<String> before = new ArrayList<>();
        Snapshot snap = snapshotOfSetup(before);
        assertTrue(snap.hasNativeImage(), snap.toString());
        List<String> after = new ArrayList<>();
        try (JsRuntime rt = restore(snap.bytes(), after)) {
            assertEquals(List.of(), after, "the setup's call of the external was not repeated: no replay");
            assertEquals(EXPECTED, rt.evaluate(CHECK, "check.js").asString());
            assertEquals(List.of("[app] checked"), after, "the closure calls the rebound external");
            assertEquals(4.0, rt.evaluate("counter()", "again.js").asNumber());
        }
        assertEquals(List.of("[app] setup done"), before);
    }

    @Test
    void theRestoredStateIsLiveAndItsStandardObjectsAreTheNewRuntimes() {
        try (JsRuntime rt = restore(snapshotOfSetup(new ArrayList<>()).bytes(), new ArrayList<>())) {
            assertEquals("true,true,true,true,3,extended", rt.evaluate("""
                    Object.prototype.extended = 'extended';
                    [Object.getPrototypeOf(graph) === Object.prototype, Object.getPrototypeOf(counter) === Function.prototype,
                     globalThis.graph === graph, this === globalThis,
                     (map.set('b', 2), map.size), rex.extended].join()
                    """, "live.js").asString());
        }
    }

    @Test
    void restoresFromOneImageAreIndependent() {
        byte[] blob = snapshotOfSetup(new ArrayList<>()).bytes();
        try (JsRuntime a = restore(blob, new ArrayList<>()); JsRuntime b = restore(blob, new ArrayList<>())) {
            a.evaluate("counter(); graph.name = 'changed'; bytes[0] = 99", "a.js");
            assertEquals("3:root:1", b.evaluate("counter() + ':' + graph.name + ':' + bytes[0]", "b.js").asString());
        }
    }

    @Test
    void hostObjectExternalsAreReboundInTheImage() {
        byte[] blob;
        MapHostObject old = new MapHostObject();
        old.values().put("mode", JsValue.of("old"));
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.forSnapshotting())) {
            rt.external("config", old);
            rt.evaluate("var settings = { source: config }; function mode() { return settings.source.mode; }", "s.js");
            Snapshot snap = rt.snapshot();
            assertTrue(snap.hasNativeImage());
            blob = snap.bytes();
        }
        MapHostObject fresh = new MapHostObject();
        fresh.values().put("mode", JsValue.of("new"));
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.fromSnapshot(blob).externals(Map.of("config", fresh)))) {
            assertEquals("new,true", rt.evaluate("[mode(), settings.source === config].join()", "m.js").asString());
            assertSame(fresh, rt.evaluate("config", "c.js").asObject().getHostObject(MapHostObject.class));
        }
    }

    @Test
    void aSnapshotOfAnImageRestoredRuntimeChains() {
        byte[] second;
        try (JsRuntime rt = restore(snapshotOfSetup(new ArrayList<>()).bytes(), new ArrayList<>())) {
            rt.evaluate("var second = { graph: graph }; counter();", "second.js");
            Snapshot snap = rt.snapshot();
            assertTrue(snap.hasNativeImage());
            second = snap.bytes();
        }
        List<String> logged = new ArrayList<>();
        try (JsRuntime rt = restore(second, logged)) {
            assertEquals("true,4", rt.evaluate("[second.graph === graph, counter()].join()", "c.js").asString());
            assertEquals(List.of(), logged);
        }
    }

    @Test
    void changedStandardObjectsLeaveTheSnapshotToTheJournal() {
        Snapshot snap;
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.forSnapshotting())) {
            rt.evaluate("Array.prototype.last = function () { return this[this.length - 1]; }; var xs = [1, 2, 3];", "p.js");
            snap = rt.snapshot();
        }
        assertFalse(snap.hasNativeImage(), "an image would lose Array.prototype.last");
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.fromSnapshot(snap.bytes()))) {
            assertEquals(3.0, rt.evaluate("xs.last()", "c.js").asNumber());
        }
    }

    @Test
    void aHostFunctionMadeByACallbackLeavesTheSnapshotToTheJournal() {
        Snapshot snap;
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.forSnapshotting())) {
            rt.external("makeGreeter", (r, self, args) -> r.function("greet", 0, (r2, s2, a2) -> JsValue.of("hi")));
            rt.evaluate("var greet = makeGreeter();", "g.js");
            snap = rt.snapshot();
        }
        assertFalse(snap.hasNativeImage(), "an image cannot hold an unnamed host function");
        HostFunction maker = (r, self, args) -> r.function("greet", 0, (r2, s2, a2) -> JsValue.of("hello"));
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.fromSnapshot(snap.bytes()).externals(Map.of("makeGreeter", maker)))) {
            assertEquals("hello", rt.evaluate("greet()", "c.js").asString());
        }
    }

    @Test
    void whatRhinoCannotSerializeLeavesTheSnapshotToTheJournal() {
        for (String setup : List.of("var key = {}; var set = new Set([key]); var it = { next: function () { return { value: set.has(key) ? 2 : 0 }; } };",
                "function* gen() { yield 1; yield 2; } var it = gen(); it.next();",
                "var key = 'k'; var o = { [key]: 'computed' }; var it = { next: function () { return { value: 2 }; } };")) {
            Snapshot snap;
            try (JsRuntime rt = FACTORY.create(RuntimeOptions.forSnapshotting())) {
                rt.evaluate(setup, "s.js");
                snap = rt.snapshot();
            }
            assertFalse(snap.hasNativeImage(), "Rhino cannot serialize the functions of " + setup);
            try (JsRuntime rt = FACTORY.create(RuntimeOptions.fromSnapshot(snap.bytes()))) {
                assertEquals(2.0, rt.evaluate("it.next().value", "c.js").asNumber());
            }
        }
    }

    /** A class whose deserialization would be visible: the kind of gadget a crafted image could carry. */
    static final class Gadget implements Serializable {
        static volatile boolean instantiated;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            instantiated = true;
        }
    }

    @Test
    void anImageWithAClassAScopeCannotHoldIsRejected() throws IOException {
        Snapshot snap = snapshotOfSetup(new ArrayList<>());
        for (Object payload : List.of(new PriorityQueue<>(List.of("k")), new Object[] {"x", new Gadget()},
                new HashMap<>(Map.of("k", new java.util.TreeSet<>(List.of("v")))))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(payload);
            }
            byte[] crafted = withImage(snap, RhinoImage.seal(bytes.toByteArray()));
            JsSnapshotException e = assertThrows(JsSnapshotException.class, () -> restore(crafted, new ArrayList<>()));
            assertTrue(e.getMessage().contains("a class a scope cannot contain"), e.getMessage());
        }
        assertFalse(Gadget.instantiated, "the filter must stop the gadget before it is read");
        assertFalse(RhinoImageFilter.admitted(PriorityQueue.class));
        assertFalse(RhinoImageFilter.admitted(java.util.TreeMap.class));
        assertFalse(RhinoImageFilter.admitted(org.mozilla.javascript.NativeJavaObject.class));
        assertFalse(RhinoImageFilter.admitted(Gadget[].class));
        assertTrue(RhinoImageFilter.admitted(org.mozilla.javascript.NativeObject.class));
        assertTrue(RhinoImageFilter.admitted(String[].class));
    }

    /**
     * The gadget of issue 13: a lazily loaded constructor (its initializer a serialized lambda) that
     * brings {@code Packages} back when the restored scope is read. Rhino's own serialization can
     * write it; the restore must refuse it, however valid the tag.
     */
    @Test
    void anImageThatWouldBringJavaAccessBackIsRejected() throws IOException {
        Snapshot snap = snapshotOfSetup(new ArrayList<>());
        for (String[] lazy : new String[][] {{"Packages", "org.mozilla.javascript.NativeJavaTopPackage"},
                {"JavaImporter", "org.mozilla.javascript.ImporterTopLevel"}, {"Objectish", "org.mozilla.javascript.NativeObject"}}) {
            byte[] image;
            org.mozilla.javascript.Context cx = new org.mozilla.javascript.ContextFactory() {
                @Override
                protected boolean hasFeature(org.mozilla.javascript.Context c, int feature) {
                    return feature == org.mozilla.javascript.Context.FEATURE_JAVA_SERIALIZATION || super.hasFeature(c, feature);
                }
            }.enterContext();
            try {
                org.mozilla.javascript.ScriptableObject standard = cx.initSafeStandardObjects();
                org.mozilla.javascript.ScriptableObject user = new org.mozilla.javascript.NativeObject();
                new org.mozilla.javascript.LazilyLoadedCtor(user, lazy[0], lazy[1], false, true);
                // RhinoImage.write refuses to write it: Rhino's own serialization writes it as a crafted image would
                ByteArrayOutputStream payload = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new org.mozilla.javascript.serialize.ScriptableOutputStream(payload, standard)) {
                    out.writeObject(user);
                }
                image = RhinoImage.seal(payload.toByteArray());
            } finally {
                org.mozilla.javascript.Context.exit();
            }
            byte[] crafted = withImage(snap, image);
            try (JsRuntime rt = restore(crafted, new ArrayList<>())) {
                fail("restored an image holding a lazily loaded " + lazy[1] + ": typeof " + lazy[0] + " is "
                        + rt.evaluate("typeof " + lazy[0], "probe.js").asString());
            } catch (JsSnapshotException e) {
                assertTrue(e.getMessage().contains("a class a scope cannot contain"), e.getMessage());
            }
        }
        assertFalse(RhinoImageFilter.admitted(org.mozilla.javascript.LazilyLoadedCtor.class));
    }

    @Test
    void aCorruptImageIsASnapshotExceptionEvenWithEveryChecksumRecomputed() {
        Snapshot snap = snapshotOfSetup(new ArrayList<>());
        byte[] image = snap.nativeImage().orElseThrow();
        byte[] flipped = image.clone();
        flipped[flipped.length / 2] ^= 0x40;
        JsSnapshotException digest = assertThrows(JsSnapshotException.class,
                () -> restore(withImage(snap, flipped), new ArrayList<>()));
        assertTrue(digest.getMessage().contains("SHA-256"), digest.getMessage());

        byte[] payload = RhinoImage.payloadOf(image);
        Random random = new Random(11);
        int rejected = 0;
        for (int i = 0; i < 150; i++) {
            byte[] damaged = payload.clone();
            for (int n = 1 + random.nextInt(3); n > 0; n--) damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            byte[] blob = withImage(snap, RhinoImage.seal(damaged));
            try (JsRuntime rt = restore(blob, new ArrayList<>())) {
                rt.evaluate("typeof counter", "probe.js");
            } catch (JsSnapshotException e) {
                rejected++;
            } catch (JsException e) {
                // restored a damaged but well-formed state, which then failed as JavaScript: allowed
            }
        }
        assertTrue(rejected > 75, "only " + rejected + " of 150 damaged images were rejected");
    }

    /**
     * {@code snap}'s blob with another image, checksums recomputed and authenticated with the
     * default key: what an attacker who has the key could make (the image's own checks are the
     * defence in depth behind the tag).
     */
    private static byte[] withImage(Snapshot snap, byte[] image) {
        byte[] sealed = snap.bytes();
        byte[] blob = java.util.Arrays.copyOf(sealed, sealed.length - 40); // without the tag trailer
        int oldLength = snap.nativeImage().orElseThrow().length;
        int header = 8 + 2 + 4 + 4;
        int keep = blob.length - oldLength - 4;
        ByteBuffer out = ByteBuffer.allocate(keep + 4 + image.length);
        out.put(blob, 0, keep).putInt(image.length).put(image);
        byte[] result = out.array();
        CRC32 crc = new CRC32();
        crc.update(result, header, result.length - header);
        ByteBuffer.wrap(result).putInt(10, result.length - header).putInt(14, (int) crc.getValue());
        return Snapshot.parseUnauthenticated(result).bytes();
    }
}
