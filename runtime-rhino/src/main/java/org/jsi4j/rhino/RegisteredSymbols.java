package org.jsi4j.rhino;

import java.lang.reflect.Method;
import org.jsi4j.JsSnapshotException;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeSymbol;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.SymbolKey;

/**
 * The key of a symbol registered with {@code Symbol.for(name)}. Rhino keeps one registry per JVM
 * and compares symbol keys by identity, so a restored image must use the registry's own key; Rhino
 * hands out only its {@code NativeSymbol} wrapper, whose key accessor is package-private and read
 * here by reflection.
 */
final class RegisteredSymbols {
    private static final Method GET_KEY;

    static {
        try {
            GET_KEY = NativeSymbol.class.getDeclaredMethod("getKey");
            GET_KEY.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RegisteredSymbols() {
    }

    /** The key of {@code Symbol.for(name)}. */
    static SymbolKey key(Context cx, Scriptable scope, String name) {
        Scriptable symbol = (Scriptable) ScriptableObject.getProperty(scope, "Symbol");
        Callable symbolFor = (Callable) ScriptableObject.getProperty(symbol, "for");
        Object registered = symbolFor.call(cx, scope, symbol, new Object[] {name});
        if (registered instanceof SymbolKey key) return key;
        try {
            return (SymbolKey) GET_KEY.invoke(registered);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new JsSnapshotException("Cannot restore the Rhino image in this snapshot: the registered symbol '" + name
                    + "' could not be found again (" + e + ")", e);
        }
    }
}
