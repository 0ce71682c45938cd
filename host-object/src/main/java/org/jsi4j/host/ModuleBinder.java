package org.jsi4j.host;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jsi4j.HostFunction;
import org.jsi4j.JsValue;

/**
 * Reads a {@link JsModule} class once: its annotated members become method handles, cached per
 * class, so a call costs a conversion and an {@code invokeExact}, never a reflective lookup.
 */
final class ModuleBinder {
    private static final MethodType INVOKER = MethodType.methodType(Object.class, Object.class, Object[].class);
    private static final ClassValue<Bound> CLASSES = new ClassValue<>() {
        @Override
        protected Bound computeValue(Class<?> type) {
            return bind(type);
        }
    };

    private ModuleBinder() {
    }

    /** The module {@code instance}'s annotated class describes, bound to the instance. */
    static NativeModule module(Object instance) {
        Bound bound = CLASSES.get(instance.getClass());
        List<Member> members = new ArrayList<>();
        for (Function<Object, Member> template : bound.members()) members.add(template.apply(instance));
        return new NativeModule(bound.name(), members);
    }

    /** What one class binds to: the module name and a member maker per annotated member. */
    private record Bound(String name, List<Function<Object, Member>> members) {
    }

    private static Bound bind(Class<?> type) {
        JsModule module = findModule(type);
        // an object that is no module but has annotated members is exposed under its class's name
        String name = module != null ? module.value()
                : type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
        NativeModule.checkName(name);
        List<Function<Object, Member>> members = new ArrayList<>();
        Map<String, Method> getters = new LinkedHashMap<>();
        Map<String, Method> setters = new LinkedHashMap<>();
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount));
        for (Method m : methods) {
            JsMethod fn = m.getAnnotation(JsMethod.class);
            JsProperty property = m.getAnnotation(JsProperty.class);
            if (fn != null && property != null) {
                throw new IllegalArgumentException(m + " has both @JsMethod and @JsProperty; choose one");
            }
            if (fn != null) {
                members.add(function(name, fn.value().isEmpty() ? m.getName() : fn.value(), m));
            } else if (property != null) {
                boolean setter = m.getReturnType() == void.class && m.getParameterCount() == 1;
                if (!setter && (m.getReturnType() == void.class || m.getParameterCount() != 0)) {
                    throw new IllegalArgumentException(m + ": a @JsProperty method is a getter (no argument, a result)"
                            + " or a setter (one argument, void)");
                }
                String propertyName = property.value().isEmpty() ? propertyName(m.getName()) : property.value();
                if ((setter ? setters : getters).put(propertyName, m) != null) {
                    throw new IllegalArgumentException(type.getName() + " has two " + (setter ? "setters" : "getters")
                            + " for property '" + propertyName + "'");
                }
            }
        }
        for (String s : setters.keySet()) {
            if (!getters.containsKey(s)) {
                throw new IllegalArgumentException(type.getName() + ": setter " + setters.get(s).getName()
                        + " has no getter for property '" + s + "'; add one (write-only properties are not supported)");
            }
        }
        getters.forEach((p, getter) -> members.add(property(name, p, getter, setters.get(p))));
        for (Field f : type.getFields()) {
            JsProperty property = f.getAnnotation(JsProperty.class);
            if (property == null) continue;
            if (!Modifier.isFinal(f.getModifiers())) {
                throw new IllegalArgumentException(f + ": a @JsProperty field must be final (a constant);"
                        + " use a getter and setter for a value that changes");
            }
            String constantName = property.value().isEmpty() ? f.getName() : property.value();
            members.add(instance -> new Member.Constant(constantName, read(f, instance)));
        }
        if (members.isEmpty() && module == null) {
            throw new IllegalArgumentException(type.getName() + " has no public @JsMethod or @JsProperty member: annotate"
                    + " the members to expose (and the class with @JsModule(\"name\") for require), or build one with"
                    + " NativeModule.builder(name)");
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " is a @JsModule with no public @JsMethod or @JsProperty member");
        }
        return new Bound(name, List.copyOf(members));
    }

    private static JsModule findModule(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            JsModule m = c.getAnnotation(JsModule.class);
            if (m != null) return m;
        }
        return null;
    }

    private static Function<Object, Member> function(String module, String name, Method m) {
        Signature signature = signature(module + "." + name, m);
        MethodHandle handle = invoker(m);
        boolean returnsVoid = m.getReturnType() == void.class;
        return instance -> new Member.Function(name, signature.length(), call(instance, handle, signature, returnsVoid));
    }

    private static Function<Object, Member> property(String module, String name, Method getter, Method setter) {
        Signature get = signature(module + "." + name, getter);
        MethodHandle getHandle = invoker(getter);
        Signature set = setter == null ? null : signature(module + "." + name, setter);
        MethodHandle setHandle = setter == null ? null : invoker(setter);
        return instance -> new Member.Property(name, call(instance, getHandle, get, false),
                setter == null ? null : call(instance, setHandle, set, true));
    }

    private static HostFunction call(Object instance, MethodHandle handle, Signature signature, boolean returnsVoid) {
        return (runtime, self, args) -> {
            Object result = invoke(handle, instance, signature.convert(runtime, args));
            return returnsVoid ? JsValue.undefined() : TypeMapping.toJs(runtime, result);
        };
    }

    private static Object invoke(MethodHandle handle, Object instance, Object[] args) {
        try {
            return handle.invokeExact(instance, args);
        } catch (Throwable t) {
            throw NativeModule.sneaky(t);
        }
    }

    private static Signature signature(String function, Method m) {
        List<Signature.Parameter> params = new ArrayList<>();
        java.lang.reflect.Parameter[] parameters = m.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            // without -parameters javac keeps no names: arg1, arg2, ... as NativeModule.builder names them
            java.lang.reflect.Parameter p = parameters[i];
            params.add(new Signature.Parameter(p.isNamePresent() ? p.getName() : "arg" + (i + 1), p.getParameterizedType()));
        }
        return new Signature(function, params);
    }

    private static MethodHandle invoker(Method m) {
        try {
            m.setAccessible(true);
            MethodHandle h = MethodHandles.lookup().unreflect(m);
            if (Modifier.isStatic(m.getModifiers())) h = MethodHandles.dropArguments(h, 0, Object.class);
            return h.asSpreader(Object[].class, m.getParameterCount()).asType(INVOKER);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("cannot call " + m + " (" + e.getMessage() + "); make the class and"
                    + " method public, and open the package to org.jsi4j host-object on the module path", e);
        }
    }

    private static Object read(Field f, Object instance) {
        try {
            f.setAccessible(true);
            return f.get(Modifier.isStatic(f.getModifiers()) ? null : instance);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** {@code getSize} → {@code size}, {@code isEmpty} → {@code empty}, {@code setSize} → {@code size}. */
    static String propertyName(String method) {
        for (String prefix : List.of("get", "set", "is")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                return Character.toLowerCase(method.charAt(prefix.length())) + method.substring(prefix.length() + 1);
            }
        }
        return method;
    }
}
