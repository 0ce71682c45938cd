package org.jsi4j;

import java.math.BigInteger;
import java.util.Objects;

/** A JavaScript BigInt. */
public record JsBigInt(BigInteger value) implements JsValue {
    /** Refuses {@code null}. */
    public JsBigInt {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeOf() {
        return "bigint";
    }

    @Override
    public String toString() {
        return value + "n";
    }
}
