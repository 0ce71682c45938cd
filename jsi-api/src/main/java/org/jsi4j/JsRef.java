package org.jsi4j;

/**
 * A strong reference that keeps a JavaScript object alive across scopes until {@link #close()}.
 * Made by {@link JsObject#persist()} or {@link JsRuntime#persist(JsObject)}.
 *
 * @param <T> the kind of object
 */
public final class JsRef<T extends JsObject> implements AutoCloseable {
    private final T object;
    private boolean closed;

    JsRef(T object) {
        this.object = object;
    }

    /**
     * The object; the handle stays valid while this reference is open.
     *
     * @throws JsReleasedException when this reference was closed or its runtime closed
     */
    public T get() {
        if (closed) throw new JsReleasedException("JsRef used after it was closed");
        object.runtime.checkOpen();
        return object;
    }

    T getUnchecked() {
        return object;
    }

    /** True once closed (or its runtime closed). */
    public boolean isClosed() {
        return closed || object.runtime.isClosed();
    }

    /** Lets the object go. Idempotent. Call on the owner thread. */
    @Override
    public void close() {
        if (closed) return;
        object.runtime.closeRef(this, object);
        closed = true;
    }
}
