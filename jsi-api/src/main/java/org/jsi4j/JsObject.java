package org.jsi4j;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jsi4j.spi.EngineBackend;

/**
 * A handle to a JavaScript object in one {@link JsRuntime}.
 *
 * <p>Every handle belongs to a {@link JsScope} (the runtime's root scope unless one was opened)
 * and is released when that scope closes; {@link #persist()} makes a {@link JsRef} that outlives
 * scopes. Every method must be called on the runtime's owner thread.
 *
 * <p>Every method throws {@link JsReleasedException} when this handle was released or its
 * runtime closed, and {@link WrongThreadException} when called from a thread other than the
 * runtime's owner. Methods that run JavaScript (getters, setters, proxies, calls) throw
 * {@link JsException} when the script throws.
 */
public sealed class JsObject implements JsValue permits JsArray, JsFunction, JsArrayBuffer {
    final JsRuntime runtime;
    final Object handle;
    boolean released;

    JsObject(JsRuntime runtime, Object handle) {
        this.runtime = runtime;
        this.handle = handle;
    }

    /** The runtime this object lives in. Never throws. */
    public final JsRuntime runtime() {
        return runtime;
    }

    /** True once this handle was released by its scope or its runtime closed. Never throws. */
    public final boolean isReleased() {
        return released || runtime.isClosed();
    }

    @Override
    public String typeOf() {
        return "object";
    }

    /** Reads a property ({@code this[name]}), running getters and proxy traps. */
    public final JsValue get(String name) {
        return runtime.backend(this).get(handle, JsValue.of(name));
    }

    /** Reads an indexed property ({@code this[index]}). */
    public final JsValue get(int index) {
        return runtime.backend(this).get(handle, JsValue.of(index));
    }

    /** Reads a symbol-keyed property ({@code this[symbol]}). */
    public final JsValue get(JsSymbol symbol) {
        EngineBackend b = runtime.backend(this);
        return b.get(handle, runtime.checkSymbol(symbol));
    }

    /** Writes a property ({@code this[name] = value}). */
    public final void set(String name, JsValue value) {
        runtime.changing(this, "JsObject.set").set(handle, JsValue.of(name), runtime.checkValue(value));
    }

    /** Writes an indexed property ({@code this[index] = value}). */
    public final void set(int index, JsValue value) {
        runtime.changing(this, "JsObject.set").set(handle, JsValue.of(index), runtime.checkValue(value));
    }

    /** Writes a symbol-keyed property ({@code this[symbol] = value}). */
    public final void set(JsSymbol symbol, JsValue value) {
        EngineBackend b = runtime.changing(this, "JsObject.set");
        b.set(handle, runtime.checkSymbol(symbol), runtime.checkValue(value));
    }

    /** Writes a string property ({@code this[name] = value}). */
    public final void set(String name, String value) {
        set(name, JsValue.of(value));
    }

    /** Writes a number property ({@code this[name] = value}). */
    public final void set(String name, double value) {
        set(name, JsValue.of(value));
    }

    /** Writes a boolean property ({@code this[name] = value}). */
    public final void set(String name, boolean value) {
        set(name, JsValue.of(value));
    }

    /** {@code name in this}: own or inherited. */
    public final boolean has(String name) {
        return runtime.backend(this).has(handle, JsValue.of(name));
    }

    /** {@code symbol in this}: own or inherited. */
    public final boolean has(JsSymbol symbol) {
        EngineBackend b = runtime.backend(this);
        return b.has(handle, runtime.checkSymbol(symbol));
    }

    /** {@code delete this[name]}; false when the property could not be deleted. */
    public final boolean delete(String name) {
        return runtime.changing(this, "JsObject.delete").delete(handle, JsValue.of(name));
    }

    /** {@code delete this[symbol]}; false when the property could not be deleted. */
    public final boolean delete(JsSymbol symbol) {
        EngineBackend b = runtime.changing(this, "JsObject.delete");
        return b.delete(handle, runtime.checkSymbol(symbol));
    }

    /** The own enumerable string keys, in JavaScript's order, as {@code Object.keys(this)}. */
    public final List<String> propertyNames() {
        return runtime.backend(this).propertyNames(handle);
    }

    /** {@code this instanceof constructor}. */
    public final boolean instanceOf(JsFunction constructor) {
        Objects.requireNonNull(constructor, "constructor");
        return runtime.backend(this).instanceOf(handle, runtime.handleOf(constructor));
    }

    /** {@code this === other}. */
    public final boolean strictEquals(JsValue other) {
        Objects.requireNonNull(other, "other");
        if (!(other instanceof JsObject o)) {
            runtime.backend(this);
            return false;
        }
        return runtime.backend(this).sameObject(handle, runtime.handleOf(o));
    }

    /** True when this object is the JavaScript face of a {@link HostObject}. */
    public final boolean isHostObject() {
        return runtime.backend(this).hostObjectOf(handle) != null;
    }

    /** The host object behind this object (the same Java instance that was exposed), if any. */
    public final Optional<HostObject> hostObject() {
        return Optional.ofNullable(runtime.backend(this).hostObjectOf(handle));
    }

    /**
     * The host object behind this object, as {@code type}.
     *
     * @throws IllegalStateException when this is not a host object of that type
     */
    public final <T extends HostObject> T getHostObject(Class<T> type) {
        HostObject host = runtime.backend(this).hostObjectOf(handle);
        if (!type.isInstance(host)) {
            throw new IllegalStateException("not a host object of type " + type.getName()
                    + (host == null ? " (not a host object at all)" : " (it is a " + host.getClass().getName() + ")"));
        }
        return type.cast(host);
    }

    /** True when this is a function (callable). */
    public final boolean isFunction() {
        return this instanceof JsFunction;
    }

    /** True when this is an array ({@code Array.isArray}). */
    public final boolean isArray() {
        return this instanceof JsArray;
    }

    /**
     * A reference that keeps this object alive after its scope closes, until the reference is
     * closed. See {@link JsRuntime#persist(JsObject)} for a typed variant.
     */
    public final JsRef<JsObject> persist() {
        return runtime.persist(this);
    }

    /**
     * Identity of the handle, not the object: two handles to the same JavaScript object are
     * {@link #strictEquals strictly equal} but not {@code equals}.
     */
    @Override
    public final boolean equals(Object o) {
        return this == o;
    }

    @Override
    public final int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        if (isReleased()) return "JsObject[released]";
        return getClass().getSimpleName() + "[" + runtime.engine().id() + "]";
    }
}
