package org.jsi4j.graal;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jsi4j.HostFunction;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.spi.HostArguments;
import org.jsi4j.spi.HostCall;

/**
 * The Java side of a host function: a polyglot {@link ProxyExecutable} that the function's
 * JavaScript face (a strict-mode method made by {@code helpers.js}, carrying {@code name} and
 * {@code length}) calls with every argument already tagged: a plain call (undefined
 * {@code this}) as {@link #execute} with exactly the guest's arguments, like a raw
 * ProxyExecutable; any other call through {@link #withThis()}, {@code this} first. A polyglot
 * executable alone cannot see {@code this}, hence the face.
 *
 * <p>Per call: one {@code JsValue[]} for the arguments, viewed as a read-only list (no copy);
 * primitives convert without handles, {@code this} when undefined costs nothing.
 */
final class GraalHostFunction implements ProxyExecutable {
    private final JsRuntime runtime;
    private final HostFunction function;
    private final GraalValues values;
    private final GraalCallbacks callbacks;
    private final String name;

    GraalHostFunction(JsRuntime runtime, HostFunction function, String name, GraalValues values, GraalCallbacks callbacks) {
        this.runtime = runtime;
        this.name = name;
        this.function = function;
        this.values = values;
        this.callbacks = callbacks;
    }

    /** A plain call: {@code this} is undefined, the arguments are exactly the guest's. */
    @Override
    public Object execute(Value... guest) {
        return callbacks.enter(new Call(this, null, guest, 0));
    }

    /** The Java function behind this body. */
    HostFunction function() {
        return function;
    }

    /** The entry for calls with a {@code this}: the tagged {@code this} comes first. */
    ProxyExecutable withThis() {
        return guest -> callbacks.enter(new Call(this, guest[0], guest, 1));
    }

    /**
     * One call's body (one allocation, as a lambda capturing the same would be), which names the
     * function: the stacks of GraalJS show no frame for jsi4j's internal face of a host function, so the
     * core adds {@code at NAME (host function)} to the error it makes when the call fails.
     *
     * @param self the tagged {@code this}, or null for a plain call
     */
    private record Call(GraalHostFunction f, Value self, Value[] guest, int from) implements HostCall {
        @Override
        public Object run() {
            return f.run(self == null ? JsValue.undefined() : f.values.fromTagged(self), guest, from);
        }

        @Override
        public String hostFunctionName() {
            return f.name;
        }
    }

    private Object run(JsValue self, Value[] guest, int from) {
        JsValue[] args = new JsValue[guest.length - from];
        for (int i = 0; i < args.length; i++) args[i] = values.fromTagged(guest[i + from]);
        JsValue result = function.call(runtime, self, HostArguments.of(args));
        return values.toGuest(result == null ? JsValue.undefined() : result);
    }
}
