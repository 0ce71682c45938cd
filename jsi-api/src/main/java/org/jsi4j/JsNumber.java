package org.jsi4j;

/**
 * A JavaScript number (an IEEE 754 double). Equality follows {@link Double#equals}: {@code NaN}
 * equals itself and {@code 0.0} differs from {@code -0.0}, as with {@code Object.is}.
 */
public record JsNumber(double value) implements JsValue {
    @Override
    public String typeOf() {
        return "number";
    }

    /** The number as JavaScript would print it ({@code 1}, {@code 1.5}, {@code NaN}, {@code -Infinity}). */
    @Override
    public String toString() {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e21) {
            if (value == 0 && 1 / value < 0) return "0";
            return Long.toString((long) value);
        }
        if (Double.isNaN(value)) return "NaN";
        if (Double.isInfinite(value)) return value > 0 ? "Infinity" : "-Infinity";
        return Double.toString(value);
    }
}
