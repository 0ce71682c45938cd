package org.jsi4j.rhino;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.jsi4j.JavaData;
import org.jsi4j.spi.JsonGraphReader;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.TopLevel;
import org.mozilla.javascript.Undefined;

/**
 * Rhino's own walk for {@link org.jsi4j.JsRuntime#toJavaData} and
 * {@link org.jsi4j.JsRuntime#fromJavaData}: Rhino's objects are Java objects, so the graph is read
 * from their slots and built with their own {@code put}, with JSON's rules (the steps of
 * {@code SerializeJSONProperty}: {@code toJSON}, then wrapper objects to their primitive, then
 * functions, symbols and {@code undefined} left out), and no crossing per property. The backend
 * runs each conversion inside its Context; a stop of the runtime is checked as
 * {@link JsonGraphReader} says, so that a huge graph stops like a script.
 */
final class RhinoJsonGraphs extends JsonGraphReader<Scriptable> {
    // Rhino's wrapper classes are package-private: recognised by their exact class, as Rhino's own JSON does
    private static final Class<?> NUMBER = rhinoClass("NativeNumber");
    private static final Class<?> STRING = rhinoClass("NativeString");
    private static final Class<?> BOOLEAN = rhinoClass("NativeBoolean");
    private static final Class<?> BIGINT = rhinoClass("NativeBigInt");

    private final Context cx;
    private final Scriptable standard;
    private final RhinoLimits limits;

    RhinoJsonGraphs(Context cx, Scriptable standard, RhinoLimits limits) {
        super(Scriptable.class);
        this.cx = cx;
        this.standard = standard;
        this.limits = limits;
    }

    private static Class<?> rhinoClass(String name) {
        try {
            return Class.forName("org.mozilla.javascript." + name, false, Scriptable.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Rhino without " + name + ": jsi4j needs Rhino 1.9", e);
        }
    }

    // ---------------------------------------------------------------- JavaScript to Java

    /** The object {@code object} as Java data (Context entered). */
    Object toJava(Scriptable object) {
        return read(object);
    }

    @Override
    protected Object resolve(Object v, String name, long index) {
        // the commonest values first, each by its exact class
        if (v instanceof String) return v;
        if (v instanceof Double d) return Double.isFinite(d) && d != 0 ? d : JavaData.number(d); // Rhino's own box, kept
        if (v instanceof Integer i) return JavaData.number(i);
        if (v instanceof Boolean) return v;
        if (v instanceof Scriptable o && !(v instanceof Symbol)) {
            Class<?> type = o.getClass();
            if ((type == NativeObject.class || type == NativeArray.class) && !mayHaveToJson(o)) return o;
            if (ScriptableObject.getProperty(o, "toJSON") instanceof Callable toJson) {
                v = toJson.call(cx, standard, o, new Object[] {key(name, index)});
            }
        }
        return afterToJson(v);
    }

    /**
     * Whether {@code o.toJSON} may exist: asked of the slots of {@code o} and its prototypes while
     * they are plain objects and arrays (no script runs: no getter, no proxy trap); true as soon as
     * one has a {@code toJSON} or an exotic object is on the chain, and then the caller reads it.
     * Asked anew for every object, as any getter or {@code toJSON} may change a prototype.
     */
    private static boolean mayHaveToJson(Scriptable o) {
        for (Scriptable p = o; p != null; p = p.getPrototype()) {
            Class<?> type = p.getClass();
            if (type != NativeObject.class && type != NativeArray.class || p.has("toJSON", p)) return true;
        }
        return false;
    }

    /** A value {@code toJSON} is done with (or an object without one) as Java data, a container to read or {@link #SKIP}. */
    private Object afterToJson(Object v) {
        if (v instanceof CharSequence s) return s.toString(); // String, ConsString
        if (v instanceof Number n) {
            if (n instanceof BigInteger) throw JavaData.bigInt();
            return JavaData.number(n.doubleValue());
        }
        if (v instanceof Boolean) return v;
        if (v == null) return null;
        if (v instanceof Symbol || !(v instanceof Scriptable o)) return SKIP; // undefined, NOT_FOUND, symbols
        Class<?> type = o.getClass();
        if (type == NUMBER) return JavaData.number(ScriptRuntime.toNumber(o));
        if (type == STRING) return ScriptRuntime.toString(o);
        if (type == BOOLEAN) return ((ScriptableObject) o).getDefaultValue(ScriptRuntime.BooleanClass);
        if (type == BIGINT) throw JavaData.bigInt();
        if (o instanceof Callable) return SKIP;
        return o;
    }

    @Override
    protected boolean isArray(Scriptable object) {
        return object instanceof NativeArray;
    }

    @Override
    protected long length(Scriptable array) {
        return ((NativeArray) array).getLength();
    }

    // the own slot first, as Rhino's compiled code reads it; the prototype chain only for a hole or a
    // property that a getter read earlier deleted ([[Get]] of JSON.stringify, which walks the chain)

    @Override
    protected Object element(Scriptable array, long index) {
        if (index > Integer.MAX_VALUE) return ScriptableObject.getProperty(array, Long.toString(index));
        Object v = array.get((int) index, array);
        return v != Scriptable.NOT_FOUND ? v : ScriptableObject.getProperty(array, (int) index);
    }

    @Override
    protected Object[] keys(Scriptable object) {
        return object.getIds();
    }

    @Override
    protected Object property(Scriptable object, Object key) {
        if (key instanceof Integer index) {
            Object v = object.get(index, object);
            return v != Scriptable.NOT_FOUND ? v : ScriptableObject.getProperty(object, index);
        }
        Object v = object.get((String) key, object);
        return v != Scriptable.NOT_FOUND ? v : ScriptableObject.getProperty(object, (String) key);
    }

    @Override
    protected void checkpoint() {
        limits.checkpoint();
    }

    // ---------------------------------------------------------------- Java to JavaScript

    /** JSON data as a new Rhino value (Context entered); an {@link IllegalArgumentException} at the first part that is not. */
    Object toRhino(Object data, int depth) {
        // leaves first, by exact class where they can be: the commonest nodes decide the cost of a graph
        if (data == null || data instanceof String || data instanceof Boolean) return data;
        if (data instanceof Double d) {
            if (!Double.isFinite(d)) throw new IllegalArgumentException("leaf");
            return d; // Rhino takes a Double or an Integer as a number as it is (no new box)
        }
        if (data instanceof Integer) return data;
        if (depth > JavaData.MAX_DEPTH) throw new IllegalArgumentException("nested deeper than " + JavaData.MAX_DEPTH);
        if (data instanceof Map<?, ?> m) {
            NativeObject object = new NativeObject();
            ScriptRuntime.setBuiltinProtoAndParent(object, standard, TopLevel.Builtins.Object);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!JavaData.isKey(e.getKey())) throw new IllegalArgumentException("key");
                String key = (String) e.getKey();
                Object value = toRhino(e.getValue(), depth + 1);
                int index = RhinoValues.arrayIndex(key);
                if (index >= 0) object.put(index, object, value); // own data properties: no setter up the chain runs
                else object.put(key, object, value);
            }
            return object;
        }
        if (data instanceof Collection<?> c) {
            Object[] elements = new Object[c.size()];
            int i = 0;
            for (Object o : c) elements[i++] = toRhino(o, depth + 1);
            NativeArray array = new NativeArray(elements);
            ScriptRuntime.setBuiltinProtoAndParent(array, standard, TopLevel.Builtins.Array);
            return array;
        }
        if (!JavaData.isLeaf(data)) throw new IllegalArgumentException("leaf");
        return ((Number) data).doubleValue(); // Long, Short, Byte, Float
    }
}
