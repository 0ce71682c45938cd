package org.jsi4j.graal;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jsi4j.HostFunction;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * The Java side of a host function: a polyglot {@link ProxyExecutable} that the function's
 * JavaScript face (a strict-mode method made by {@code helpers.js}, carrying {@code name} and
 * {@code length}) calls as {@code call(this, ...args)} with {@code this} and every argument
 * already tagged. A polyglot executable alone cannot see {@code this}, hence the face.
 *
 * <p>Per call: one {@code JsValue[]} for the arguments, viewed as a read-only list (no copy);
 * primitives convert without handles, {@code this} when undefined costs nothing.
 */
final class GraalHostFunction implements ProxyExecutable {
    private final JsRuntime runtime;
    private final HostFunction function;
    private final GraalValues values;
    private final GraalCallbacks callbacks;

    GraalHostFunction(JsRuntime runtime, HostFunction function, GraalValues values, GraalCallbacks callbacks) {
        this.runtime = runtime;
        this.function = function;
        this.values = values;
        this.callbacks = callbacks;
    }

    @Override
    public Object execute(Value... guest) {
        return callbacks.enter(() -> {
            JsValue self = values.fromTagged(guest[0]);
            JsValue[] args = new JsValue[guest.length - 1];
            for (int i = 0; i < args.length; i++) args[i] = values.fromTagged(guest[i + 1]);
            JsValue result = function.call(runtime, self, new Arguments(args));
            return values.toGuest(result == null ? JsValue.undefined() : result);
        });
    }

    /** The arguments of one call, read-only, over the array they were converted into. */
    private static final class Arguments extends AbstractList<JsValue> implements RandomAccess {
        private final JsValue[] values;

        Arguments(JsValue[] values) {
            this.values = values;
        }

        @Override
        public JsValue get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
