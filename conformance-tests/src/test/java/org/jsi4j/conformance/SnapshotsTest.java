package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.jsi4j.EsFeature;
import org.jsi4j.HostFunction;
import org.jsi4j.JsEngines;
import org.jsi4j.JsFunction;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsScope;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.jsi4j.SnapshotKey;
import org.jsi4j.testing.BlobMutations;
import org.jsi4j.testing.ChildJvm;

/**
 * Startup snapshots ({@link JsRuntime#snapshot()}, {@link RuntimeOptions#fromSnapshot(byte[])}):
 * what a restored runtime has, externals, refusals, restores in another JVM and on every other
 * engine, and damaged blobs.
 */
@Area("snapshots")
@RequiresFeature({EsFeature.LET_CONST, EsFeature.MAP_SET, EsFeature.TYPED_ARRAYS, EsFeature.SYMBOLS})
class SnapshotsTest {
    /** A setup touching everything a snapshot must keep. */
    static final String SETUP = """
            var counter = (function () { var n = 0; return function () { return ++n; }; })();
            counter(); counter();
            let letBinding = 'let';
            const constBinding = 42;
            function declared(x) { return x * 2; }
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
            var set = new Set([1, 'two', shared]);
            var buffer = new ArrayBuffer(8);
            var bytes = new Uint8Array(buffer);
            bytes.set([1, 2, 3, 250]);
            var floats = new Float64Array([1.5, -2.25]);
            var tagged = Symbol('tagged');
            var symbolic = {};
            symbolic[tagged] = 'by symbol';
            symbolic[Symbol.for('registered')] = 'registered';
            var logger = (function (sink) { return function (m) { sink('[app] ' + m); }; })(log);
            logger('setup done');
            """;

    /** Reads back everything {@link #SETUP} made, as one string; calls the closure once more. */
    static final String CHECK = """
            [counter(), letBinding, constBinding, declared(21),
             graph.self === graph, graph.children[0].parent === graph, graph.children[0].ref === graph.children[1].ref,
             rex.speak(), rex instanceof Dog, rex instanceof Animal, rex.constructor === Dog,
             Object.getPrototypeOf(Dog.prototype) === Animal.prototype,
             map.get('a'), map.get('graph') === graph, map.size, set.has(shared), set.has('two'), set.size,
             Array.prototype.join.call(bytes, '/'), new Uint8Array(buffer)[3], buffer.byteLength, floats[1],
             symbolic[tagged], symbolic[Symbol.for('registered')], typeof tagged,
             (logger('checked'), 'logged')].join(',')
            """;

    static final String EXPECTED = "3,let,42,42,true,true,true,rex speaks woof,true,true,true,true,1,true,2,true,true,3,"
            + "1/2/3/250/0/0/0/0,250,8,-2.25,by symbol,registered,symbol,logged";

    /** A {@code log} external that collects what it is given. */
    static HostFunction collector(List<String> into) {
        return (rt, self, args) -> {
            into.add(args.get(0).asString());
            return JsValue.undefined();
        };
    }

    /** A snapshot of {@link #SETUP} on {@code factory}'s engine, with {@code log} bound to {@code logged}. */
    static Snapshot snapshotOfSetup(JsRuntimeFactory factory, List<String> logged) {
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.external("log", 1, collector(logged));
            rt.evaluate(SETUP, "setup.js");
            return rt.snapshot();
        }
    }

    static JsRuntime restore(JsRuntimeFactory factory, byte[] blob, List<String> logged) {
        return factory.create(RuntimeOptions.fromSnapshot(blob).externals(Map.of("log", collector(logged))));
    }

    @EngineTest
    void aRestoredRuntimeHasTheWholeSetup(JsRuntimeFactory factory) {
        List<String> before = new ArrayList<>();
        Snapshot snap = snapshotOfSetup(factory, before);
        assertEquals(List.of("[app] setup done"), before);
        assertEquals(factory.engine().id(), snap.engineId());
        assertEquals(List.of("log"), snap.externalNames());

        List<String> after = new ArrayList<>();
        try (JsRuntime rt = restore(factory, snap.bytes(), after)) {
            assertEquals(EXPECTED, rt.evaluate(CHECK, "check.js").asString());
            assertEquals("[app] checked", after.get(after.size() - 1), "the closure calls the rebound external");
            assertEquals(4.0, rt.evaluate("counter()", "again.js").asNumber(), "the closure's state goes on");
        }
        assertEquals(List.of("[app] setup done"), before, "the old external is not called after restore");
    }

    @EngineTest
    void restoresAreIndependentOfEachOther(JsRuntimeFactory factory) {
        byte[] blob = snapshotOfSetup(factory, new ArrayList<>()).bytes();
        try (JsRuntime a = restore(factory, blob, new ArrayList<>());
             JsRuntime b = restore(factory, blob, new ArrayList<>())) {
            a.evaluate("counter(); counter(); graph.name = 'changed'", "a.js");
            assertEquals("3:root", b.evaluate("counter() + ':' + graph.name", "b.js").asString());
        }
    }

    @EngineTest
    void hostObjectExternalsAreReboundByName(JsRuntimeFactory factory) {
        byte[] blob;
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.external("config", new MapHostObject(false).with("mode", JsValue.of("old")));
            rt.evaluate("var settings = { source: config }; function mode() { return settings.source.mode; }", "setup.js");
            assertEquals("old", rt.evaluate("mode()", "m.js").asString());
            blob = rt.snapshot().bytes();
        }
        MapHostObject fresh = new MapHostObject(false).with("mode", JsValue.of("new"));
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(blob).externals(Map.of("config", fresh)))) {
            assertEquals("new", rt.evaluate("mode()", "m.js").asString());
            assertTrue(rt.evaluate("config", "c.js").asObject().getHostObject(MapHostObject.class) == fresh);
        }
    }

    @EngineTest
    void aMissingExternalIsNamed(JsRuntimeFactory factory) {
        byte[] blob = snapshotOfSetup(factory, new ArrayList<>()).bytes();
        JsSnapshotException e = assertThrows(JsSnapshotException.class,
                () -> factory.create(RuntimeOptions.fromSnapshot(blob)));
        assertTrue(e.getMessage().contains("'log'") && e.getMessage().contains("externals("), e.getMessage());
        MapHostObject wrongKind = new MapHostObject(false);
        JsSnapshotException kind = assertThrows(JsSnapshotException.class,
                () -> factory.create(RuntimeOptions.fromSnapshot(blob).externals(Map.of("log", wrongKind))));
        assertTrue(kind.getMessage().contains("'log' was a HostFunction"), kind.getMessage());
    }

    @EngineTest
    void reachableUnnamedHostFunctionsAndObjectsAreNamedInTheRefusal(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.evaluate("var app = {}", "setup.js");
            try (JsScope scope = rt.openScope()) {
                JsFunction greet = rt.function("greet", 0, (r, self, args) -> JsValue.of("hi"));
                rt.evaluate("(function (f, o) { app.greet = f; app.store = o; })", "attach.js").asFunction()
                        .call(greet, rt.hostObject(new MapHostObject(false)));
            }
            JsSnapshotException e = assertThrows(JsSnapshotException.class, rt::snapshot);
            assertTrue(e.getMessage().contains("host function 'greet'"), e.getMessage());
            assertTrue(e.getMessage().contains("host object of " + MapHostObject.class.getName()), e.getMessage());
            assertTrue(e.getMessage().contains("runtime.external(name"), e.getMessage());
        }
    }

    @EngineTest
    void unnamedHostFunctionsNoLongerReachableDoNotBlockASnapshot(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            try (JsScope scope = rt.openScope()) {
                assertEquals("temporary", rt.function("temporary", 0, (r, self, args) -> JsValue.of("hi")).name());
            }
            rt.evaluate("var kept = 1", "setup.js");
            Snapshot snap = null;
            for (int attempt = 0; attempt < 20 && snap == null; attempt++) {
                try {
                    snap = rt.snapshot();
                } catch (JsSnapshotException e) {
                    assertTrue(e.getMessage().contains("'temporary'"), e.getMessage());
                }
            }
            assertTrue(snap != null, "the dropped host function was never collected");
        }
    }

    @EngineTest
    void aRuntimeNotMadeForSnapshottingRefuses(JsRuntime rt) {
        JsSnapshotException e = assertThrows(JsSnapshotException.class, rt::snapshot);
        assertTrue(e.getMessage().contains("RuntimeOptions.forSnapshotting()"), e.getMessage());
    }

    @EngineTest
    void javaApiChangesEitherTravelInTheNativeImageOrAreRefusedForReplay(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.evaluate("var fromScript = 1", "setup.js");
            rt.global().set("fromJava", JsValue.of(2));
            Snapshot snap;
            try {
                snap = rt.snapshot();
            } catch (JsSnapshotException e) {
                assertTrue(e.getMessage().contains("JsObject.set from Java") && e.getMessage().contains("replay"),
                        e.getMessage());
                return;
            }
            assertTrue(snap.hasNativeImage(), "a snapshot without a native image must refuse unjournaled changes");
            assertFalse(snap.replayable());
            for (String other : EngineExtension.engineIds()) {
                if (other.equals(factory.engine().id())) continue;
                JsSnapshotException e = assertThrows(JsSnapshotException.class,
                        () -> JsEngines.factory(other).create(RuntimeOptions.fromSnapshot(snap.bytes())));
                assertTrue(e.getMessage().contains("JsObject.set from Java"), e.getMessage());
            }
        }
    }

    @EngineTest
    void aSnapshotOfARestoredRuntimeChains(JsRuntimeFactory factory) {
        byte[] first = snapshotOfSetup(factory, new ArrayList<>()).bytes();
        byte[] second;
        try (JsRuntime rt = restore(factory, first, new ArrayList<>())) {
            rt.evaluate("var second = { stage: 2, graph: graph }; counter();", "second.js");
            second = rt.snapshot().bytes();
        }
        try (JsRuntime rt = restore(factory, second, new ArrayList<>())) {
            assertEquals("2,true,4", rt.evaluate("[second.stage, second.graph === graph, counter()].join()", "c.js").asString());
            assertEquals(EXPECTED.replaceFirst("^3,", "5,"), rt.evaluate(CHECK, "check.js").asString());
        }
    }

    @EngineTest
    void scriptsThatThrewAreReplayedAsThrowing(JsRuntimeFactory factory) {
        byte[] blob;
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.evaluate("var done = []", "a.js");
            assertThrows(org.jsi4j.JsError.class, () -> rt.evaluate("done.push('half'); throw new Error('x')", "b.js"));
            rt.prepare("done.push('prepared')", "c.js").run();
            blob = rt.snapshot().bytes();
        }
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(blob))) {
            assertEquals("half,prepared", rt.evaluate("done.join()", "d.js").asString());
        }
    }

    @EngineTest
    void everyOtherEngineRestoresTheBlob(JsRuntimeFactory factory) {
        byte[] blob = snapshotOfSetup(factory, new ArrayList<>()).bytes();
        for (String other : EngineExtension.engineIds()) {
            List<String> logged = new ArrayList<>();
            try (JsRuntime rt = restore(JsEngines.factory(other), blob, logged)) {
                assertEquals(other, rt.engine().id());
                assertEquals(EXPECTED, rt.evaluate(CHECK, "check.js").asString(), factory.engine().id() + " -> " + other);
                assertEquals("[app] checked", logged.get(logged.size() - 1));
            }
        }
    }

    @EngineTest
    void aFreshJvmRestoresTheBlob(JsRuntimeFactory factory) throws IOException, InterruptedException {
        String out = restoredInAChildJvm(factory, Duration.ofSeconds(60));
        List<String> lines = out.lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertTrue(lines.contains(EXPECTED), out);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("logged:") && l.endsWith("[app] checked")), out);
    }

    /**
     * Writes the setup's snapshot to a file and runs {@link SnapshotProcess} on it in a child JVM
     * with {@code more} arguments; returns what the child printed, failing unless it ended with 0.
     */
    private static String restoredInAChildJvm(JsRuntimeFactory factory, Duration limit, String... more)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("jsi4j-snapshot-", ".bin");
        try {
            Files.write(file, snapshotOfSetup(factory, new ArrayList<>()).bytes());
            List<String> args = new ArrayList<>(List.of(factory.engine().id(), file.toString(), CHECK));
            args.addAll(List.of(more));
            ChildJvm.Outcome child = ChildJvm.run(limit, SnapshotProcess.class, args.toArray(String[]::new));
            if (!child.finished()) fail("the restoring JVM did not finish within " + limit.toSeconds() + " s\n" + child);
            assertEquals(0, child.exitCode(), "the child JVM died: " + child.output());
            return child.output();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @EngineTest
    void everyDamagedBlobIsRefusedByItsAuthenticationTag(JsRuntimeFactory factory) {
        byte[] sealed = snapshotOfSetup(factory, new ArrayList<>()).bytes();
        int refused = 0;
        for (BlobMutations.Mutation m : BlobMutations.of(sealed, 11L, 300)) {
            if (java.util.Arrays.equals(m.bytes(), sealed)) continue;
            JsSnapshotException e = assertThrows(JsSnapshotException.class, () -> RuntimeOptions.fromSnapshot(m.bytes()),
                    m.description() + " was accepted");
            assertTrue(e.getMessage().startsWith("Refusing this snapshot blob: "), m.description() + ": " + e);
            refused++;
        }
        assertTrue(refused > 250, "only " + refused + " mutants differed from the blob");
    }

    @EngineTest
    void unauthenticatedDamagedBlobsAreRejectedOrRestoreWhatTheySay(JsRuntimeFactory factory) {
        Snapshot original = snapshotOfSetup(factory, new ArrayList<>());
        byte[] sealed = original.bytes();
        byte[] body = java.util.Arrays.copyOf(sealed, sealed.length - 40); // without the tag trailer
        int rejected = 0;
        int restored = 0;
        for (BlobMutations.Mutation m : BlobMutations.of(body, 7L, 1000)) {
            Snapshot parsed;
            try {
                parsed = Snapshot.parseUnauthenticated(m.bytes());
            } catch (JsSnapshotException e) {
                assertTrue(e.getMessage().startsWith("Cannot restore this snapshot blob: "), m.description() + ": " + e);
                rejected++;
                continue;
            }
            assertTrue(m.resealed(), m.description() + " got past the checksum");
            try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(parsed).withTimeLimit(Duration.ofSeconds(10))
                    .externals(Map.of("log", collector(new ArrayList<>()))))) {
                String state = rt.evaluate(CHECK, "check.js").asString();
                if (!state.equals(EXPECTED)) {
                    assertNotEquals(original.scripts(), parsed.scripts(),
                            m.description() + ": the restore differs though the blob's setup does not");
                }
                restored++;
            } catch (JsSnapshotException e) {
                rejected++;
            } catch (org.jsi4j.JsException e) {
                assertNotEquals(original.scripts(), parsed.scripts(),
                        m.description() + ": the restored runtime fails though the blob's setup is intact: " + e);
                restored++;
            }
        }
        assertEquals(1000, rejected + restored);
        assertTrue(rejected > 900, "only " + rejected + " of 1000 damaged blobs were rejected");
    }

    @EngineTest
    void aBlobMadeWithAnotherKeyIsRefusedAndTheRightKeyRestoresIt(JsRuntimeFactory factory) {
        SnapshotKey appKey = SnapshotKey.generate();
        byte[] blob = snapshotOfSetup(factory, new ArrayList<>()).bytes(appKey);
        JsSnapshotException e = assertThrows(JsSnapshotException.class, () -> RuntimeOptions.fromSnapshot(blob));
        assertTrue(e.getMessage().contains("does not match the key"), e.getMessage());
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(blob, appKey)
                .externals(Map.of("log", collector(new ArrayList<>()))))) {
            assertEquals(EXPECTED, rt.evaluate(CHECK, "check.js").asString());
        }
    }

    /** Restoring on several threads at once, in a child JVM: V8 aborted the process here once. */
    @EngineTest
    void severalThreadsRestoreAtOnce(JsRuntimeFactory factory) throws IOException, InterruptedException {
        String out = restoredInAChildJvm(factory, Duration.ofSeconds(120), String.valueOf(SnapshotProcess.THREADS));
        assertEquals(SnapshotProcess.THREADS * SnapshotProcess.ROUNDS, out.lines().filter(EXPECTED::equals).count(), out);
    }
}
