package org.jsi4j.v8;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.JavetCallbackContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The Javet callback contexts of one runtime's host functions and host-object traps. Javet drops a
 * context when V8 collects its function; those whose functions are still alive when the runtime
 * closes (a function on the global object, say) are released here, before the isolate goes, instead
 * of being reported by Javet as "callback context object(s) not recycled". Owner thread only; one
 * list append per function made (never per call), compacted as it doubles.
 */
final class V8CallbackContexts {
    private final V8Runtime rt;
    private final List<JavetCallbackContext> made = new ArrayList<>();
    private int compactAt = 64;

    V8CallbackContexts(V8Runtime rt) {
        this.rt = rt;
    }

    /** Keeps {@code context} until its function is collected or the runtime closes. */
    JavetCallbackContext track(JavetCallbackContext context) {
        if (made.size() >= compactAt) {
            made.removeIf(c -> !live(c));
            compactAt = Math.max(64, made.size() * 2);
        }
        made.add(context);
        return context;
    }

    private boolean live(JavetCallbackContext c) {
        return c.isValid() && rt.getCallbackContext(c.getHandle()) != null;
    }

    /** Releases the contexts still registered; call after the last script ran, before the isolate closes. */
    void releaseAll() {
        for (JavetCallbackContext c : made) if (live(c)) rt.removeCallbackContext(c.getHandle());
        made.clear();
    }
}
