package org.jsi4j;

/** A handle to a JavaScript {@code ArrayBuffer}. The rules of {@link JsObject} apply. */
public final class JsArrayBuffer extends JsObject {
    JsArrayBuffer(JsRuntime runtime, Object handle) {
        super(runtime, handle);
    }

    /** The buffer's size in bytes. */
    public int byteLength() {
        return (int) get("byteLength").asNumber();
    }

    /** A copy of the buffer's bytes. */
    public byte[] toByteArray() {
        return runtime.backend(this).arrayBufferBytes(handle);
    }
}
