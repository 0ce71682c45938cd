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

    /**
     * {@code this[key]} for a key of any type (JSI's value-keyed {@code getProperty}): strings,
     * numbers and symbols go straight to the engine; other primitives become their string; an
     * object key is converted by JavaScript's own {@code ToPropertyKey} (its {@code toString} runs).
     */
    public final JsValue get(JsValue key) {
        EngineBackend b = runtime.backend(this);
        JsValue k = directKey(key);
        return k != null ? b.get(handle, k) : runtime.intrinsics().entered(Intrinsics.GET, this, key);
    }

    /** {@code this[key] = value} for a key of any type, converted as by {@link #get(JsValue)}. */
    public final void set(JsValue key, JsValue value) {
        EngineBackend b = runtime.changing(this, "JsObject.set");
        runtime.checkValue(value);
        JsValue k = directKey(key);
        if (k != null) b.set(handle, k, value);
        else runtime.intrinsics().entered(Intrinsics.SET, this, key, value);
    }

    /** {@code key in this} for a key of any type, converted as by {@link #get(JsValue)}. */
    public final boolean has(JsValue key) {
        EngineBackend b = runtime.backend(this);
        JsValue k = directKey(key);
        return k != null ? b.has(handle, k) : runtime.intrinsics().entered(Intrinsics.HAS, this, key).asBoolean();
    }

    /** {@code delete this[key]} for a key of any type, converted as by {@link #get(JsValue)}. */
    public final boolean delete(JsValue key) {
        EngineBackend b = runtime.changing(this, "JsObject.delete");
        JsValue k = directKey(key);
        return k != null ? b.delete(handle, k) : runtime.intrinsics().entered(Intrinsics.DELETE, this, key).asBoolean();
    }

    /** The key as the backend takes it (string, array index or symbol), or null when JavaScript must convert it. */
    private JsValue directKey(JsValue key) {
        return switch (runtime.checkValue(key)) {
            case JsString s -> s;
            case JsSymbol s -> s;
            case JsNumber n -> n.value() >= 0 && n.value() <= Integer.MAX_VALUE && n.value() == Math.rint(n.value())
                    && !(n.value() == 0 && 1 / n.value() < 0) ? n : null;
            case JsBoolean v -> JsValue.of(Boolean.toString(v.value()));
            case JsNull v -> JsValue.of("null");
            case JsUndefined v -> JsValue.of("undefined");
            case JsBigInt v -> JsValue.of(v.value().toString());
            case JsObject o -> null;
        };
    }

    /** {@code Object.getPrototypeOf(this)}: an object, or {@link JsValue#nullValue()}. */
    public final JsValue getPrototype() {
        runtime.backend(this);
        return runtime.intrinsics().entered(Intrinsics.GET_PROTO, this);
    }

    /**
     * {@code Object.setPrototypeOf(this, prototype)}, {@code prototype} an object or
     * {@link JsValue#nullValue()}.
     *
     * @throws JsError a {@code TypeError} when the engine refuses (a cycle, a non-extensible object)
     * @throws IllegalArgumentException when {@code prototype} is neither an object nor null
     */
    public final void setPrototype(JsValue prototype) {
        runtime.changing(this, "JsObject.setPrototype");
        if (!(runtime.checkValue(prototype) instanceof JsObject || prototype instanceof JsNull)) {
            throw new IllegalArgumentException("a prototype must be an object or JsValue.nullValue(), was " + prototype);
        }
        runtime.intrinsics().entered(Intrinsics.SET_PROTO, this, prototype);
    }

    /**
     * The names {@code for (k in this)} visits: own and inherited enumerable string keys, in
     * JavaScript's order, each once.
     */
    public final List<String> forInNames() {
        runtime.backend(this);
        JsArray names = runtime.intrinsics().entered(Intrinsics.FOR_IN, this).asArray();
        int n = names.length();
        List<String> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(names.get(i).asString());
        return out;
    }

    /**
     * Attaches {@code state} to this object (JSI's {@code setNativeState}), replacing what was
     * attached; {@code null} detaches it. The state is held by the object: it becomes unreachable
     * from the runtime when the object is collected. Any object can hold state, arrays and
     * functions included.
     */
    @SuppressWarnings("try") // the scope releases the holder's handle
    public final void setNativeState(Object state) {
        runtime.backend(this);
        try (JsScope scope = runtime.openScope()) {
            JsValue holder = state == null ? JsValue.undefined() : runtime.engineBackend().newHostObject(new NativeStateHolder(state));
            runtime.intrinsics().direct(Intrinsics.SET_STATE, this, holder);
        }
    }

    /** Whether {@link #setNativeState} attached something to this object. */
    public final boolean hasNativeState() {
        return nativeState(Object.class).isPresent();
    }

    /**
     * The state attached with {@link #setNativeState}, when there is one of {@code type}.
     *
     * @throws IllegalStateException when the attached state is not a {@code type}
     */
    @SuppressWarnings("try") // the scope releases the holder's handle
    public final <T> Optional<T> nativeState(Class<T> type) {
        runtime.backend(this);
        Object state;
        try (JsScope scope = runtime.openScope()) {
            JsValue holder = runtime.intrinsics().direct(Intrinsics.GET_STATE, this);
            if (!(holder instanceof JsObject h)) return Optional.empty();
            state = ((NativeStateHolder) runtime.engineBackend().hostObjectOf(h.handle)).state();
        }
        if (!type.isInstance(state)) {
            throw new IllegalStateException("the native state is a " + state.getClass().getName() + ", not a " + type.getName());
        }
        return Optional.of(type.cast(state));
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
