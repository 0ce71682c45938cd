package org.jsi4j.rhino;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.jsi4j.HostFunction;
import org.jsi4j.JsValue;
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
        ScriptRuntime.setFunctionProtoAndParent(this, scope);
    }

    @Override
    public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
        RhinoBackend b = backend;
        try {
            return b.services().hostCall(() -> invoke(b, thisObj, args));
        } finally {
            b.limits().afterHostCall();
        }
    }

    private Object invoke(RhinoBackend b, Scriptable thisObj, Object[] args) {
        try {
            RhinoValues values = b.values();
            JsValue[] converted = new JsValue[args.length];
            for (int i = 0; i < converted.length; i++) converted[i] = values.toJs(args[i]);
            JsValue result = function.call(b.services().runtime(), values.thisValue(thisObj), new Arguments(converted));
            return result == null ? Undefined.instance : values.toRhino(result);
        } catch (Termination | VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            b.limits().fatal(e);
            throw e;
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

    /** The converted arguments as an unmodifiable list over the array (no copy). */
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
