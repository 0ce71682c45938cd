package org.jsi4j;

import java.util.List;

/**
 * A Java object seen from JavaScript as an ordinary object: property reads, writes, {@code in},
 * {@code delete}, {@code Object.keys} and {@code for…in} reach these methods, and the object can
 * serve as a prototype. Create its JavaScript face with {@link JsRuntime#hostObject(HostObject)};
 * the same Java instance comes back out of {@link JsObject#getHostObject(Class)}.
 *
 * <p>Methods run on the runtime's owner thread. Handles they receive or create live until the
 * callback returns. A Java exception thrown here reaches JavaScript as an {@code Error} (throw a
 * {@link JsError} made by {@link JsError#of(JsErrorType, String)} to choose its type).
 */
public interface HostObject {
    /** The value of property {@code name}; {@link JsValue#undefined()} when there is none. */
    JsValue get(JsRuntime runtime, String name);

    /**
     * Sets property {@code name}. The default refuses with a JavaScript {@code TypeError}, making
     * the object read-only.
     */
    default void set(JsRuntime runtime, String name, JsValue value) {
        throw JsError.of(JsErrorType.TYPE_ERROR,
                "Cannot set property '" + name + "' of a read-only host object");
    }

    /** Whether property {@code name} exists ({@code name in obj}); by default, whether it is listed. */
    default boolean has(JsRuntime runtime, String name) {
        return propertyNames(runtime).contains(name);
    }

    /** Deletes property {@code name}; returns false when it cannot be deleted (the default). */
    default boolean delete(JsRuntime runtime, String name) {
        return false;
    }

    /** The enumerable property names, as {@code Object.keys} and {@code for…in} see them. */
    default List<String> propertyNames(JsRuntime runtime) {
        return List.of();
    }

    /** Called once when the runtime that exposed this object closes. */
    default void release() {
    }
}
