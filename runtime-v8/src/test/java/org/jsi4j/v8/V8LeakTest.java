package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsValue;
import org.jsi4j.JsWeakRef;
import org.jsi4j.RuntimeStats;
import org.junit.jupiter.api.Test;

class V8LeakTest {
    @Test
    void aMillionHostCallsLeaveNoHandles() {
        try (JsRuntime rt = new V8RuntimeFactory().create()) {
            rt.global().set("inc", rt.function("inc", 1, (r, self, args) -> {
                JsObject o = args.get(0).asObject();
                return JsValue.of(o.get("n").asNumber() + 1);
            }));
            RuntimeStats before = rt.stats();
            double n = rt.evaluate("var o = {n: 0}; for (var i = 0; i < 1000000; i++) o.n = inc(o); o.n", "calls.js").asNumber();
            assertEquals(1_000_000.0, n);
            RuntimeStats after = rt.stats();
            assertEquals(before.liveHandles(), after.liveHandles());
            assertEquals(before.engineReferences(), after.engineReferences());
        }
    }

    @Test
    void aMillionTemporaryObjectsInScopesLeaveNoHandles() {
        try (JsRuntime rt = new V8RuntimeFactory().create()) {
            RuntimeStats before = rt.stats();
            for (int batch = 0; batch < 1000; batch++) {
                try (JsScope scope = rt.openScope()) {
                    for (int i = 0; i < 1000; i++) rt.newObject().set("i", i);
                    assertEquals(1000, scope.size());
                }
            }
            RuntimeStats after = rt.stats();
            assertEquals(before.liveHandles(), after.liveHandles());
            assertEquals(before.engineReferences(), after.engineReferences());
        }
    }

    @Test
    void refsAreIndependentAndWeakRefsLetGo() {
        try (JsRuntime rt = new V8RuntimeFactory().create()) {
            var ref = rt.evaluate("globalThis.kept = {v: 1}; kept", "r.js").asObject().persist();
            // the runtime's own handles (bridge helpers, microtask checkpoint, the core's intrinsics)
            long base = rt.stats().engineReferences() - rt.stats().liveHandles() - rt.stats().liveRefs();
            JsWeakRef<JsObject> weak;
            try (JsScope scope = rt.openScope()) {
                weak = rt.weak(rt.evaluate("({temp: true})", "w.js").asObject());
            }
            assertEquals(1.0, ref.get().get("v").asNumber());
            rt.collectGarbage();
            assertTrue(weak.get().isEmpty(), "an unreachable object is collected");
            JsWeakRef<JsObject> alive = rt.weak(ref.get());
            rt.collectGarbage();
            assertEquals(1.0, alive.get().orElseThrow().get("v").asNumber());
            alive.close();
            weak.close();
            ref.close();
            RuntimeStats end = rt.stats();
            assertEquals(base + end.liveHandles(), end.engineReferences(),
                    "only the root scope's handles remain (a closed weak reference frees its handle): " + end);
        }
    }
}
