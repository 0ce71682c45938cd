package org.jsi4j;

import java.util.ArrayList;
import java.util.List;

/**
 * A region whose object handles are released when it closes, like a V8 {@code HandleScope}:
 * <pre>{@code
 * try (JsScope scope = rt.openScope()) {
 *     JsObject o = rt.evaluate("({a: 1})", "x.js").asObject();   // released at the end
 * }
 * }</pre>
 * Scopes nest; closing one first closes any still open inside it. Close on the owner thread.
 */
public final class JsScope implements AutoCloseable {
    final JsRuntime runtime;
    final JsScope parent;
    final boolean implicit;
    final List<JsObject> handles = new ArrayList<>();
    boolean closed;

    JsScope(JsRuntime runtime, JsScope parent, boolean implicit) {
        this.runtime = runtime;
        this.parent = parent;
        this.implicit = implicit;
    }

    /** How many handles this scope holds now. */
    public int size() {
        return handles.size();
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed;
    }

    /** Releases every handle made in this scope (and in scopes still open inside it). Idempotent. */
    @Override
    public void close() {
        runtime.closeScope(this);
    }
}
