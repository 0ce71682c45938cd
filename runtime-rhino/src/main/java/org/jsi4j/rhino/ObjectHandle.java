package org.jsi4j.rhino;

import org.mozilla.javascript.Scriptable;

/**
 * What the jsi4j core holds for one Rhino object. Rhino objects are plain Java objects, so a
 * handle that pointed at the object itself would keep it reachable for as long as anyone still
 * held the released {@link org.jsi4j.JsObject}; releasing this handle drops the reference.
 */
final class ObjectHandle {
    private Scriptable object;

    ObjectHandle(Scriptable object) {
        this.object = object;
    }

    /** The object; the core never passes a released handle to the backend. */
    Scriptable object() {
        Scriptable o = object;
        if (o == null) throw new IllegalStateException("jsi4j core bug: a released Rhino handle was used");
        return o;
    }

    void release() {
        object = null;
    }
}
