package org.jsi4j.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsFunction;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * Base of a read-only host object whose properties are Java methods and values. A method's
 * JavaScript function is made on first read and kept until the runtime closes, so
 * {@code obj.log === obj.log} holds. An instance serves the one runtime it is first used in;
 * install a new instance in each runtime.
 */
public abstract class MethodHostObject implements HostObject {
    /**
     * A method as JavaScript sees it.
     *
     * @param name the property and function name
     * @param length the function's {@code length}
     * @param body what runs when JavaScript calls it
     */
    public record Method(String name, int length, HostFunction body) {
        /** Validates the parts. */
        public Method {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
            if (length < 0) throw new IllegalArgumentException("length must be >= 0, was " + length);
        }
    }

    private final Map<String, Method> methods = new LinkedHashMap<>();
    private final Map<String, JsRef<JsFunction>> functions = new HashMap<>();
    private JsRuntime runtime;

    /** With these methods, listed in this order after the values. */
    protected MethodHostObject(List<Method> methods) {
        for (Method m : methods) {
            if (this.methods.putIfAbsent(m.name(), m) != null) {
                throw new IllegalArgumentException("Two methods are named '" + m.name() + "'");
            }
        }
    }

    /** The names of the value properties, listed before the methods. None by default. */
    protected List<String> valueNames() {
        return List.of();
    }

    /** The value of property {@code name}, one of {@link #valueNames()}. */
    protected JsValue value(JsRuntime runtime, String name) {
        return JsValue.undefined();
    }

    @Override
    public final JsValue get(JsRuntime runtime, String name) {
        bind(runtime);
        Method method = methods.get(name);
        if (method != null) return function(runtime, method);
        return valueNames().contains(name) ? value(runtime, name) : JsValue.undefined();
    }

    @Override
    public final boolean has(JsRuntime runtime, String name) {
        return methods.containsKey(name) || valueNames().contains(name);
    }

    @Override
    public final List<String> propertyNames(JsRuntime runtime) {
        List<String> names = new ArrayList<>(valueNames());
        names.addAll(methods.keySet());
        return names;
    }

    /** Lets go of the functions made for the runtime. Subclasses that override it call super. */
    @Override
    public void release() {
        functions.values().forEach(JsRef::close);
        functions.clear();
    }

    /**
     * Records the runtime this object serves, refusing a second one.
     *
     * @throws IllegalStateException when the object was first used in another runtime
     */
    protected final void bind(JsRuntime runtime) {
        if (this.runtime == null) {
            this.runtime = runtime;
        } else if (this.runtime != runtime) {
            throw new IllegalStateException("This " + getClass().getSimpleName() + " already serves another "
                    + this.runtime.engine().id() + " runtime; install a new instance in each runtime");
        }
    }

    private JsFunction function(JsRuntime runtime, Method method) {
        JsRef<JsFunction> ref = functions.get(method.name());
        if (ref == null) {
            ref = runtime.persist(runtime.function(method.name(), method.length(), method.body()));
            functions.put(method.name(), ref);
        }
        return ref.get();
    }
}
