package org.jsi4j;

/** The kinds of JavaScript typed arrays, for {@link JsRuntime#newTypedArray}. */
public enum TypedArrayKind {
    INT8("Int8Array", 1),
    UINT8("Uint8Array", 1),
    UINT8_CLAMPED("Uint8ClampedArray", 1),
    INT16("Int16Array", 2),
    UINT16("Uint16Array", 2),
    INT32("Int32Array", 4),
    UINT32("Uint32Array", 4),
    FLOAT32("Float32Array", 4),
    FLOAT64("Float64Array", 8),
    BIGINT64("BigInt64Array", 8),
    BIGUINT64("BigUint64Array", 8);

    private final String constructorName;
    private final int bytesPerElement;

    TypedArrayKind(String constructorName, int bytesPerElement) {
        this.constructorName = constructorName;
        this.bytesPerElement = bytesPerElement;
    }

    /** The global constructor's name, e.g. {@code Uint8Array}. */
    public String constructorName() {
        return constructorName;
    }

    /** {@code BYTES_PER_ELEMENT}. */
    public int bytesPerElement() {
        return bytesPerElement;
    }
}
