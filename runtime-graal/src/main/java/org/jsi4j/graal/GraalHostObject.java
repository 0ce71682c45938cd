package org.jsi4j.graal;

import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jsi4j.HostObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * The Java side of a host object: a polyglot {@link ProxyObject}, the target of a JavaScript
 * {@code Proxy} made by {@code helpers.js}. Reads, {@code in}, {@code delete}, {@code Object.keys},
 * {@code for…in}, spread and JSON reach these methods straight from the engine, with no trap
 * running; only writes pass through one small JavaScript trap.
 *
 * <p>Why not the ProxyObject alone: GraalJS refuses a foreign object as a prototype
 * ({@code Object.create(h)} throws "Object prototype may only be an Object or null"), and the
 * conformance suite requires host objects to serve as prototypes. A JS Proxy is a JS object, so it
 * can; its {@code set} trap keeps writes made through an inheriting object on that object, and its
 * {@code getPrototypeOf} trap gives the face {@code Object.prototype}, like an ordinary object.
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

    @Override
    public boolean hasMember(String key) {
        return callbacks.enter(() -> host.has(runtime, key)) == Boolean.TRUE;
    }

    @Override
    public boolean removeMember(String key) {
        return callbacks.enter(() -> host.delete(runtime, key)) == Boolean.TRUE;
    }

    @Override
    public Object getMemberKeys() {
        return callbacks.enter(() -> {
            List<String> names = host.propertyNames(runtime);
            return ProxyArray.fromArray(names == null ? new Object[0] : names.toArray());
        });
    }
}
