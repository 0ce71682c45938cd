package org.jsi4j.interop;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * Records taken apart and built from their components: the canonical constructor of each record
 * class as one cached {@link MethodHandle} of type {@code (Object[]) -> Object}, and the component
 * values by name. Shared by {@link JsToJava}, {@link JavaToJs} and host-object's type mapping.
 */
public final class Records {
    private static final ClassValue<MethodHandle> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            return canonical(type);
        }
    };

    private Records() {
    }

    /**
     * The canonical constructor of {@code type}, taking the components in declaration order as an
     * {@code Object[]} (call it with {@code invokeExact}); what the constructor throws comes out as it is.
     *
     * @throws IllegalArgumentException when {@code type} is not a record or its constructor cannot be used
     */
    public static MethodHandle constructor(Class<?> type) {
        if (!type.isRecord()) throw new IllegalArgumentException(type.getName() + " is not a record");
        return CONSTRUCTORS.get(type);
    }

    /**
     * The components of {@code record} by name, in declaration order, read through their accessors.
     *
     * @throws IllegalStateException when an accessor cannot be called; what an accessor throws comes out as it is
     */
    public static java.util.Map<String, Object> components(Record record) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            java.lang.reflect.Method accessor = c.getAccessor();
            try {
                accessor.setAccessible(true);
                out.put(c.getName(), accessor.invoke(record));
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + c.getName() + ": " + e, e);
            }
        }
        return out;
    }

    private static MethodHandle canonical(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
        try {
            var constructor = type.getDeclaredConstructor(types);
            if (!Modifier.isPublic(type.getModifiers()) || !Modifier.isPublic(constructor.getModifiers())) {
                constructor.setAccessible(true);
            }
            return MethodHandles.lookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot use the canonical constructor of record " + type.getName() + ": " + e, e);
        }
    }
}
