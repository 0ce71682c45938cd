package org.jsi4j;

/**
 * The Java state attached to an object by {@link JsObject#setNativeState}: kept in a private
 * {@code WeakMap} of the runtime as the value of a host object no script can reach, so the engine
 * frees it with the object.
 */
record NativeStateHolder(Object state) implements HostObject {
    @Override
    public JsValue get(JsRuntime runtime, String name) {
        return JsValue.undefined();
    }
}
