package org.jsi4j;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A handle to a callable JavaScript object. The rules of {@link JsObject} apply. */
public final class JsFunction extends JsObject {
    JsFunction(JsRuntime runtime, Object handle) {
        super(runtime, handle);
    }

    @Override
    public String typeOf() {
        return "function";
    }

    /** Calls the function with {@code this} undefined. */
    public JsValue call(JsValue... args) {
        return callWithThis(JsValue.undefined(), Arrays.asList(args));
    }

    /** Calls the function with {@code this} undefined. */
    public JsValue call(List<? extends JsValue> args) {
        return callWithThis(JsValue.undefined(), args);
    }

    /** Calls the function with the given {@code this}. */
    public JsValue callWithThis(JsValue thisValue, JsValue... args) {
        return callWithThis(thisValue, Arrays.asList(args));
    }

    /** Calls the function with the given {@code this}. */
    public JsValue callWithThis(JsValue thisValue, List<? extends JsValue> args) {
        Objects.requireNonNull(thisValue, "thisValue");
        return runtime.call(this, thisValue, runtime.checkArgs(args));
    }

    /** {@code new this(...args)}. */
    public JsObject construct(JsValue... args) {
        return construct(Arrays.asList(args));
    }

    /** {@code new this(...args)}. */
    public JsObject construct(List<? extends JsValue> args) {
        return runtime.construct(this, runtime.checkArgs(args));
    }

    /** True when this function was made by {@link JsRuntime#function} (or an external) around a {@link HostFunction}. */
    public boolean isHostFunction() {
        return runtime.backend(this).hostFunctionOf(handle) != null;
    }

    /**
     * The {@link HostFunction} behind this function, the same Java instance that was given.
     *
     * @throws IllegalStateException when this is not a host function
     */
    public HostFunction getHostFunction() {
        HostFunction f = runtime.backend(this).hostFunctionOf(handle);
        if (f == null) throw new IllegalStateException("not a host function: check isHostFunction() first");
        return f;
    }

    /** The function's {@code name} property. */
    public String name() {
        JsValue name = get("name");
        return name instanceof JsString s ? s.value() : "";
    }
}
