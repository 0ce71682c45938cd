package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.TypedArrayKind;

/** ArrayBuffer views, detached buffers, typed arrays and data views made from Java. */
@Area("jsi-surface")
class JsiBuffersTest {
    @EngineTest
    void byteLengthComesFromTheEngine(JsRuntime rt) {
        JsArrayBuffer b = rt.newArrayBuffer(new byte[] {1, 2, 3});
        rt.global().set("b", b);
        rt.evaluate("Object.defineProperty(b, 'byteLength', {value: 1000})", "redefine.js");
        assertEquals(3, b.byteLength());
        assertArrayEquals(new byte[] {1, 2, 3}, b.toByteArray());
        assertEquals(JsValue.of(1000), b.get("byteLength"), "the script's property is still what scripts see");
    }

    @EngineTest
    void byteBufferViewSharesMemoryWhereTheEngineAllows(JsRuntime rt) {
        JsArrayBuffer b = rt.evaluate("var u = new Uint8Array([5, 6, 7, 8]); u.buffer", "b.js").asObject() instanceof JsArrayBuffer ab
                ? ab : null;
        assertTrue(b != null, "an ArrayBuffer comes out as a JsArrayBuffer");
        if (rt.engine().id().equals("graal")) {
            assertFalse(b.sharesMemory(), "GraalJS says it cannot share");
            return;
        }
        ByteBuffer view = b.byteBuffer().orElseThrow();
        assertEquals(4, view.remaining());
        assertEquals(5, view.get(0));
        view.put(1, (byte) 60);
        assertEquals(JsValue.of(60), rt.evaluate("u[1]", "r.js"), "a Java write is seen by JavaScript");
        rt.evaluate("u[2] = 70", "w.js");
        assertEquals(70, view.get(2), "a JavaScript write is seen through the view");
    }

    @EngineTest
    void detachedBuffers(JsRuntime rt) {
        JsArrayBuffer b = rt.newArrayBuffer(new byte[] {9, 9});
        assertFalse(b.isDetached());
        rt.global().set("b", b);
        rt.evaluate("b.transfer()", "t.js");
        assertTrue(b.isDetached());
        assertEquals(0, b.byteLength());
        assertEquals(0, b.toByteArray().length);
        assertTrue(b.byteBuffer().isEmpty());
    }

    @EngineTest
    void arrayBufferOverJavaMemory(JsRuntime rt) {
        ByteBuffer memory = ByteBuffer.allocateDirect(4);
        memory.put(0, (byte) 11);
        JsArrayBuffer b = rt.newArrayBuffer(memory);
        rt.global().set("b", b);
        assertEquals(JsValue.of(11), rt.evaluate("new Uint8Array(b)[0]", "r.js"));
        rt.evaluate("new Uint8Array(b)[1] = 22", "w.js");
        if (rt.engine().id().equals("v8")) assertEquals(22, memory.get(1), "V8 shares a direct buffer");
        else assertEquals(0, memory.get(1), "other engines hold a copy");
        JsArrayBuffer heap = rt.newArrayBuffer(ByteBuffer.wrap(new byte[] {1, 2, 3}, 1, 2));
        assertArrayEquals(new byte[] {2, 3}, heap.toByteArray(), "the remaining bytes only");
    }

    @EngineTest
    void typedArraysAndDataViewsFromJava(JsRuntime rt) {
        JsArrayBuffer b = rt.newArrayBuffer(new byte[16]);
        JsObject floats = rt.newTypedArray(TypedArrayKind.FLOAT64, b, 8, 1);
        JsObject bytes = rt.newTypedArray(TypedArrayKind.UINT8, b, 0, 16);
        JsObject view = rt.newDataView(b, 0, 16);
        rt.global().set("f", floats);
        rt.global().set("u", bytes);
        rt.global().set("d", view);
        assertEquals(JsValue.of("Float64Array,Uint8Array,DataView,1,16"), rt.evaluate(
                "[f.constructor.name, u.constructor.name, d.constructor.name, f.length, d.byteLength].join()", "t.js"));
        rt.evaluate("f[0] = 1.5; d.setInt16(0, -2)", "w.js");
        assertEquals(JsValue.of("1.5,-2,255,true"), rt.evaluate(
                "[new Float64Array(u.buffer, 8, 1)[0], d.getInt16(0), u[0], f.buffer === u.buffer].join()", "r.js"));
        JsError range = assertThrows(JsError.class, () -> rt.newTypedArray(TypedArrayKind.INT32, b, 2, 1));
        assertEquals("RangeError", range.name().orElseThrow());
        assertThrows(JsError.class, () -> rt.newDataView(b, 10, 100));
    }
}
