package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jsi4j.HostFunction;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;
import org.jsi4j.JsWeakRef;
import org.jsi4j.MapHostObject;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.TypedArrayKind;
import org.junit.jupiter.api.Test;

/**
 * Closing a V8 runtime closes every handle jsi4j made: after each workload Javet counts no V8
 * handle (weak ones included) and no callback context just before the isolate goes, which is
 * when Javet would report "N V8 object(s) not recycled".
 */
class V8RecycleTest {
    private final V8RuntimeFactory factory = new V8RuntimeFactory();

    /** Runs {@code work} in a new runtime, closes it and returns what the isolate still held. */
    private V8Leftovers leftAfter(RuntimeOptions options, Function<JsRuntime, Object> work) {
        V8Backend[] backend = new V8Backend[1];
        JsRuntime rt = factory.create(options, b -> backend[0] = b);
        Object kept;
        try {
            kept = work.apply(rt);
        } finally {
            rt.close();
        }
        assertNotNull(kept, "the workload keeps something from Java until the runtime closes");
        return backend[0].leftAtClose();
    }

    private void assertNothingLeft(RuntimeOptions options, Function<JsRuntime, Object> work) {
        V8Leftovers left = leftAfter(options, work);
        assertEquals(V8Leftovers.NONE, left, "every handle and callback context is closed with the runtime: " + left);
    }

    @Test
    void hostFunctionsObjectsAndErrorsThroughHostCalls() {
        assertNothingLeft(RuntimeOptions.defaults(), rt -> {
            MapHostObject store = new MapHostObject();
            rt.global().set("store", rt.hostObject(store));
            rt.global().set("twice", rt.function("twice", 1, (r, self, args) -> {
                JsObject o = args.get(0).asObject();   // an object argument: a handle in the call's scope
                return JsValue.of(o.get("n").asNumber() * 2);
            }));
            rt.global().set("self", rt.function("self", 0, (r, self, args) -> self));
            rt.global().set("fail", rt.function("fail", 0, (r, self, args) -> {
                throw new IllegalStateException("from Java");
            }));
            rt.global().set("rethrow", rt.function("rethrow", 1, (r, self, args) -> {
                throw new JsError(args.get(0), null, "rethrown", null, null, null);   // the script's own value
            }));
            double n = rt.evaluate("""
                    store.a = 'kept';
                    var caught = store[Symbol.for('k')] === undefined && !(Symbol.iterator in store) ? 1 : 0;
                    try { fail(); } catch (e) { caught += e.message.includes('from Java') ? 1 : 0; }
                    try { rethrow({code: 7}); } catch (e) { caught += e.code === 7 ? 1 : 0; }
                    Object.keys(store).length + twice({n: 20}) + self.call('s').length + ({m: self}).m().m.name.length
                      + caught""", "host.js").asNumber();
            assertEquals(1 + 40 + 1 + 4 + 3, n);
            JsError thrown = assertThrows(JsError.class, () -> rt.evaluate("fail()", "uncaught.js"));
            assertInstanceOf(IllegalStateException.class, thrown.getCause());
            JsError symbol = assertThrows(JsError.class, () -> rt.evaluate("throw Symbol('thrown')", "symbol.js"));
            assertInstanceOf(JsSymbol.class, symbol.value());
            return store;
        });
    }

    @Test
    void promisesRejectionsSymbolsAndTypedArrays() {
        assertNothingLeft(RuntimeOptions.defaults(), rt -> {
            List<String> rejected = new ArrayList<>();
            rt.onUnhandledRejection((r, rejection) -> rejected.add(rejection.error().jsMessage()));
            CompletableFuture<JsValue> later = new CompletableFuture<>();
            rt.global().set("later", rt.promise(later));
            rt.evaluate("Promise.reject(new Error('nobody listens')); Promise.reject(Symbol('why'));"
                    + " var settled; later.then(v => settled = v);", "promises.js");
            later.complete(JsValue.of("done"));
            rt.runPendingTasks();
            rt.drainMicrotasks();
            assertEquals("done", rt.global().get("settled").asString());
            assertEquals(2, rejected.size(), rejected.toString());
            JsSymbol made = rt.newSymbol("made");
            rt.global().set("made", made);
            JsValue fromScript = rt.evaluate("var s = Symbol('script'); s", "symbols.js");
            assertEquals(fromScript, rt.evaluate("s", "again.js"));
            assertTrue(rt.evaluate("made", "made.js").equals(made));
            JsObject bytes = rt.newTypedArray(TypedArrayKind.UINT8, rt.newArrayBuffer(new byte[] {1, 2, 3}), 0, 3);
            rt.global().set("bytes", bytes);
            ByteBuffer direct = ByteBuffer.allocateDirect(8);
            rt.global().set("shared", rt.newArrayBuffer(direct));
            assertEquals(6.0, rt.evaluate("new Uint8Array(shared)[0] = 9; bytes.reduce((a, b) => a + b)", "typed.js").asNumber());
            assertEquals(9, direct.get(0));
            return made;
        });
    }

    @Test
    void modulesAndPreparedScripts() {
        assertNothingLeft(RuntimeOptions.defaults(), rt -> {
            // V8's own module records, as jsi-modules drives them (compiled, synthetic, linked, evaluated)
            var modules = rt.nativeModules();
            Object main = modules.compile("import { n } from 'dep'; import { s } from 'host';"
                    + " export const twice = n * 2 + s.length; export default () => n;", "/main.mjs");
            Object dep = modules.compile("export const n = 21;", "/dep.mjs");
            JsObject exports = rt.newObject();
            exports.set("s", "");
            Object host = modules.synthetic("host", exports);
            modules.link(main, (specifier, referrer) -> specifier.equals("dep") ? dep : host);
            modules.evaluate(main);
            JsObject ns = modules.namespace(main);
            assertEquals(42.0, ns.get("twice").asNumber());
            assertEquals(21.0, ns.get("default").asFunction().call().asNumber());
            var prepared = rt.prepare("globalThis.runs = (globalThis.runs || 0) + 1", "prepared.js");
            prepared.run();
            return prepared;   // never closed by the application
        });
    }

    @Test
    void aRuntimeClosedWhileJavaStillHoldsHandlesReferencesAndWeakReferences() {
        assertNothingLeft(RuntimeOptions.defaults(), rt -> {
            JsObject inRoot = rt.evaluate("({kept: 'root scope'})", "root.js").asObject();
            var ref = rt.evaluate("({kept: 'ref'})", "ref.js").asObject().persist();
            JsWeakRef<JsObject> weakAlive = rt.weak(ref.get());
            JsWeakRef<JsObject> weakGone = rt.weak(rt.evaluate("({temp: 1})", "temp.js").asObject());
            rt.openScope();   // never closed
            JsObject inScope = rt.newObject();
            rt.collectGarbage();
            assertTrue(weakAlive.get().isPresent());
            return List.of(inRoot, ref, weakAlive, weakGone, inScope);
        });
    }

    @Test
    void aSnapshotAndTheRuntimeRestoredFromIt() {
        List<String> calls = new ArrayList<>();
        HostFunction count = V8SnapshotTakerTest.recorder(calls);
        byte[][] blob = new byte[1][];
        assertNothingLeft(RuntimeOptions.forSnapshotting(), rt -> {
            rt.external("count", 1, count);
            rt.evaluate(V8SnapshotTakerTest.SETUP, "setup.js");
            JsObject held = rt.evaluate("map", "held.js").asObject();   // parked across the snapshot
            JsSymbol symbol = rt.newSymbol("across");
            blob[0] = rt.snapshot().bytes();
            assertEquals("setup", calls.get(0));
            return List.of(held, symbol);
        });
        assertNothingLeft(RuntimeOptions.fromUnauthenticatedSnapshot(blob[0]).externals(Map.of("count", count)), rt -> {
            assertEquals(3.0, rt.evaluate("inc()", "inc.js").asNumber());
            return rt.evaluate("report('restored')", "report.js");
        });
        assertEquals(List.of("setup", "restored"), calls, "restored from V8's native image, not by replaying the setup");
    }

    @Test
    void aRuntimeWhoseCreationFailsAfterItsBackendWasMadeLeavesNothing() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            V8Backend[] backend = new V8Backend[1];
            RuntimeOptions inspectOnATakenPort = RuntimeOptions.defaults()
                    .withEngineOptions(Map.of("v8.inspect", "127.0.0.1:" + taken.getLocalPort()));
            assertThrows(RuntimeException.class, () -> factory.create(inspectOnATakenPort, b -> backend[0] = b).close(),
                    "the inspector cannot listen on a port in use");
            assertNotNull(backend[0], "the backend was made before the inspector failed");
            assertEquals(V8Leftovers.NONE, backend[0].leftAtClose());
        }
    }

    /**
     * A failure inside the backend's own constructor (here its bootstrap, which needs the WeakRef
     * a script took away from the isolate) lets go of every handle and callback context it made,
     * and says what happened in a jsi4j exception instead of a NullPointerException from a bridge
     * that never started.
     */
    @Test
    void aBackendWhoseBootstrapFailsLeavesNothingInItsIsolate() throws Exception {
        com.caoccao.javet.interop.V8Runtime rt = V8Platform.newRuntime();
        try {
            rt.getExecutor("delete globalThis.WeakRef").executeVoid();
            org.jsi4j.JsEngineException e = assertThrows(org.jsi4j.JsEngineException.class, () -> JsRuntime.open(factory.engine(),
                    factory.capabilities(), RuntimeOptions.defaults(),
                    services -> new V8Backend(rt, services, V8RuntimeFactory.DEFAULT_HEAP_LIMIT, null, null, null)));
            assertTrue(e.getMessage().startsWith("V8 could not start a runtime: "), e.getMessage());
            assertEquals(0, rt.getReferenceCount(), "V8 handles left: " + V8Handles.live(rt));
            assertEquals(0, rt.getCallbackContextCount(), "callback contexts left");
        } finally {
            rt.close();
        }
    }

    @Test
    void aLeakIsCountedAndReported() throws Exception {
        // the check itself: a handle the backend does not know of is left, counted and reported
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jsi = Logger.getLogger("org.jsi4j.v8");
        boolean parent = jsi.getUseParentHandlers();
        jsi.addHandler(capture);
        jsi.setUseParentHandlers(false);   // the leak is made on purpose: its report goes here, not to the build log
        V8Backend[] backend = new V8Backend[1];
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults(), b -> backend[0] = b)) {
            rt.evaluate("globalThis.o = {}", "o.js");
            assertNotNull(backend[0].bridge().helpers().get("guard"));   // a Javet handle nobody closes
        } finally {
            jsi.removeHandler(capture);
            jsi.setUseParentHandlers(parent);
        }
        V8Leftovers leak = backend[0].leftAtClose();
        assertEquals(1, leak.references(), leak.toString());
        assertEquals(Map.of("V8ValueObject", 1), leak.kinds());
        assertEquals(2, warnings.size(), "jsi4j's report and Javet's: " + warnings);
        assertTrue(warnings.get(0).contains("did not release"), warnings.toString());
        assertTrue(warnings.get(1).contains("not recycled"), warnings.toString());
    }
}
