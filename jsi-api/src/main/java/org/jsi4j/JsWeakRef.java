package org.jsi4j;

import java.util.Optional;

/**
 * A reference that does not keep its object alive: once no strong handle, reference or
 * JavaScript binding holds the object, the garbage collector may take it and {@link #get()}
 * becomes empty. Made by {@link JsRuntime#weak(JsObject)}.
 *
 * @param <T> the kind of object
 */
public final class JsWeakRef<T extends JsObject> implements AutoCloseable {
    private final JsRuntime runtime;
    private final Class<T> kind;
    private Object token;

    JsWeakRef(JsRuntime runtime, Class<T> kind, Object token) {
        this.runtime = runtime;
        this.kind = kind;
        this.token = token;
    }

    /**
     * The object if it is still alive, as a new handle in the current scope.
     *
     * @throws JsReleasedException when this reference was closed or its runtime closed
     */
    public Optional<T> get() {
        if (token == null) throw new JsReleasedException("JsWeakRef used after it was closed");
        return Optional.ofNullable(runtime.deref(token)).map(kind::cast);
    }

    /** Drops the weak reference. Idempotent. */
    @Override
    public void close() {
        if (token == null) return;
        runtime.closeWeak(token);
        token = null;
    }
}
