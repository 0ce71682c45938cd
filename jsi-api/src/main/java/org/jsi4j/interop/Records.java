package org.jsi4j.interop;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records taken apart and built from their components, with the reflection done once per record
 * class ({@link ClassValue}s): the canonical constructor as one {@link MethodHandle} of type
 * {@code (Object[]) -> Object}, and each component's name, declared type and accessor. Shared by
 * {@link JsToJava}, {@link JavaToJs} and host-object's type mapping.
 */
public final class Records {
    private static final ClassValue<MethodHandle> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            return canonical(type);
        }
    };
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> out = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) out.add(Component.of(c));
            return List.copyOf(out);
        }
    };

    private Records() {
    }

    /**
     * One component of a record class.
     *
     * @param name the component's name
     * @param type its declared type, generic arguments included
     * @param accessor its accessor as {@code (Object) -> Object}, or {@code null} when it cannot be called
     * @param inaccessible why the accessor cannot be called ({@code null} when it can)
     */
    public record Component(String name, Type type, MethodHandle accessor, String inaccessible) {
        static Component of(RecordComponent c) {
            try {
                java.lang.reflect.Method m = c.getAccessor();
                m.setAccessible(true);
                MethodHandle h = MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(Object.class, Object.class));
                return new Component(c.getName(), c.getGenericType(), h, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Component(c.getName(), c.getGenericType(), null, e.toString());
            }
        }

        /**
         * This component's value in {@code record}; what the accessor throws comes out as it is.
         *
         * @throws IllegalStateException when the accessor cannot be called
         */
        public Object read(Record record) {
            if (accessor == null) {
                throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + name + ": " + inaccessible);
            }
            try {
                return (Object) accessor.invokeExact((Object) record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
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
     * The components of the record class {@code type}, in declaration order.
     *
     * @throws IllegalArgumentException when {@code type} is not a record
     */
    public static List<Component> components(Class<?> type) {
        if (!type.isRecord()) throw new IllegalArgumentException(type.getName() + " is not a record");
        return COMPONENTS.get(type);
    }

    /**
     * The components of {@code record} by name, in declaration order, read through their accessors.
     *
     * @throws IllegalStateException when an accessor cannot be called; what an accessor throws comes out as it is
     */
    public static Map<String, Object> components(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Component c : COMPONENTS.get(record.getClass())) out.put(c.name(), c.read(record));
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
