package org.jsi4j.rhino;

import java.util.Map;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Initializable;
import org.mozilla.javascript.LambdaConstructor;
import org.mozilla.javascript.LazilyLoadedCtor;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.ScriptRuntimeES6;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.typedarrays.NativeBigInt64Array;
import org.mozilla.javascript.typedarrays.NativeBigUint64Array;
import org.mozilla.javascript.typedarrays.NativeFloat32Array;
import org.mozilla.javascript.typedarrays.NativeFloat64Array;
import org.mozilla.javascript.typedarrays.NativeInt16Array;
import org.mozilla.javascript.typedarrays.NativeInt32Array;
import org.mozilla.javascript.typedarrays.NativeInt8Array;
import org.mozilla.javascript.typedarrays.NativeUint16Array;
import org.mozilla.javascript.typedarrays.NativeUint32Array;
import org.mozilla.javascript.typedarrays.NativeUint8Array;
import org.mozilla.javascript.typedarrays.NativeUint8ClampedArray;

/**
 * Typed array constructors that refuse a length they cannot make. Rhino 1.9.2 converts a length
 * argument with {@code ToInt32}, so {@code new Float64Array(2 ** 40)} made an empty array and
 * {@code new Float64Array(2 ** 32 + 3)} one of length 3, where the language (ToIndex) and the other
 * engines throw a {@code RangeError}. Each constructor of the runtime's standard objects is
 * replaced, still loaded lazily as Rhino does, by one that checks a number or string length
 * (a {@code RangeError} when it is negative or its bytes pass what a Java array holds) and hands
 * every call to Rhino's own constructor. The replacement shares Rhino's prototype object,
 * {@code BYTES_PER_ELEMENT}, {@code [Symbol.species]} and {@code [[Prototype]]}
 * ({@code %TypedArray%}), so {@code instanceof}, {@code constructor} and the species lookups of
 * {@code map}/{@code slice}/{@code subarray} see one constructor.
 */
final class TypedArrayLengths {
    private static final Map<String, Initializable> RHINO = Map.ofEntries(
            Map.entry("Int8Array", NativeInt8Array::init), Map.entry("Uint8Array", NativeUint8Array::init),
            Map.entry("Uint8ClampedArray", NativeUint8ClampedArray::init), Map.entry("Int16Array", NativeInt16Array::init),
            Map.entry("Uint16Array", NativeUint16Array::init), Map.entry("Int32Array", NativeInt32Array::init),
            Map.entry("Uint32Array", NativeUint32Array::init), Map.entry("BigInt64Array", NativeBigInt64Array::init),
            Map.entry("BigUint64Array", NativeBigUint64Array::init), Map.entry("Float32Array", NativeFloat32Array::init),
            Map.entry("Float64Array", NativeFloat64Array::init));

    private TypedArrayLengths() {
    }

    /** Replaces the typed array constructors of {@code standard} (made by {@code initSafeStandardObjects}, not sealed). */
    static void install(ScriptableObject standard) {
        RHINO.forEach((name, init) -> new LazilyLoadedCtor(standard, name, false, false,
                (cx, scope, sealed) -> checked(cx, scope, (LambdaConstructor) init.initialize(cx, scope, sealed))));
    }

    private static LambdaConstructor checked(Context cx, Scriptable scope, LambdaConstructor rhino) {
        Object bytes = ScriptableObject.getProperty(rhino, "BYTES_PER_ELEMENT");
        int bytesPerElement = bytes instanceof Number n ? n.intValue() : 1;
        ScriptableObject prototype = (ScriptableObject) rhino.getPrototypeProperty();
        LambdaConstructor checked = new LambdaConstructor(scope, rhino.getFunctionName(), rhino.getLength(), prototype, null,
                (lcx, lscope, args) -> {
                    checkLength(args, bytesPerElement);
                    return rhino.construct(lcx, lscope, args);
                });
        checked.setPrototypePropertyAttributes(ScriptableObject.DONTENUM | ScriptableObject.READONLY | ScriptableObject.PERMANENT);
        checked.setPrototype(rhino.getPrototype());
        checked.defineProperty("BYTES_PER_ELEMENT", bytesPerElement,
                ScriptableObject.DONTENUM | ScriptableObject.READONLY | ScriptableObject.PERMANENT);
        ScriptRuntimeES6.addSymbolSpecies(cx, scope, checked);
        prototype.defineProperty("constructor", checked, prototype.getAttributes("constructor"));
        return checked;
    }

    /** ToIndex of a length argument (the one form Rhino converts with ToInt32), refused past what Rhino can allocate. */
    private static void checkLength(Object[] args, int bytesPerElement) {
        if (args.length == 0 || !(args[0] instanceof Number || args[0] instanceof String)) return;
        double length = ScriptRuntime.toInteger(args[0]);
        if (length < 0 || length * bytesPerElement >= Integer.MAX_VALUE) {
            throw ScriptRuntime.rangeError("Invalid typed array length: " + ScriptRuntime.toString(length));
        }
    }
}
