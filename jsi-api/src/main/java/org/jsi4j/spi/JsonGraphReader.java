package org.jsi4j.spi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.JavaData;

/**
 * The walk from a JavaScript graph to Java data ({@link org.jsi4j.JsRuntime#toJavaData}), with
 * JSON's rules, for any representation of the engine's values: the core's walk through jsi-api and
 * an engine's own walk ({@link JsonGraphs}) are both this class with a different {@link #resolve}
 * and accessors. Depth first with an explicit stack, so that {@link JavaData#MAX_DEPTH} levels of
 * nesting need no Java stack, and so that a cycle is found as nesting that is too deep.
 *
 * <p>Maps are {@code LinkedHashMap}s in the engine's property order, lists {@code ArrayList}s;
 * a container is added to its parent before it is filled. {@link #checkpoint()} runs at every
 * container opened and every 1024 elements or properties, and wherever {@link #resolve} runs it.
 *
 * @param <C> the engine's object as {@link #resolve} gives it back
 */
public abstract class JsonGraphReader<C> {
    /** What {@link #resolve} gives for a value that JSON leaves out (undefined, functions, symbols). */
    protected static final Object SKIP = new Object();
    private static final int CHECK_EVERY = 1024;

    private final Class<C> objectType;

    /** A reader whose {@link #resolve} gives containers to open as instances of {@code objectType}. */
    protected JsonGraphReader(Class<C> objectType) {
        this.objectType = objectType;
    }

    /**
     * {@code value} as {@code JSON.stringify} serializes it under {@code key}: an object's
     * {@code toJSON(key)} called (once; not on its result), a number, string or boolean wrapper object
     * made its primitive, a function {@link #SKIP}ped; then a leaf as Java data ({@code String},
     * {@code Double} by {@link JavaData#number}, {@code Boolean}, {@code null}), {@link #SKIP}, or
     * an object or array to read, as a {@code C}. A BigInt throws {@link JavaData#bigInt()}.
     *
     * @param name the key, or null when it is the array index {@code index} (see {@link #key})
     */
    protected abstract Object resolve(Object value, String name, long index);

    /** Whether {@code object} is an array (read by index up to its length) rather than an object (read by its keys). */
    protected abstract boolean isArray(C object);

    /** The length of the array {@code array}. */
    protected abstract long length(C array);

    /** The element {@code index} of {@code array}. */
    protected abstract Object element(C array, long index);

    /**
     * The own enumerable keys of {@code object}, in property order, each a {@code String} or an
     * {@code Integer} index; other entries (symbols) are skipped.
     */
    protected abstract Object[] keys(C object);

    /** The property {@code key} (one of {@link #keys}) of {@code object}. */
    protected abstract Object property(C object, Object key);

    /** Ends the walk when the runtime was stopped meanwhile (interrupt, time or memory limit). */
    protected abstract void checkpoint();

    /** The key {@code toJSON} receives: {@code name}, or the index as a string. */
    protected static String key(String name, long index) {
        return name != null ? name : Long.toString(index);
    }

    /** {@code value} as Java data. */
    public final Object read(Object value) {
        Object first = resolve(value, "", 0);
        if (!objectType.isInstance(first)) return first == SKIP ? null : first;
        ArrayDeque<Open<C>> open = new ArrayDeque<>();
        Open<C> root = open(objectType.cast(first));
        open.push(root);
        while (!open.isEmpty()) {
            Open<C> at = open.peek();
            long index = at.next;
            if (index >= at.size) {
                open.pop();
                continue;
            }
            at.next++;
            if ((index & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) checkpoint();
            Object v;
            String name = null;
            if (at.list != null) {
                v = resolve(element(at.source, index), null, index);
            } else {
                Object key = at.keys[(int) index];
                if (key instanceof String s) name = s;
                else if (key instanceof Integer i) name = i.toString();
                else continue;
                v = resolve(property(at.source, key), name, index);
            }
            if (objectType.isInstance(v)) {
                if (open.size() >= JavaData.MAX_DEPTH) throw JavaData.tooDeep();
                Open<C> child = open(objectType.cast(v));
                at.add(name, child.data());
                open.push(child);
            } else {
                at.add(name, v);
            }
        }
        return root.data();
    }

    private Open<C> open(C object) {
        checkpoint();
        if (isArray(object)) {
            long length = length(object);
            return new Open<>(object, null, length, new ArrayList<>((int) Math.min(length, 1 << 16))); // a length can be huge and sparse
        }
        Object[] keys = keys(object);
        return new Open<>(object, keys, keys.length, null);
    }

    /** An array or object being read, and where the walk is in it. */
    private static final class Open<C> {
        final C source;
        final Object[] keys;
        final long size;
        final List<Object> list;
        final Map<String, Object> map;
        long next;

        Open(C source, Object[] keys, long size, List<Object> list) {
            this.source = source;
            this.keys = keys;
            this.size = size;
            this.list = list;
            this.map = list == null ? new LinkedHashMap<>((int) (size / 0.75f) + 1) : null;
        }

        Object data() {
            return list != null ? list : map;
        }

        void add(String name, Object v) {
            if (list != null) list.add(v == SKIP ? null : v);
            else if (v != SKIP) map.put(name, v);
        }
    }
}
