package org.jsi4j.rhino;

import java.lang.ref.WeakReference;
import org.jsi4j.HostObject;
import org.jsi4j.spi.EngineBackend;
import org.jsi4j.spi.JvmGarbage;
import org.jsi4j.spi.ObjectKind;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.typedarrays.NativeArrayBuffer;

/**
 * The handle side of the Rhino backend: Rhino objects are plain Java objects, so a handle is an
 * {@link ObjectHandle} holding the object (dropped on release), a weak token a
 * {@link WeakReference}, and identity is Java identity. Nothing here enters Rhino.
 */
abstract class RhinoHandles implements EngineBackend {
    /** The Rhino object behind a handle. */
    static Scriptable object(Object handle) {
        return ((ObjectHandle) handle).object();
    }

    @Override
    public boolean sameObject(Object a, Object b) {
        return object(a) == object(b);
    }

    @Override
    public HostObject hostObjectOf(Object object) {
        return object(object) instanceof RhinoHostObject h ? h.host() : null;
    }

    @Override
    public byte[] arrayBufferBytes(Object buffer) {
        return ((NativeArrayBuffer) object(buffer)).getBuffer().clone();
    }

    @Override
    public java.nio.ByteBuffer arrayBufferView(Object buffer) {
        return java.nio.ByteBuffer.wrap(((NativeArrayBuffer) object(buffer)).getBuffer()); // Rhino's own array: no copy
    }

    @Override
    public org.jsi4j.HostFunction hostFunctionOf(Object function) {
        return object(function) instanceof RhinoHostFunction f ? f.function() : null;
    }

    @Override
    public Object duplicate(Object handle) {
        return new ObjectHandle(object(handle));
    }

    /** Drops the handle's reference; the garbage collector frees the object once nothing else holds it. */
    @Override
    public void release(Object handle) {
        ((ObjectHandle) handle).release();
    }

    @Override
    public Object weaken(Object handle) {
        return new WeakReference<>(object(handle));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deref(Object weak) {
        Scriptable object = ((WeakReference<Scriptable>) weak).get();
        return object == null ? null : new ObjectHandle(object);
    }

    @Override
    public ObjectKind kindOf(Object handle) {
        return RhinoValues.kind(object(handle));
    }

    @Override
    public void releaseWeak(Object weak) {
        ((WeakReference<?>) weak).clear();
    }

    @Override
    public void collectGarbage() {
        JvmGarbage.collect();
    }

    @Override
    public long engineReferences() {
        return -1;
    }
}
