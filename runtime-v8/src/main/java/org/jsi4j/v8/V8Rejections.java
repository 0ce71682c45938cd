package org.jsi4j.v8;

import com.caoccao.javet.enums.JavetPromiseRejectEvent;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.callback.IJavetPromiseRejectCallback;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValuePromise;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jsi4j.spi.RejectedPromise;

/**
 * V8's promise-reject callback, recording the promises rejected with no handler and dropping those
 * that get one later ({@code kPromiseHandlerAddedAfterReject}). V8 calls it while a script runs;
 * it only clones the two handles Javet closes after the call (no script runs).
 */
final class V8Rejections implements IJavetPromiseRejectCallback {
    private record Pending(V8ValuePromise promise, V8Value reason) {
        void close() {
            try {
                promise.close();
                reason.close();
            } catch (JavetException ignored) {
                // the runtime is closing: nothing to free any more
            }
        }
    }

    private final List<Pending> pending = new ArrayList<>();
    private boolean tracking;

    void track() {
        tracking = true;
    }

    @Override
    public void callback(JavetPromiseRejectEvent event, V8ValuePromise promise, V8Value value) {
        if (!tracking) return;
        try {
            if (event == JavetPromiseRejectEvent.PromiseRejectWithNoHandler) {
                pending.add(new Pending(promise.toClone(), value.toClone()));
            } else if (event == JavetPromiseRejectEvent.PromiseHandlerAddedAfterReject) {
                for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                    Pending p = it.next();
                    if (p.promise.strictEquals(promise)) {
                        it.remove();
                        p.close();
                        break;
                    }
                }
            }
        } catch (JavetException ignored) {
            // V8 is terminating the script: what was not recorded is not reported
        }
    }

    /** The recorded rejections as jsi4j values (the clones become the handles), oldest first. */
    List<RejectedPromise> take(V8Backend backend) {
        if (pending.isEmpty()) return List.of();
        List<RejectedPromise> taken = new ArrayList<>(pending.size());
        List<Pending> all = new ArrayList<>(pending);
        pending.clear();
        for (Pending p : all) {
            try {
                taken.add(new RejectedPromise(backend.toJs(p.promise).asObject(), backend.toJs(p.reason)));
            } catch (JavetException e) {
                p.close();
                throw backend.translate(e);
            }
        }
        return taken;
    }

    void close() {
        for (Pending p : pending) p.close();
        pending.clear();
    }
}
