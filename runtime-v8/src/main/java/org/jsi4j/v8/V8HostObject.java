package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IJavetDirectCallable;
import com.caoccao.javet.interop.callback.JavetCallbackContext;
import com.caoccao.javet.interop.callback.JavetCallbackType;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueInteger;
import com.caoccao.javet.values.reference.V8ValueFunction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jsi4j.HostObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;

/**
 * The Java side of a host object: one Javet direct callback per object, capturing the
 * {@link HostObject}, that the proxy's handler closures call as {@code h(op, key[, value])}
 * without a receiver. Per property access: an op code (a cached small integer), the key (a Java
 * string) and, for a write, the value; no handle unless the value is an object.
 */
final class V8HostObject {
    static final int GET = 1;
    static final int SET = 2;
    static final int HAS = 3;
    static final int DELETE = 4;
    static final int DESCRIBE = 5;
    static final int KEYS = 6;
    // symbol keys: apart from the string ops, so the string path stays one compare
    static final int SYMBOL_GET = 7;
    static final int SYMBOL_SET = 8;
    static final int SYMBOL_HAS = 9;
    static final int SYMBOL_DELETE = 10;
    static final int SYMBOL_DESCRIBE = 11;
    static final int SYMBOL_AT = 12;

    private final V8Runtime rt;
    private final JsRuntime runtime;
    private final V8Values values;
    private final V8Callback callback;
    private final V8CallbackContexts contexts;

    V8HostObject(V8Runtime rt, JsRuntime runtime, V8Values values, V8Callback callback, V8CallbackContexts contexts) {
        this.rt = rt;
        this.contexts = contexts;
        this.runtime = runtime;
        this.values = values;
        this.callback = callback;
    }

    /** The native function that the proxy of {@code host} calls. */
    V8ValueFunction callback(HostObject host) throws JavetException {
        return rt.createV8ValueFunction(contexts.track(new JavetCallbackContext("jsi4j", JavetCallbackType.DirectCallNoThisAndResult,
                (IJavetDirectCallable.NoThisAndResult<RuntimeException>) args -> callback.run(() -> trap(host, args)))));
    }

    private V8Value trap(HostObject host, V8Value[] args) throws JavetException {
        int op = ((V8ValueInteger) args[0]).getValue();
        if (op >= KEYS) return op == KEYS ? keys(host) : symbolTrap(host, op, args);
        String name = V8Bridge.name(args[1]);
        return switch (op) {
            case GET -> {
                JsValue v = host.get(runtime, name);
                yield values.toV8Result(v == null ? JsValue.undefined() : v);
            }
            case SET -> {
                host.set(runtime, name, values.toJs(args[2]));
                yield rt.createV8ValueUndefined();
            }
            case HAS -> rt.createV8ValueBoolean(host.has(runtime, name));
            case DELETE -> rt.createV8ValueBoolean(host.delete(runtime, name));
            case DESCRIBE -> {
                if (!host.has(runtime, name)) yield rt.createV8ValueString(V8Bridge.ABSENT);
                JsValue v = host.get(runtime, name);
                yield values.toV8Result(v == null ? JsValue.undefined() : v);
            }
            default -> throw new IllegalStateException("unknown host object operation " + op);
        };
    }

    /**
     * {@code Reflect.ownKeys}: the names, each once, as JSON; prefixed with '+' when the host has
     * symbols too, which the trap then asks for one by one ({@link #SYMBOL_AT}).
     */
    private V8Value keys(HostObject host) throws JavetException {
        String names = json(new ArrayList<>(new LinkedHashSet<>(host.propertyNames(runtime))));
        List<JsSymbol> symbols = host.propertySymbols(runtime);
        return rt.createV8ValueString(symbols == null || symbols.isEmpty() ? names : "+" + names);
    }

    private V8Value symbolTrap(HostObject host, int op, V8Value[] args) throws JavetException {
        if (op == SYMBOL_AT) {
            List<JsSymbol> symbols = host.propertySymbols(runtime);
            int i = ((V8ValueInteger) args[1]).getValue();
            return symbols != null && i < symbols.size() ? values.toV8Result(symbols.get(i)) : rt.createV8ValueUndefined();
        }
        JsSymbol key = (JsSymbol) values.toJs(args[1]);
        return switch (op) {
            case SYMBOL_GET -> {
                JsValue v = host.get(runtime, key);
                yield values.toV8Result(v == null ? JsValue.undefined() : v);
            }
            case SYMBOL_SET -> {
                host.set(runtime, key, values.toJs(args[2]));
                yield rt.createV8ValueUndefined();
            }
            case SYMBOL_HAS -> rt.createV8ValueBoolean(host.has(runtime, key));
            case SYMBOL_DELETE -> rt.createV8ValueBoolean(host.delete(runtime, key));
            case SYMBOL_DESCRIBE -> {
                if (!host.has(runtime, key)) yield rt.createV8ValueString(V8Bridge.ABSENT);
                JsValue v = host.get(runtime, key);
                yield values.toV8Result(v == null ? JsValue.undefined() : v);
            }
            default -> throw new IllegalStateException("unknown host object operation " + op);
        };
    }

    /** The names as a JSON array of strings, every character outside printable ASCII escaped. */
    static String json(List<String> names) {
        StringBuilder out = new StringBuilder(names.size() * 12 + 2).append('[');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) out.append(',');
            out.append('"');
            String name = names.get(i);
            for (int k = 0; k < name.length(); k++) {
                char c = name.charAt(k);
                if (c == '"' || c == '\\') out.append('\\').append(c);
                else if (c >= 0x20 && c < 0x7f) out.append(c);
                else out.append(String.format("\\u%04x", (int) c));
            }
            out.append('"');
        }
        return out.append(']').toString();
    }
}
