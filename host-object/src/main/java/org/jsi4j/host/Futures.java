package org.jsi4j.host;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsValue;

/**
 * Java futures as JavaScript promises, through {@link JsRuntime#promise}: the Java result is
 * converted to JavaScript on the JS thread, so it may be any type {@link TypeMapping} maps.
 */
final class Futures {
    private Futures() {
    }

    /** A promise settled on the JS thread when {@code future} completes. */
    static JsObject promise(JsRuntime runtime, CompletionStage<?> future) {
        CompletableFuture<JsValue> converted = new CompletableFuture<>();
        future.whenComplete((value, failure) -> runtime.executor().execute(() -> settle(runtime, converted, value, failure)));
        return runtime.promise(converted);
    }

    private static void settle(JsRuntime runtime, CompletableFuture<JsValue> converted, Object value, Throwable failure) {
        if (failure != null) {
            converted.completeExceptionally(failure);
            return;
        }
        JsValue js;
        JsRef<JsObject> kept = null;
        try (JsScope scope = runtime.openScope()) {
            js = TypeMapping.toJs(runtime, value);
            if (js instanceof JsObject o) {
                // the promise is resolved in the next task on the queue; keep the object until then
                kept = o.persist();
                js = kept.get();
            }
        } catch (RuntimeException e) {
            converted.completeExceptionally(e);
            return;
        }
        converted.complete(js);
        if (kept != null) runtime.executor().execute(kept::close);
    }
}
