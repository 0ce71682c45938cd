package org.jsi4j.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsValue;
import org.jsi4j.JsWeakRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Weak references are JavaScript WeakRefs; released handles let go of their object. */
class GraalReferencesTest {
    private static final GraalRuntimeFactory FACTORY = new GraalRuntimeFactory();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static JsWeakRef<JsObject> weakToNew(JsRuntime rt, String global, boolean keepInScript) {
        try (JsScope scope = rt.openScope()) {
            JsObject o = rt.evaluate("var " + global + " = {payload: 'x'.repeat(100000)}; " + global, "make.js").asObject();
            if (!keepInScript) rt.evaluate(global + " = null", "drop.js");
            return rt.weak(o);
        }
    }

    private static boolean collected(JsRuntime rt, JsWeakRef<JsObject> weak) {
        for (int i = 0; i < 20; i++) {
            rt.collectGarbage();
            try (JsScope scope = rt.openScope()) {
                if (weak.get().isEmpty()) return true;
            }
        }
        return false;
    }

    @Test
    void unreferencedObjectIsCollectedAndReferencedOneIsNot() {
        try (JsRuntime rt = FACTORY.create()) {
            JsWeakRef<JsObject> kept = weakToNew(rt, "kept", true);
            JsWeakRef<JsObject> dropped = weakToNew(rt, "dropped", false);
            assertTrue(collected(rt, dropped), "nothing refers to it any more");
            assertTrue(kept.get().isPresent(), "the global 'kept' still refers to it");
            assertEquals(100000, kept.get().orElseThrow().get("payload").asString().length());
        }
    }

    @Test
    void promiseJobsQueuedByJavaCallsRunBeforeTheCallReturns() {
        try (JsRuntime rt = FACTORY.create()) {
            var resolveLater = rt.evaluate("var log = []; var done; var p = new Promise(r => done = r);"
                    + " p.then(v => log.push('then ' + v)); (v => done(v))", "p.js").asFunction();
            resolveLater.call(JsValue.of(7));
            assertEquals(List.of("then 7"), List.of(rt.evaluate("log.join()", "log.js").asString()));
            var getter = rt.evaluate("({ get g() { Promise.resolve().then(() => log.push('from getter')); return 1; } })",
                    "g.js").asObject();
            getter.get("g");
            rt.drainMicrotasks();
            assertEquals(JsValue.of("then 7,from getter"), rt.evaluate("log.join()", "log.js"));
        }
    }
}
