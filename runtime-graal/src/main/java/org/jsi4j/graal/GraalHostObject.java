package org.jsi4j.graal;

import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jsi4j.HostObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;

/**
 * The Java side of a host object: a polyglot {@link ProxyObject} that the traps of its JavaScript
 * face (a {@code Proxy} over an empty object, made by {@code helpers.js}) reach with plain member
 * accesses, which GraalJS compiles to cached interop calls. A ProxyObject alone cannot be the face:
 * GraalJS refuses a foreign object as a prototype ({@code Object.create(h)} throws "Object
 * prototype may only be an Object or null"), and host objects must serve as prototypes. See
 * CROSSING.md for why the ProxyObject is not the Proxy's target either.
 */
final class GraalHostObject implements ProxyObject {
    private final JsRuntime runtime;
    private final HostObject host;
    private final GraalValues values;
    private final GraalCallbacks callbacks;

    GraalHostObject(JsRuntime runtime, HostObject host, GraalValues values, GraalCallbacks callbacks) {
        this.runtime = runtime;
        this.host = host;
        this.values = values;
        this.callbacks = callbacks;
    }

    /** The Java object behind the face. */
    HostObject host() {
        return host;
    }

    @Override
    public Object getMember(String key) {
        return callbacks.enter(() -> {
            JsValue v = host.get(runtime, key);
            return values.toGuest(v == null ? JsValue.undefined() : v);
        });
    }

    @Override
    public void putMember(String key, Value value) {
        callbacks.enter(() -> {
            host.set(runtime, key, values.fromTagged(value));
            return null;
        });
    }

    /**
     * Always true: GraalJS asks {@code hasMember} before every read of a foreign member (and reads
     * nothing when it says false), so an honest answer would cost a second callback per read and
     * hide names the host serves without listing them. {@code in}, {@code hasOwnProperty} and
     * property descriptors ask {@link #has} through the face's traps instead.
     */
    @Override
    public boolean hasMember(String key) {
        return true;
    }

    /** {@code key in face}, for the face's {@code has} and {@code getOwnPropertyDescriptor} traps. */
    ProxyExecutable hasFunction() {
        return args -> callbacks.enter(() -> host.has(runtime, args[0].asString()));
    }

    /**
     * Symbol-keyed accesses, apart from the string path: {@code (op, key[, value])} with op 1 get,
     * 2 set, 3 has, 4 delete, 5 list the symbols.
     */
    ProxyExecutable symbolFunction() {
        return args -> callbacks.enter(() -> {
            int op = args[0].asInt();
            if (op == 5) {
                List<JsSymbol> symbols = host.propertySymbols(runtime);
                Object[] out = new Object[symbols == null ? 0 : symbols.size()];
                for (int i = 0; i < out.length; i++) out[i] = values.toGuest(symbols.get(i));
                return ProxyArray.fromArray(out);
            }
            JsSymbol key = (JsSymbol) values.fromTagged(args[1]);
            return switch (op) {
                case 1 -> {
                    JsValue v = host.get(runtime, key);
                    yield values.toGuest(v == null ? JsValue.undefined() : v);
                }
                case 2 -> {
                    host.set(runtime, key, values.fromTagged(args[2]));
                    yield null;
                }
                case 3 -> host.has(runtime, key);
                case 4 -> host.delete(runtime, key);
                default -> throw new IllegalStateException("unknown host object operation " + op);
            };
        });
    }

    @Override
    public boolean removeMember(String key) {
        return callbacks.enter(() -> host.delete(runtime, key)) == Boolean.TRUE;
    }

    @Override
    public Object getMemberKeys() {
        return callbacks.enter(() -> {
            List<String> names = host.propertyNames(runtime);
            return ProxyArray.fromArray(names == null ? new Object[0] : new java.util.LinkedHashSet<>(names).toArray()); // each once
        });
    }
}
