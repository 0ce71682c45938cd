package org.jsi4j.rhino;

import org.jsi4j.HostFunction;
import org.jsi4j.JsValue;
import org.jsi4j.spi.HostArguments;
import org.jsi4j.spi.HostCall;
import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.Undefined;

/**
 * A {@link HostFunction} seen from JavaScript: a Rhino {@link BaseFunction} with its own
 * {@code name} and {@code length}, called the way Rhino calls its own {@code LambdaFunction}
 * (directly from the script, {@code this} passed through), plus the conversion: the arguments
 * become {@link JsValue}s (handles only for objects; the global object as {@code this} is one
 * permanent handle), the result a Rhino value (a Java {@code null} becomes {@code undefined}).
 * The call runs through {@link org.jsi4j.spi.RuntimeServices#hostCall}, which releases the
 * handles made during it and turns a Java exception into a JavaScript one; when it returns,
 * {@link RhinoLimits#afterHostCall()} stops the script if it was interrupted meanwhile or the
 * callback failed with a Java {@link Error}.
 */
final class RhinoHostFunction extends BaseFunction {
    private static final long serialVersionUID = 1L;

    private final transient RhinoBackend backend;
    private final transient HostFunction function;
    private final String name;
    private final int length;

    RhinoHostFunction(RhinoBackend backend, Scriptable scope, String name, int length, HostFunction function) {
        this.backend = backend;
        this.function = function;
        this.name = name;
        this.length = length;
        ScriptRuntime.setFunctionProtoAndParent(this, backend.context(), scope);
    }

    @Override
    public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
        RhinoBackend b = backend;
        try {
            return b.services().hostCall(new Invocation(this, thisObj, args));
        } finally {
            b.limits().afterHostCall();
        }
    }

    private Object invoke(Scriptable thisObj, Object[] args) {
        RhinoBackend b = backend;
        try {
            RhinoValues values = b.values();
            JsValue[] converted = new JsValue[args.length];
            for (int i = 0; i < converted.length; i++) converted[i] = values.toJs(args[i]);
            JsValue result = function.call(b.services().runtime(), values.thisValue(thisObj), HostArguments.of(converted));
            return result == null ? Undefined.instance : values.toRhino(result);
        } catch (Termination | VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            b.limits().fatal(e);
            throw e;
        }
    }

    /**
     * One call's body for {@link org.jsi4j.spi.RuntimeServices#hostCall}: a new, immutable one per
     * call. The core's {@code hostCall} is small enough to be inlined here, so the JIT can replace
     * this short-lived object with its fields. An earlier design kept one mutable spare per function
     * to allocate nothing; once the function had been promoted to the old generation, every call
     * stored young references (the arguments) into it, and G1's write barrier for such stores made
     * a host call twice as slow in a long-running process (see benchmarks/RESULTS.md).
     */
    private record Invocation(RhinoHostFunction function, Scriptable self, Object[] args) implements HostCall {
        @Override
        public Object run() {
            return function.invoke(self, args);
        }

        /** Rhino's stacks show no frame for a Java function: the core adds one when the call fails. */
        @Override
        public String hostFunctionName() {
            return function.name;
        }
    }

    /** The Java implementation. */
    HostFunction function() {
        return function;
    }

    @Override
    public String getFunctionName() {
        return name;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public int getArity() {
        return length;
    }
}
