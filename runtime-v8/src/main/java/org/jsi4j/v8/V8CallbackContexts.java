package org.jsi4j.v8;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.JavetCallbackContext;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The Javet callback contexts of one runtime's host functions and host-object traps. Javet drops a
 * context when V8 collects its function; those whose functions are still alive when the runtime
 * closes (a function on the global object, say) are released here, before the isolate goes, instead
 * of being reported by Javet as "callback context object(s) not recycled". Held weakly: Javet's
 * own map keeps a context alive exactly as long as its function, so what a callback captured (a
 * host object's Java side, native state) goes with the function. Owner thread only; one list
 * append per function made (never per call), compacted as it doubles.
 */
final class V8CallbackContexts {
    private final V8Runtime rt;
    private final List<WeakReference<JavetCallbackContext>> made = new ArrayList<>();
    private int compactAt = 64;

    V8CallbackContexts(V8Runtime rt) {
        this.rt = rt;
    }

    /** Keeps {@code context} until its function is collected or the runtime closes. */
    JavetCallbackContext track(JavetCallbackContext context) {
        if (made.size() >= compactAt) {
            made.removeIf(c -> !live(c.get()));
            compactAt = Math.max(64, made.size() * 2);
        }
        made.add(new WeakReference<>(context));
        return context;
    }

    private boolean live(JavetCallbackContext c) {
        return c != null && c.isValid() && rt.getCallbackContext(c.getHandle()) != null;
    }

    /** Releases the contexts still registered; call after the last script ran, before the isolate closes. */
    void releaseAll() {
        for (WeakReference<JavetCallbackContext> ref : made) {
            JavetCallbackContext c = ref.get();
            if (live(c)) rt.removeCallbackContext(c.getHandle());
        }
        made.clear();
    }
}
