package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsWeakRef;
import org.junit.jupiter.api.Test;

class ObjectHandleTest {
    @Test
    void aReleasedJsObjectNoLongerKeepsItsRhinoObjectAlive() throws InterruptedException {
        List<JsObject> stillHeld = new ArrayList<>();
        try (JsRuntime rt = new RhinoRuntimeFactory().create()) {
            JsWeakRef<JsObject> weak;
            try (JsScope scope = rt.openScope()) {
                JsObject o = rt.evaluate("({payload: new Array(1000).join('x')})", "t.js").asObject();
                stillHeld.add(o);
                weak = rt.weak(o);
                try (JsScope probe = rt.openScope()) {
                    assertTrue(weak.get().isPresent());
                }
            }
            assertTrue(stillHeld.get(0).isReleased());
            assertTrue(collected(rt, weak), "the Java code still holds the released JsObject, but not the Rhino object");
        }
    }

    @Test
    void aDuplicateKeepsTheObjectAfterTheOriginalIsReleased() throws InterruptedException {
        try (JsRuntime rt = new RhinoRuntimeFactory().create()) {
            JsWeakRef<JsObject> weak;
            JsRef<JsObject> ref;
            try (JsScope scope = rt.openScope()) {
                JsObject o = rt.evaluate("({v: 'kept'})", "t.js").asObject();
                ref = o.persist();
                weak = rt.weak(o);
            }
            assertFalse(collected(rt, weak, 2));
            ref.close();
            assertTrue(collected(rt, weak));
        }
    }

    private static boolean collected(JsRuntime rt, JsWeakRef<?> weak) throws InterruptedException {
        return collected(rt, weak, 20);
    }

    private static boolean collected(JsRuntime rt, JsWeakRef<?> weak, int tries) throws InterruptedException {
        for (int i = 0; i < tries; i++) {
            rt.collectGarbage();
            try (JsScope probe = rt.openScope()) {
                if (weak.get().isEmpty()) return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
