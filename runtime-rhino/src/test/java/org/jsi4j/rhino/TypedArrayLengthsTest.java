package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.junit.jupiter.api.Test;

class TypedArrayLengthsTest {
    private static final RhinoRuntimeFactory FACTORY = new RhinoRuntimeFactory();

    @Test
    void aLengthRhinoWouldWrapTo32BitsIsARangeError() {
        try (JsRuntime rt = FACTORY.create()) {
            for (String made : List.of("new Float64Array(2 ** 40)", "new Float64Array(2 ** 32 + 3)", "new Uint8Array(2 ** 31)",
                    "new Int32Array('4294967299')", "new BigInt64Array(2 ** 28)", "new Float64Array(-1)")) {
                JsError e = assertThrows(JsError.class, () -> rt.evaluate(made, "huge.js"), made);
                assertEquals("RangeError", e.name().orElseThrow(), made);
                assertTrue(e.jsMessage().startsWith("Invalid typed array length"), e.jsMessage());
            }
            assertEquals("5,2,0,1000", rt.evaluate("[new Uint8Array(5.9).length, new Float32Array('2').length,"
                    + " new Int16Array(NaN).length, new Uint8Array(new ArrayBuffer(1000)).length].join()", "ok.js").asString());
        }
    }

    @Test
    void theCheckedConstructorIsTheOneEveryLookupSees() {
        try (JsRuntime rt = FACTORY.create()) {
            assertEquals("true,true,true,true,true,true,8,TypedArray", rt.evaluate("var a = new Float64Array([1, 2, 3]);"
                    + " [a instanceof Float64Array, a.constructor === Float64Array, Float64Array.prototype.constructor === Float64Array,"
                    + " a.map(function (x) { return x * 2 }) instanceof Float64Array, a.subarray(1).constructor === Float64Array,"
                    + " Float64Array[Symbol.species] === Float64Array, Float64Array.BYTES_PER_ELEMENT,"
                    + " Object.getPrototypeOf(Float64Array).name].join()", "same.js").asString());
            assertThrows(JsError.class, () -> rt.evaluate("Float64Array(3)", "call.js"), "still a constructor only");
        }
    }

    @Test
    void typedArraysSurviveARhinoImage() {
        byte[] blob;
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.forSnapshotting())) {
            rt.evaluate("var kept = new Int16Array([1, -2, 3]);", "setup.js");
            Snapshot snap = rt.snapshot();
            assertTrue(snap.hasNativeImage(), "a runtime that used a checked constructor still has an image");
            blob = snap.bytes();
        }
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.fromSnapshot(blob))) {
            assertEquals("1,-2,3,true", rt.evaluate("[kept.join(), kept instanceof Int16Array].join()", "r.js").asString());
            assertThrows(JsError.class, () -> rt.evaluate("new Int16Array(2 ** 40)", "huge.js"));
        }
    }
}
