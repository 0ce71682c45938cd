package org.jsi4j.rhino;

import java.math.BigInteger;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.Undefined;
import org.mozilla.javascript.WrapFactory;
import org.mozilla.javascript.lc.type.TypeInfo;

/**
 * A {@link WrapFactory} that never exposes a Java object to scripts: JavaScript values pass, Java
 * numbers become doubles, and anything else is refused. Rhino 1.9 calls the {@link TypeInfo}
 * overloads internally, so those are the ones overridden.
 */
final class NoJavaWrapFactory extends WrapFactory {
    NoJavaWrapFactory() {
        setJavaPrimitiveWrap(false);
    }

    @Override
    public Object wrap(Context cx, Scriptable scope, Object obj, TypeInfo staticType) {
        if (obj == null || obj == Undefined.instance || obj instanceof Scriptable || obj instanceof CharSequence
                || obj instanceof Boolean || obj instanceof Double || obj instanceof Integer
                || obj instanceof BigInteger || obj instanceof Symbol) {
            return obj;
        }
        if (obj instanceof Number n) return n.doubleValue();
        if (obj instanceof Character c) return String.valueOf(c);
        throw refused(obj.getClass());
    }

    @Override
    public Scriptable wrapNewObject(Context cx, Scriptable scope, Object obj) {
        if (obj instanceof Scriptable s) return s;
        throw refused(obj.getClass());
    }

    @Override
    public Scriptable wrapAsJavaObject(Context cx, Scriptable scope, Object javaObject, TypeInfo staticType) {
        throw refused(javaObject.getClass());
    }

    @Override
    public Scriptable wrapJavaClass(Context cx, Scriptable scope, Class<?> javaClass) {
        throw refused(javaClass);
    }

    private static RuntimeException refused(Class<?> type) {
        return Context.reportRuntimeError("Java objects are not accessible from scripts (refused a "
                + type.getName() + ")");
    }
}
