package org.jsi4j;

import java.util.Arrays;
import org.jsi4j.spi.EngineBackend;

/**
 * The object handles of one {@link JsRuntime} that belong to scopes, as one stack: a handle made
 * is pushed, and closing a scope (or returning from a host callback) releases every handle above
 * the height recorded when it opened. Pushing is an array store; a host callback that makes no
 * handle costs one comparison. Owner thread only.
 */
final class HandleStack {
    private JsObject[] slots = new JsObject[64];
    private int top;

    int height() {
        return top;
    }

    void push(JsObject handle) {
        if (top == slots.length) slots = Arrays.copyOf(slots, top * 2);
        slots[top++] = handle;
    }

    /** Releases the handles above {@code mark}, newest first, through {@code backend}. */
    void releaseTo(int mark, EngineBackend backend) {
        while (top > mark) {
            JsObject o = slots[--top];
            slots[top] = null;
            if (!o.released) {
                o.released = true;
                backend.release(o.handle);
            }
        }
        // a burst of handles (a big graph walked in one scope) must not pin a huge array forever
        if (top == 0 && slots.length > 4096) slots = new JsObject[64];
    }
}
