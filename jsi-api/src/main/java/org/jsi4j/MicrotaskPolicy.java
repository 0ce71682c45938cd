package org.jsi4j;

/**
 * When a runtime runs its pending promise jobs (microtasks): {@link RuntimeOptions#withMicrotaskPolicy}.
 * What an engine supports is in {@link Capabilities#explicitMicrotasks()}.
 */
public enum MicrotaskPolicy {
    /**
     * After every outermost entry from Java into JavaScript (an evaluation, a prepared script, a
     * call, a task), as a browser does after each task. The default, on every engine.
     */
    AUTO,
    /**
     * Only when Java calls {@link JsRuntime#drainMicrotasks(int)} (or {@link JsRuntime#drainMicrotasks()}),
     * as JSI's {@code drainMicrotasks(maxMicrotasksHint)} lets an embedder choose. Jobs queued
     * by a script stay queued across entries until then. Refused with an
     * {@link IllegalArgumentException} by an engine that runs its jobs itself (see
     * {@link Capabilities#explicitMicrotasks()}).
     */
    EXPLICIT
}
