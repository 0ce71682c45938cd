package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IJavetDirectCallable;
import com.caoccao.javet.interop.callback.JavetCallbackContext;
import com.caoccao.javet.interop.callback.JavetCallbackType;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueFunction;
import org.jsi4j.HostFunction;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * The Java side of a host function: two Javet direct callbacks per function, each capturing the
 * {@link HostFunction} itself (no table lookup per call). {@link V8Bridge} puts both in the
 * function's closure cell. Per call: the arguments arrive as Javet values (primitives as plain
 * Java objects, objects as handles that Javet closes after the call); each becomes a
 * {@link JsValue} in one array handed over without a copy; {@code this} is converted only on
 * the receiver paths, i.e. when the script gave one.
 */
final class V8HostFunction {
    private final V8Runtime rt;
    private final JsRuntime runtime;
    private final V8Values values;
    private final V8Callback callback;
    private final V8CallbackContexts contexts;

    V8HostFunction(V8Runtime rt, JsRuntime runtime, V8Values values, V8Callback callback, V8CallbackContexts contexts) {
        this.rt = rt;
        this.contexts = contexts;
        this.runtime = runtime;
        this.values = values;
        this.callback = callback;
    }

    /** The native function for calls without a receiver ({@code this} is undefined). */
    V8ValueFunction withoutThis(HostFunction function) throws JavetException {
        return rt.createV8ValueFunction(contexts.track(new JavetCallbackContext("jsi4j", JavetCallbackType.DirectCallNoThisAndResult,
                (IJavetDirectCallable.NoThisAndResult<RuntimeException>) args ->
                        callback.run(() -> call(function, JsValue.undefined(), args)))));
    }

    /** The native function for calls whose receiver is an object (a method call, {@code new}). */
    V8ValueFunction withThis(HostFunction function) throws JavetException {
        return rt.createV8ValueFunction(contexts.track(new JavetCallbackContext("jsi4j", JavetCallbackType.DirectCallThisAndResult,
                (IJavetDirectCallable.ThisAndResult<RuntimeException>) (self, args) ->
                        callback.run(() -> call(function, values.toJs(self), values.toJs(args, 0))))));
    }

    /**
     * The native function for calls whose receiver is a primitive or {@code null}, which V8 would
     * box or replace with the global: it comes first among the arguments.
     */
    V8ValueFunction withPrimitiveThis(HostFunction function) throws JavetException {
        return rt.createV8ValueFunction(contexts.track(new JavetCallbackContext("jsi4j", JavetCallbackType.DirectCallNoThisAndResult,
                (IJavetDirectCallable.NoThisAndResult<RuntimeException>) args ->
                        callback.run(() -> call(function, values.toJs(args[0]), values.toJs(args, 1))))));
    }

    private V8Value call(HostFunction function, JsValue self, V8Value[] args) throws JavetException {
        return call(function, self, values.toJs(args, 0));
    }

    private V8Value call(HostFunction function, JsValue self, java.util.List<JsValue> args) throws JavetException {
        JsValue result = function.call(runtime, self, args);
        return values.toV8Result(result == null ? JsValue.undefined() : result);
    }
}
