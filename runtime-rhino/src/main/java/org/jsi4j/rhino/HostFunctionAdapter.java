package org.jsi4j.rhino;

import java.util.Arrays;
import java.util.Collections;
import org.jsi4j.HostFunction;
import org.jsi4j.JsValue;
import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;

/** A {@link HostFunction} seen from JavaScript: a function with its own {@code name} and {@code length}. */
final class HostFunctionAdapter extends BaseFunction {
    private final transient RhinoBackend backend;
    private final transient HostFunction function;
    private final String name;
    private final int length;

    HostFunctionAdapter(RhinoBackend backend, Scriptable scope, String name, int length, HostFunction function) {
        this.backend = backend;
        this.function = function;
        this.name = name;
        this.length = length;
        ScriptRuntime.setFunctionProtoAndParent(this, scope);
    }

    @Override
    public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
        return backend.services().hostCall(() -> {
            JsValue self = backend.toJs(thisObj);
            // a plain loop: a stream here cost more than the rest of the call (see benchmarks/RESULTS.md)
            JsValue[] values = new JsValue[args.length];
            for (int i = 0; i < values.length; i++) values[i] = backend.toJs(args[i]);
            return backend.toRhino(function.call(backend.services().runtime(), self,
                    Collections.unmodifiableList(Arrays.asList(values))));
        });
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
