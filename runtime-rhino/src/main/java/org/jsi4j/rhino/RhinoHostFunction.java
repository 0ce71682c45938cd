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
    /** A reusable call body, absent while a call uses it (owner thread only). */
    private transient Invocation spare;

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
        Invocation invocation = spare;
        if (invocation == null) invocation = new Invocation(this);
        else spare = null;
        invocation.self = thisObj;
        invocation.args = args;
        try {
            return b.services().hostCall(invocation);
        } finally {
            invocation.self = null;
            invocation.args = null;
            spare = invocation;
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
     * One call's body for {@link org.jsi4j.spi.RuntimeServices#hostCall}. The function keeps one
     * spare and reuses it, so a call allocates none; a call made while the spare is in use (a
     * recursive one) makes its own.
     */
    private static final class Invocation implements HostCall {
        private final RhinoHostFunction function;
        Scriptable self;
        Object[] args;

        Invocation(RhinoHostFunction function) {
            this.function = function;
        }

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
