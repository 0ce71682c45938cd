package org.jsi4j.interop;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;

/**
 * Reading generic types: the raw class, a type argument, a name for messages. Shared by
 * {@link JsToJava} and host-object's parameter mapping.
 */
public final class Types {
    private Types() {
    }

    /** The class behind a type ({@code List} for {@code List<String>}, the bound of a type variable or wildcard). */
    public static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> raw(p.getRawType());
            case GenericArrayType a -> raw(a.getGenericComponentType()).arrayType();
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            case TypeVariable<?> v -> raw(v.getBounds()[0]);
            default -> Object.class;
        };
    }

    /** Type argument {@code index} of {@code type}, {@code Object} when raw. */
    public static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type a = p.getActualTypeArguments()[index];
            return a instanceof WildcardType w ? w.getUpperBounds()[0] : a;
        }
        return Object.class;
    }

    /** The component type of an array type. */
    public static Type component(Type type) {
        if (type instanceof GenericArrayType a) return a.getGenericComponentType();
        return raw(type).getComponentType();
    }

    /** The type as Java source spells it, without packages ({@code List<Integer>}, {@code int[]}). */
    public static String name(Type type) {
        return switch (type) {
            case Class<?> c -> c.isArray() ? name(c.getComponentType()) + "[]" : c.getSimpleName();
            case ParameterizedType p -> {
                StringBuilder out = new StringBuilder(name(p.getRawType())).append('<');
                Type[] args = p.getActualTypeArguments();
                for (int i = 0; i < args.length; i++) out.append(i == 0 ? "" : ", ").append(name(args[i]));
                yield out.append('>').toString();
            }
            case GenericArrayType a -> name(a.getGenericComponentType()) + "[]";
            default -> type.getTypeName();
        };
    }
}
