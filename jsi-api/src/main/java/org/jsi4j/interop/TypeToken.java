package org.jsi4j.interop;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A Java type with its generic arguments, for {@link org.jsi4j.JsValue#as(TypeToken)}: make one
 * with an anonymous subclass, {@code new TypeToken<List<Integer>>() {}}, or from a class with
 * {@link #of(Class)}.
 *
 * @param <T> the type
 */
public abstract class TypeToken<T> {
    private final Type type;

    /** Captures the type argument of the anonymous subclass. */
    protected TypeToken() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType p)) {
            throw new IllegalStateException("make a TypeToken as an anonymous subclass: new TypeToken<List<String>>() {}");
        }
        this.type = p.getActualTypeArguments()[0];
    }

    private TypeToken(Type type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The token of a plain class. */
    public static <T> TypeToken<T> of(Class<T> type) {
        return new TypeToken<T>(type) {
        };
    }

    /** The token of any reflected type (a method's generic parameter type, for instance). */
    public static TypeToken<?> of(Type type) {
        return new TypeToken<Object>(type) {
        };
    }

    /** The Java type. */
    public Type type() {
        return type;
    }

    @Override
    public String toString() {
        return Types.name(type);
    }
}
