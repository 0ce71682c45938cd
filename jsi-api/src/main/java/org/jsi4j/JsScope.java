package org.jsi4j;

/**
 * A region whose object handles are released when it closes, like a V8 {@code HandleScope}:
 * <pre>{@code
 * try (JsScope scope = rt.openScope()) {
 *     JsObject o = rt.evaluate("({a: 1})", "x.js").asObject();   // released at the end
 * }
 * }</pre>
 * Scopes nest; closing one first closes any still open inside it. Close on the owner thread.
 *
 * <p>A scope is a mark on its runtime's handle stack: opening one records the stack's height,
 * closing it releases every handle made since. Handles are not kept per scope.
 */
public final class JsScope implements AutoCloseable {
    final JsRuntime runtime;
    final JsScope parent;
    /** The height of the runtime's handle stack when this scope opened. */
    final int mark;
    boolean closed;

    JsScope(JsRuntime runtime, JsScope parent, int mark) {
        this.runtime = runtime;
        this.parent = parent;
        this.mark = mark;
    }

    /** How many handles this scope holds now (0 once closed), those of scopes open inside it included. */
    public int size() {
        return closed ? 0 : Math.max(0, runtime.handleCount() - mark);
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
