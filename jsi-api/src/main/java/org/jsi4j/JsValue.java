package org.jsi4j;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A JavaScript value: {@code undefined}, {@code null}, a boolean, a number, a BigInt, a string, a
 * symbol, or an object. Primitives are immutable Java values that belong to no runtime; objects
 * ({@link JsObject} and its kinds) are handles into one runtime.
 *
 * <p>The hierarchy is sealed, so a {@code switch} over a value is exhaustive:
 * <pre>{@code
 * String text = switch (value) {
 *     case JsUndefined u -> "undefined";
 *     case JsNull n -> "null";
 *     case JsBoolean b -> Boolean.toString(b.value());
 *     case JsNumber n -> Double.toString(n.value());
 *     case JsBigInt b -> b.value() + "n";
 *     case JsString s -> s.value();
 *     case JsSymbol s -> s.toString();
 *     case JsObject o -> "[object]";
 * };
 * }</pre>
 */
public sealed interface JsValue
        permits JsUndefined, JsNull, JsBoolean, JsNumber, JsBigInt, JsString, JsSymbol, JsObject {

    /** The {@code undefined} value. */
    static JsUndefined undefined() {
        return JsUndefined.INSTANCE;
    }

    /** The {@code null} value. */
    static JsNull nullValue() {
        return JsNull.INSTANCE;
    }

    /** A boolean value. */
    static JsBoolean of(boolean value) {
        return value ? JsBoolean.TRUE : JsBoolean.FALSE;
    }

    /** A number value. */
    static JsNumber of(double value) {
        return new JsNumber(value);
    }

    /** A string value; {@code null} is refused (use {@link #nullValue()}). */
    static JsString of(String value) {
        return new JsString(Objects.requireNonNull(value, "value"));
    }

    /** A BigInt value. */
    static JsBigInt of(BigInteger value) {
        return new JsBigInt(Objects.requireNonNull(value, "value"));
    }

    /** The result of JavaScript's {@code typeof} operator for this value. */
    String typeOf();

    /** True for {@code undefined}. */
    default boolean isUndefined() {
        return this instanceof JsUndefined;
    }

    /** True for {@code null}. */
    default boolean isNull() {
        return this instanceof JsNull;
    }

    /** True for {@code undefined} and {@code null}. */
    default boolean isNullish() {
        return isUndefined() || isNull();
    }

    /** The boolean this is; {@link IllegalStateException} naming the actual type otherwise. */
    default boolean asBoolean() {
        if (this instanceof JsBoolean b) return b.value();
        throw wrongType("boolean");
    }

    /** The number this is; {@link IllegalStateException} naming the actual type otherwise. */
    default double asNumber() {
        if (this instanceof JsNumber n) return n.value();
        throw wrongType("number");
    }

    /** The number this is, as an int when it is one exactly; {@link IllegalStateException} otherwise. */
    default int asInt() {
        double d = asNumber();
        int i = (int) d;
        if (i != d) throw new IllegalStateException("expected an integer, got " + d);
        return i;
    }

    /** The string this is; {@link IllegalStateException} naming the actual type otherwise. */
    default String asString() {
        if (this instanceof JsString s) return s.value();
        throw wrongType("string");
    }

    /** The BigInt this is; {@link IllegalStateException} naming the actual type otherwise. */
    default BigInteger asBigInt() {
        if (this instanceof JsBigInt b) return b.value();
        throw wrongType("bigint");
    }

    /** The object this is; {@link IllegalStateException} naming the actual type otherwise. */
    default JsObject asObject() {
        if (this instanceof JsObject o) return o;
        throw wrongType("object");
    }

    /** The function this is; {@link IllegalStateException} naming the actual type otherwise. */
    default JsFunction asFunction() {
        if (this instanceof JsFunction f) return f;
        throw wrongType("function");
    }

    /** The array this is; {@link IllegalStateException} naming the actual type otherwise. */
    default JsArray asArray() {
        if (this instanceof JsArray a) return a;
        throw wrongType("array");
    }

    /**
     * This value as a Java {@code type}, strictly ({@link org.jsi4j.interop.JsToJava} lists the
     * types): {@code value.as(int.class)} is an {@code Integer} only when the number is an exact
     * int; {@code value.as(Order.class)} builds a record from an object.
     *
     * @throws JsConversionException naming the path, the expected type and what was found
     *     ({@code $.items[3].price: expected int, got "12a"})
     */
    @SuppressWarnings("unchecked")
    default <T> T as(Class<T> type) {
        java.util.Objects.requireNonNull(type, "type");
        return (T) org.jsi4j.interop.JsToJava.convert(this, type);
    }

    /** This value as a generic Java type: {@code value.as(new TypeToken<List<Integer>>() {})}. */
    @SuppressWarnings("unchecked")
    default <T> T as(org.jsi4j.interop.TypeToken<T> type) {
        java.util.Objects.requireNonNull(type, "type");
        return (T) org.jsi4j.interop.JsToJava.convert(this, type.type());
    }

    private IllegalStateException wrongType(String expected) {
        String actual = this instanceof JsArray ? "array" : this instanceof JsNull ? "null" : typeOf();
        return new IllegalStateException("expected a " + expected + ", got a " + actual + " value");
    }
}
