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
 *
 * <p>Symbol-keyed accesses ({@code obj[sym]}, {@code sym in obj}, ...) reach the overloads that take a
 * {@link JsSymbol}; string-keyed ones reach those that take a {@code String}, unchanged.
 * {@code Object.keys} and {@code for…in} list {@link #propertyNames}, de-duplicated by the runtime.
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

    // ---------------------------------------------------------------- symbol keys
    // Separate overloads rather than one key type: a string-keyed access stays a plain String
    // crossing (no key object made per access); only symbol-keyed accesses reach these.

    /**
     * The value of the symbol-keyed property {@code key} ({@code obj[Symbol.iterator]}, ...);
     * {@link JsValue#undefined()} when there is none (the default: a host object has no symbol-keyed
     * properties unless it overrides these methods).
     */
    default JsValue get(JsRuntime runtime, JsSymbol key) {
        return JsValue.undefined();
    }

    /** Sets the symbol-keyed property {@code key}. The default refuses with a JavaScript {@code TypeError}. */
    default void set(JsRuntime runtime, JsSymbol key, JsValue value) {
        throw JsError.of(JsErrorType.TYPE_ERROR,
                "Cannot set property " + key + " of a host object that has no symbol-keyed properties");
    }

    /** Whether the symbol-keyed property {@code key} exists; by default, whether it is in {@link #propertySymbols}. */
    default boolean has(JsRuntime runtime, JsSymbol key) {
        return propertySymbols(runtime).contains(key);
    }

    /** Deletes the symbol-keyed property {@code key}; returns false when it cannot be deleted (the default). */
    default boolean delete(JsRuntime runtime, JsSymbol key) {
        return false;
    }

    /**
     * The symbol-keyed properties, as {@code Object.getOwnPropertySymbols} and {@code Reflect.ownKeys}
     * see them (after the string names); none by default.
     */
    default List<JsSymbol> propertySymbols(JsRuntime runtime) {
        return List.of();
    }

    /** Called once when the runtime that exposed this object closes. */
    default void release() {
    }
}
