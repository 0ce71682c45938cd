package org.jsi4j;

import java.util.List;

/**
 * A Java function callable from JavaScript. Create its JavaScript face with
 * {@link JsRuntime#function(String, int, HostFunction)}, which also sets its {@code name} and
 * {@code length}.
 *
 * <p>Runs on the runtime's owner thread. The handles in {@code args} (and any made during the
 * call) are released when the call returns; {@link JsObject#persist()} keeps one longer. A Java
 * exception thrown here reaches JavaScript as an {@code Error}; if JavaScript does not catch it,
 * it comes back to the Java caller as a {@link JsError} whose cause is the original exception.
 */
@FunctionalInterface
public interface HostFunction {
    /**
     * Runs the function.
     *
     * @param runtime the calling runtime
     * @param thisValue JavaScript's {@code this} for the call
     * @param args the arguments, as many as the caller passed
     * @return the result; {@link JsValue#undefined()} for none
     */
    JsValue call(JsRuntime runtime, JsValue thisValue, List<JsValue> args);
}
