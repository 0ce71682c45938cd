package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;
import org.jsi4j.JsWeakRef;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.TypedArrayKind;
import org.jsi4j.modules.ModuleLoader;

/**
 * Closing a runtime frees everything the engine holds for it: after a workload that crosses every
 * kind of boundary, and with handles, references and weak references still held from Java, the
 * close reports nothing. An engine that counts its handles reports what is left when it closes
 * (V8: jsi4j's count of V8 handles and callback contexts, then Javet's "N V8 object(s) not
 * recycled"), through jsi4j's loggers ({@code org.jsi4j.*}, see docs/embedding.md); so a close
 * that logs no warning there left nothing behind.
 */
@Area("references")
class RecyclingTest {
    /** Collects what jsi4j's loggers publish at WARNING or above while it is open. */
    private static final class Warnings extends Handler implements AutoCloseable {
        private final Logger jsi = Logger.getLogger("org.jsi4j");   // held: JUL keeps loggers weakly
        private final List<String> seen = new ArrayList<>();

        Warnings() {
            jsi.addHandler(this);
            // the capture itself works: System.Logger reaches java.util.logging's org.jsi4j here
            boolean parent = jsi.getUseParentHandlers();
            jsi.setUseParentHandlers(false);
            try {
                System.getLogger("org.jsi4j.conformance.probe").log(System.Logger.Level.WARNING, "probe");
            } finally {
                jsi.setUseParentHandlers(parent);
            }
            assertEquals(List.of("org.jsi4j.conformance.probe: probe"), seen,
                    "jsi4j's System.Logger must reach java.util.logging for this test to see an engine's report");
            seen.clear();
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                seen.add(record.getLoggerName() + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            jsi.removeHandler(this);
        }
    }

    /** Closes {@code rt} and asserts that the engine reported nothing left behind. */
    private static void assertClosesClean(JsRuntime rt) {
        List<String> seen;
        try (Warnings warnings = new Warnings()) {
            rt.close();
            seen = List.copyOf(warnings.seen);
        }
        assertEquals(List.of(), seen, "closing the runtime reported what it left behind");
        assertTrue(rt.isClosed());
    }

    @EngineTest
    void hostFunctionsObjectsAndErrorsThroughHostCalls(JsRuntimeFactory factory) {
        JsRuntime rt = factory.create();
        try {
            MapHostObject store = new MapHostObject(true);
            rt.global().set("store", rt.hostObject(store));
            rt.global().set("twice", rt.function("twice", 1, (r, self, args) ->
                    JsValue.of(args.get(0).asObject().get("n").asNumber() * 2)));
            rt.global().set("fail", rt.function("fail", 0, (r, self, args) -> {
                throw new IllegalStateException("from Java");
            }));
            double n = rt.evaluate("""
                    store.kept = {deep: [1, 2]};
                    var caught = store[Symbol.iterator] === undefined ? 1 : 0;
                    try { fail(); } catch (e) { caught += e.message.indexOf('from Java') >= 0 ? 1 : 0; }
                    twice({n: 20}) + caught""", "host.js").asNumber();
            assertEquals(42.0, n);
            JsError uncaught = assertThrows(JsError.class, () -> rt.evaluate("fail()", "uncaught.js"));
            assertInstanceOf(IllegalStateException.class, uncaught.getCause());
            JsError thrown = assertThrows(JsError.class, () -> rt.evaluate("throw {code: 7}", "object.js"));
            assertEquals(7.0, thrown.value().asObject().get("code").asNumber());
        } finally {
            assertClosesClean(rt);
        }
    }

    @EngineTest
    @RequiresFeature(org.jsi4j.EsFeature.PROMISES)
    void promisesRejectionsSymbolsAndTypedArrays(JsRuntimeFactory factory) {
        JsRuntime rt = factory.create();
        try {
            List<String> rejected = new ArrayList<>();
            rt.onUnhandledRejection((r, rejection) -> rejected.add(rejection.error().jsMessage()));
            CompletableFuture<JsValue> later = new CompletableFuture<>();
            rt.global().set("later", rt.promise(later));
            rt.evaluate("Promise.reject(new Error('nobody listens')); var settled; later.then(function (v) { settled = v; });",
                    "promises.js");
            later.complete(JsValue.of("done"));
            rt.runPendingTasks();
            rt.drainMicrotasks();
            assertEquals("done", rt.global().get("settled").asString());
            assertEquals(List.of("nobody listens"), rejected);
            JsSymbol made = rt.newSymbol("made");
            rt.global().set("made", made);
            JsValue fromScript = rt.evaluate("var s = Symbol('script'); s", "symbols.js");
            assertEquals(fromScript, rt.evaluate("s", "again.js"));
            assertEquals(made, rt.evaluate("made", "made.js"));
            JsObject bytes = rt.newTypedArray(TypedArrayKind.UINT8, rt.newArrayBuffer(new byte[] {1, 2, 3}), 0, 3);
            rt.global().set("bytes", bytes);
            rt.global().set("shared", rt.newArrayBuffer(ByteBuffer.allocateDirect(8)));
            assertEquals(6.0, rt.evaluate("new Uint8Array(shared)[0] = 9; bytes[0] + bytes[1] + bytes[2]", "typed.js").asNumber());
        } finally {
            assertClosesClean(rt);
        }
    }

    @EngineTest
    void modulesAndPreparedScripts(JsRuntimeFactory factory) {
        JsRuntime rt = factory.create(RuntimeOptions.defaults().withModules(ModuleLoader.inMemory(Map.of(
                "/main.mjs", "import { n } from './dep.mjs'; export const twice = n * 2; export default function () { return n; }",
                "/dep.mjs", "export const n = 21;"))));
        try {
            JsObject ns = rt.importModule("./main.mjs");
            assertEquals(42.0, ns.get("twice").asNumber());
            assertEquals(21.0, ns.get("default").asFunction().call().asNumber());
            rt.prepare("globalThis.runs = (globalThis.runs || 0) + 1", "prepared.js").run();   // never closed
            assertEquals(1.0, rt.global().get("runs").asNumber());
        } finally {
            assertClosesClean(rt);
        }
    }

    @EngineTest
    @SuppressWarnings("resource")   // the point: nothing here is closed by the application
    void aRuntimeClosedWhileJavaStillHoldsItsHandles(JsRuntimeFactory factory) {
        JsRuntime rt = factory.create();
        JsObject inRoot;
        JsObject inScope;
        JsWeakRef<JsObject> weak;
        try {
            inRoot = rt.evaluate("({kept: 'root scope'})", "root.js").asObject();
            var ref = rt.evaluate("({kept: 'ref'})", "ref.js").asObject().persist();
            weak = rt.weak(ref.get());
            rt.weak(rt.evaluate("({temp: 1})", "temp.js").asObject());
            rt.openScope();
            inScope = rt.newObject();
            assertTrue(weak.get().isPresent());
        } finally {
            assertClosesClean(rt);
        }
        assertThrows(JsReleasedException.class, () -> inRoot.get("kept"));
        assertThrows(JsReleasedException.class, () -> inScope.get("kept"));
        assertThrows(JsReleasedException.class, weak::get);
    }

    @EngineTest
    void aSnapshotAndTheRuntimeRestoredFromIt(JsRuntimeFactory factory) {
        List<String> logged = new ArrayList<>();
        JsRuntime setup = factory.create(RuntimeOptions.forSnapshotting());
        byte[] blob;
        try {
            setup.external("log", 1, SnapshotsTest.collector(logged));
            setup.evaluate(SnapshotsTest.SETUP, "setup.js");
            JsObject held = setup.evaluate("({across: 'the snapshot'})", "held.js").asObject();
            blob = setup.snapshot().bytes();
            assertEquals("the snapshot", held.get("across").asString());
        } finally {
            assertClosesClean(setup);
        }
        JsRuntime restored = SnapshotsTest.restore(factory, blob, logged);
        try {
            restored.evaluate("log('restored')", "restored.js");
            assertEquals("restored", logged.get(logged.size() - 1));
        } finally {
            assertClosesClean(restored);
        }
    }
}
