package org.jsi4j.rhino;

import java.lang.StackWalker.StackFrame;
import java.util.Iterator;
import java.util.List;
import org.jsi4j.HostObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.Undefined;

/**
 * The JavaScript face of host objects: a {@code Proxy} over an empty target that carries the
 * {@link HostObject}, with traps that route to it. A proxy (rather than a custom
 * {@code ScriptableObject}) is what makes {@code Object.getOwnPropertyNames}, spread and
 * {@code Object.assign} see host properties in Rhino. Symbol keys stay on the target.
 *
 * <p>Two Rhino 1.9.2 quirks are corrected here. Rhino finds where a write lands by asking
 * {@code has} along the prototype chain before it calls {@code set}; the {@code has} trap answers
 * those lookups itself (without the host), so that writes go straight to {@link HostObject#set}.
 * And Rhino's {@code Proxy} ignores a {@code deleteProperty} trap that returns false even in
 * strict code, so the trap throws the {@code TypeError} itself when the calling code is strict.
 */
final class HostObjectTraps {
    /** The key of the associated value that links a proxy and its target to their host object. */
    static final String HOST_KEY = "org.jsi4j.HostObject";
    private static final StackWalker STACK = StackWalker.getInstance();
    private static final String SCRIPTABLE_OBJECT = "org.mozilla.javascript.ScriptableObject";

    private enum Trap { get, set, has, deleteProperty, ownKeys, getOwnPropertyDescriptor }

    private final RhinoBackend backend;
    private final Scriptable global;
    private final Scriptable handler;

    HostObjectTraps(RhinoBackend backend, Context cx, Scriptable global) {
        this.backend = backend;
        this.global = global;
        this.handler = cx.newObject(global);
        for (Trap trap : Trap.values()) {
            ScriptableObject.putProperty(handler, trap.name(), new TrapFunction(trap));
        }
    }

    /** A new proxy for {@code host}. */
    Scriptable newProxy(Context cx, HostObject host) {
        NativeObject target = (NativeObject) cx.newObject(global);
        target.associateValue(HOST_KEY, host);
        var proxyConstructor = (org.mozilla.javascript.Function) ScriptableObject.getProperty(global, "Proxy");
        Scriptable proxy = proxyConstructor.construct(cx, global, new Object[] {target, handler});
        ((ScriptableObject) proxy).associateValue(HOST_KEY, host);
        return proxy;
    }

    private final class TrapFunction extends BaseFunction {
        private final Trap trap;

        TrapFunction(Trap trap) {
            this.trap = trap;
            ScriptRuntime.setFunctionProtoAndParent(this, global);
        }

        @Override
        public String getFunctionName() {
            return trap.name();
        }

        @Override
        public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
            ScriptableObject target = (ScriptableObject) args[0];
            HostObject host = (HostObject) target.getAssociatedValue(HOST_KEY);
            Object key = args.length > 1 ? args[1] : Undefined.instance;
            if (key instanceof Symbol symbol) return onTarget(cx, target, symbol, args);
            if (trap == Trap.has && isWriteLookup()) return Boolean.FALSE;
            boolean strictDelete = trap == Trap.deleteProperty && !backend.takeDeleteFromJava() && cx.isStrictMode();
            String name = ScriptRuntime.toString(key);
            Object result = backend.services().hostCall(() -> run(cx, host, target, name, args));
            if (strictDelete && Boolean.FALSE.equals(result)) {
                throw ScriptRuntime.typeError("Cannot delete property '" + name + "' of a host object that keeps it");
            }
            return result;
        }

        private Object run(Context cx, HostObject host, ScriptableObject target, String name, Object[] args) {
            JsRuntime rt = backend.services().runtime();
            return switch (trap) {
                case get -> {
                    JsValue value = host.get(rt, name);
                    if (value.isUndefined() && ScriptableObject.hasProperty(target, name)) {
                        yield ScriptableObject.getProperty(target, name);
                    }
                    yield backend.toRhino(value);
                }
                case set -> {
                    host.set(rt, name, backend.toJs(args[2]));
                    yield Boolean.TRUE;
                }
                case has -> host.has(rt, name) || ScriptableObject.hasProperty(target, name);
                case deleteProperty -> host.delete(rt, name);
                case ownKeys -> {
                    List<String> names = host.propertyNames(rt);
                    yield cx.newArray(global, names.toArray());
                }
                case getOwnPropertyDescriptor -> {
                    if (!host.has(rt, name)) yield Undefined.instance;
                    Scriptable descriptor = cx.newObject(global);
                    ScriptableObject.putProperty(descriptor, "value", backend.toRhino(host.get(rt, name)));
                    ScriptableObject.putProperty(descriptor, "writable", Boolean.TRUE);
                    ScriptableObject.putProperty(descriptor, "enumerable", Boolean.TRUE);
                    ScriptableObject.putProperty(descriptor, "configurable", Boolean.TRUE);
                    yield descriptor;
                }
            };
        }

        /**
         * True when Rhino calls {@code has} from {@code ScriptableObject.getBase} on behalf of a
         * {@code put…} method, only to find the object on the prototype chain that a write lands
         * on. Answering false there sends a write on the proxy itself to the {@code set} trap,
         * and a write on an object that inherits from the proxy to that object, as in V8.
         */
        private static boolean isWriteLookup() {
            return STACK.walk(frames -> {
                Iterator<StackFrame> it = frames.limit(12).iterator();
                while (it.hasNext()) {
                    StackFrame frame = it.next();
                    if (frame.getClassName().equals(SCRIPTABLE_OBJECT) && frame.getMethodName().equals("getBase")) {
                        return it.hasNext() && it.next().getMethodName().startsWith("put");
                    }
                }
                return false;
            });
        }

        private Object onTarget(Context cx, ScriptableObject target, Symbol key, Object[] args) {
            return switch (trap) {
                case get -> {
                    Object value = ScriptableObject.getProperty(target, key);
                    yield value == Scriptable.NOT_FOUND ? Undefined.instance : value;
                }
                case set -> {
                    ScriptableObject.putProperty(target, key, args[2]);
                    yield Boolean.TRUE;
                }
                case has -> ScriptableObject.hasProperty(target, key);
                case deleteProperty -> {
                    target.delete(key);
                    yield Boolean.TRUE;
                }
                case ownKeys -> cx.newArray(global, new Object[0]);
                case getOwnPropertyDescriptor -> Undefined.instance;
            };
        }
    }
}
