package org.jsi4j;

import java.nio.ByteBuffer;
import java.util.Optional;

/** A handle to a JavaScript {@code ArrayBuffer}. The rules of {@link JsObject} apply. */
public final class JsArrayBuffer extends JsObject {
    JsArrayBuffer(JsRuntime runtime, Object handle) {
        super(runtime, handle);
    }

    /**
     * The buffer's size in bytes, as the engine knows it (by the original
     * {@code ArrayBuffer.prototype.byteLength} getter: a script redefining {@code byteLength} changes
     * nothing); 0 once detached.
     */
    public int byteLength() {
        runtime.backend(this);
        return (int) runtime.intrinsics().direct(Intrinsics.BYTE_LENGTH, this).asNumber();
    }

    /** True once the buffer was detached (transferred with {@code transfer()} or {@code structuredClone}). */
    public boolean isDetached() {
        runtime.backend(this);
        return runtime.intrinsics().direct(Intrinsics.DETACHED, this).asBoolean();
    }

    /** A copy of the buffer's bytes (empty once detached). */
    public byte[] toByteArray() {
        if (isDetached()) return new byte[0];
        return runtime.backend(this).arrayBufferBytes(handle);
    }

    /**
     * A view of the buffer's memory, without a copy, where the engine allows it (Rhino, V8): writes
     * through it are seen by JavaScript and the other way round. Empty on an engine that cannot share
     * its buffers (GraalJS: use {@link #toByteArray()}) and once detached. The view is valid while
     * the buffer is neither detached nor collected: keep this handle (or a {@link JsRef}) while using it.
     */
    public Optional<ByteBuffer> byteBuffer() {
        if (isDetached()) return Optional.empty();
        return Optional.ofNullable(runtime.backend(this).arrayBufferView(handle));
    }

    /** Whether {@link #byteBuffer()} shares this buffer's memory on this engine. */
    public boolean sharesMemory() {
        return byteBuffer().isPresent();
    }
}
