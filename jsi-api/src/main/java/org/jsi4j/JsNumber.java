package org.jsi4j;

import java.math.BigDecimal;

/**
 * A JavaScript number (an IEEE 754 double). Equality follows {@link Double#equals}: {@code NaN}
 * equals itself and {@code 0.0} differs from {@code -0.0}, as with {@code Object.is}.
 */
public record JsNumber(double value) implements JsValue {
    @Override
    public String typeOf() {
        return "number";
    }

    /**
     * The number as JavaScript's {@code String(n)} prints it ({@code 1}, {@code 1.5}, {@code 1e-7},
     * {@code 1e+21}, {@code NaN}, {@code -Infinity}; {@code -0} prints {@code 0}).
     */
    @Override
    public String toString() {
        if (Double.isNaN(value)) return "NaN";
        if (Double.isInfinite(value)) return value > 0 ? "Infinity" : "-Infinity";
        if (value == 0) return "0";
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 0x1p53) return Long.toString((long) value);
        // Double.toString gives the shortest digits that round-trip, as JavaScript does; only the layout differs
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (magnitude >= 1e-6 && magnitude < 1e21) return exact.toPlainString();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }
}
