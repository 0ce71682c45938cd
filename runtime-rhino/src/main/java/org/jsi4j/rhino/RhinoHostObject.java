package org.jsi4j.rhino;

import java.io.Serial;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.jsi4j.HostObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;
import org.jsi4j.spi.HostCall;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.SymbolScriptable;

/**
 * The JavaScript face of a {@link HostObject}: a Rhino {@link Scriptable} whose string-keyed
 * (and index) properties are the host object's. Rhino asks it directly, as it asks its own
 * objects: a read is {@link #get(String, Scriptable)} (the host's {@code undefined} means "not
 * here", so the prototype chain, {@code Object.prototype}, is searched next), a write
 * {@link #put(String, Scriptable, Object)}, {@code in} and the lookup Rhino makes before a write
 * {@link #has(String, Scriptable)}, {@code delete} {@link #delete(String)}, and {@code Object.keys},
 * {@code for…in}, {@code JSON.stringify}, {@code Object.assign} and {@code Object.entries}
 * enumerate {@link #getIds()}. Symbol-keyed properties are stored here as on an ordinary object.
 *
 * <p>As a prototype ({@code Object.create(host)}) it answers reads and {@code in} for the
 * inheriting object; a write through an inheriting object lands on that object, as it does for an
 * inherited data property. A strict-mode {@code delete} of a property the host keeps throws a
 * {@code TypeError}, as for a non-configurable property.
 *
 * <p>Every call to the host runs through {@link org.jsi4j.spi.RuntimeServices#hostCall} (handles
 * made during it are released, a Java exception becomes a JavaScript one) followed by
 * {@link RhinoLimits#afterHostCall()}.
 *
 * <p>It is a {@code Scriptable}, not a {@link ScriptableObject}: Rhino enumerates a
 * {@code ScriptableObject}'s own keys for {@code Object.assign} through a package-private method
 * that only its own classes can override, while it asks any other {@code Scriptable} through
 * {@link #getIds()}. The price: the ES5 reflection functions that require a
 * {@code ScriptableObject} ({@code Object.getOwnPropertyNames}, {@code getOwnPropertyDescriptor},
 * {@code defineProperty}, {@code freeze} and the like) throw a {@code TypeError} for a host object.
 */
final class RhinoHostObject implements Scriptable, SymbolScriptable, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final String PROTO = "__proto__";
    private static final StackWalker STACK = StackWalker.getInstance();
    private static final String SCRIPTABLE_OBJECT = "org.mozilla.javascript.ScriptableObject";

    private final transient RhinoBackend backend;
    private final transient HostObject host;
    private Scriptable prototype;
    private Scriptable parent;

    RhinoHostObject(RhinoBackend backend, HostObject host, Scriptable scope) {
        this.backend = backend;
        this.host = host;
        this.parent = scope;
        this.prototype = ScriptableObject.getObjectPrototype(scope);
    }

    /** The Java object behind this face. */
    HostObject host() {
        return host;
    }

    @Override
    public String getClassName() {
        return "Object";
    }

    // ---------------------------------------------------------------- string keys: the host

    @Override
    public Object get(String name, Scriptable start) {
        if (PROTO.equals(name)) return start.getPrototype(); // Object.prototype's own getter fails on a non-ScriptableObject
        return call(new GetCall(this, name));
    }

    /**
     * {@code name in this}, and also the lookup Rhino makes before every write to find the object
     * the write lands on. When the host's {@code has} throws during such a lookup, the write goes
     * to this object (and so to the host's {@code set}) instead of failing on {@code has}; finding
     * that out walks the stack, which happens only on that exceptional path.
     */
    @Override
    public boolean has(String name, Scriptable start) {
        if (PROTO.equals(name)) return true;
        try {
            return (Boolean) call(new HasCall(this, name));
        } catch (JavaScriptException e) {
            if (start == this && isWriteLookup()) return true;
            throw e;
        }
    }

    /** True when Rhino asks {@code has} from {@code ScriptableObject.getBase} on behalf of a {@code put…} method. */
    private static boolean isWriteLookup() {
        return STACK.walk(frames -> {
            Iterator<StackWalker.StackFrame> it = frames.limit(16).iterator();
            while (it.hasNext()) {
                StackWalker.StackFrame frame = it.next();
                if (frame.getClassName().equals(SCRIPTABLE_OBJECT) && frame.getMethodName().equals("getBase")) {
                    return it.hasNext() && it.next().getMethodName().startsWith("put");
                }
            }
            return false;
        });
    }

    @Override
    public void put(String name, Scriptable start, Object value) {
        if (PROTO.equals(name)) {
            if (start == this) setProtoFromScript(value);
            else NativeObject.js_protoSetter(start, value);
            return;
        }
        if (start != this) {
            start.put(name, start, value); // a write through an inheriting object defines the property there
            return;
        }
        call(new SetCall(this, name, value));
    }

    @Override
    public void delete(String name) {
        if (!remove(name) && backend.context().isStrictMode()) {
            throw ScriptRuntime.typeError("Cannot delete property '" + name + "' of a host object that keeps it");
        }
    }

    /** Asks the host to delete {@code name}: false when it keeps it. */
    boolean remove(String name) {
        return (Boolean) call(new DeleteCall(this, name));
    }

    @Override
    public Object[] getIds() {
        List<?> names = (List<?>) call(new NamesCall(this));
        return names == null ? ScriptRuntime.emptyArgs : new java.util.LinkedHashSet<>(names).toArray(); // each name once
    }

    /** What a symbol-keyed call to the host does. */
    private enum Kind { GET, HAS, SET, DELETE }

    /** Calls the host through the core's host-call protocol, then lets the limits stop the script if they must. */
    private Object call(HostCall body) {
        RhinoBackend b = backend;
        try {
            return b.services().hostCall(body);
        } finally {
            b.limits().afterHostCall();
        }
    }

    private JsRuntime runtime() {
        return backend.services().runtime();
    }

    // One call body per kind of access, each a new immutable record: the core's hostCall is inlined
    // into call() and call() into the Scriptable method, so the record's class is known there, its
    // run() is inlined and the record itself can be scalar-replaced. (An earlier design kept one
    // mutable body on the face and chose the access by a switch: once the face was in the old
    // generation, every access stored young references into it, and G1's write barrier made
    // property access about twice as slow in a long-running process; see benchmarks/RESULTS.md.)

    /** A read: the host's {@code undefined} (or null) is "not here", so Rhino searches the prototype chain. */
    private record GetCall(RhinoHostObject face, String name) implements HostCall {
        @Override
        public Object run() {
            JsValue v = face.host.get(face.runtime(), name);
            return v == null || v.isUndefined() ? NOT_FOUND : face.backend.values().toRhino(v);
        }
    }

    private record HasCall(RhinoHostObject face, String name) implements HostCall {
        @Override
        public Object run() {
            return face.host.has(face.runtime(), name);
        }
    }

    private record SetCall(RhinoHostObject face, String name, Object value) implements HostCall {
        @Override
        public Object run() {
            face.host.set(face.runtime(), name, face.backend.values().toJs(value));
            return null;
        }
    }

    private record DeleteCall(RhinoHostObject face, String name) implements HostCall {
        @Override
        public Object run() {
            return face.host.delete(face.runtime(), name);
        }
    }

    private record NamesCall(RhinoHostObject face) implements HostCall {
        @Override
        public Object run() {
            return face.host.propertyNames(face.runtime());
        }
    }

    // ---------------------------------------------------------------- index keys: the host, by name

    @Override
    public Object get(int index, Scriptable start) {
        return get(Integer.toString(index), start);
    }

    @Override
    public boolean has(int index, Scriptable start) {
        return has(Integer.toString(index), start);
    }

    @Override
    public void put(int index, Scriptable start, Object value) {
        if (start != this) {
            start.put(index, start, value);
            return;
        }
        put(Integer.toString(index), start, value);
    }

    @Override
    public void delete(int index) {
        delete(Integer.toString(index));
    }

    // ---------------------------------------------------------------- symbol keys: the host, apart
    // Symbol-keyed accesses reach the host's JsSymbol overloads through their own path, so the
    // string-keyed path above carries no symbol case. Rhino cannot list a non-ScriptableObject's
    // symbols (Object.getOwnPropertySymbols refuses a host object), so propertySymbols is not asked.

    @Override
    public Object get(Symbol key, Scriptable start) {
        return symbolAccess(Kind.GET, key, null);
    }

    @Override
    public boolean has(Symbol key, Scriptable start) {
        return (Boolean) symbolAccess(Kind.HAS, key, null);
    }

    @Override
    public void put(Symbol key, Scriptable start, Object value) {
        if (start != this) {
            if (start instanceof SymbolScriptable inheriting) inheriting.put(key, start, value);
            return;
        }
        symbolAccess(Kind.SET, key, value);
    }

    @Override
    public void delete(Symbol key) {
        if (!(Boolean) symbolAccess(Kind.DELETE, key, null) && backend.context().isStrictMode()) {
            throw ScriptRuntime.typeError("Cannot delete a symbol-keyed property of a host object that keeps it");
        }
    }

    private Object symbolAccess(Kind kind, Symbol key, Object value) {
        RhinoBackend b = backend;
        try {
            return b.services().hostCall(() -> {
                JsRuntime rt = b.services().runtime();
                JsSymbol symbol = (JsSymbol) b.values().toJs(key);
                return switch (kind) {
                    case GET -> {
                        JsValue v = host.get(rt, symbol);
                        yield v == null || v.isUndefined() ? NOT_FOUND : b.values().toRhino(v);
                    }
                    case HAS -> host.has(rt, symbol);
                    case SET -> {
                        host.set(rt, symbol, b.values().toJs(value));
                        yield null;
                    }
                    case DELETE -> host.delete(rt, symbol);
                };
            });
        } finally {
            b.limits().afterHostCall();
        }
    }

    // ---------------------------------------------------------------- the rest of an ordinary object

    /**
     * {@code this.__proto__ = value}, as {@code Object.prototype}'s {@code __proto__} setter does it
     * for Rhino's own objects (that setter and its getter work only on a {@code ScriptableObject},
     * so this object answers {@code __proto__} itself).
     */
    private void setProtoFromScript(Object value) {
        if (value != null && (!(value instanceof Scriptable proto) || value instanceof Symbol)) return;
        Scriptable proto = (Scriptable) value;
        for (Scriptable p = proto; p != null; p = p.getPrototype()) {
            if (p == this) throw ScriptRuntime.typeError("Cyclic __proto__ value");
        }
        prototype = proto;
    }

    @Override
    public Scriptable getPrototype() {
        return prototype;
    }

    @Override
    public void setPrototype(Scriptable prototype) {
        this.prototype = prototype;
    }

    @Override
    public Scriptable getParentScope() {
        return parent;
    }

    @Override
    public void setParentScope(Scriptable parent) {
        this.parent = parent;
    }

    @Override
    public Object getDefaultValue(Class<?> hint) {
        return ScriptableObject.getDefaultValue(this, hint);
    }

    @Override
    public boolean hasInstance(Scriptable instance) {
        return ScriptRuntime.jsDelegatesTo(instance, this);
    }
}
