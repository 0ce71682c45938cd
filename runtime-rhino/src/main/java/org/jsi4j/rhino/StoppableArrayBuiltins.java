package org.jsi4j.rhino;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaConstructor;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * {@code Array.prototype} built-ins whose work grows with a length a script sets freely, in
 * versions that a stop can end. Rhino's instruction observer, which carries the time limit, the
 * memory limit and {@code interrupt()}, runs only between script instructions, and one call of a
 * Java built-in is one instruction: {@code new Array(1e8).fill(1.5)} made 100 million slots in one
 * call and ran the heap out (nothing stopped it in 120 s at -Xmx512m). The versions here do what
 * Rhino 1.9.2's do, step for step, and check for a stop every {@link #CHECK_EVERY} elements.
 *
 * <p>Installed: {@code fill}. Not replaced (their work is bounded some other way, or they stop
 * early): {@code join} (Rhino refuses a string past its limit as it grows), {@code copyWithin},
 * {@code reverse}, {@code indexOf} and the other searches, which read a sparse array's missing
 * elements without allocating; a runaway one of those is stopped only when it returns.
 */
final class StoppableArrayBuiltins {
    /** Elements handled between two checks for a stop (a check is a field read). */
    static final int CHECK_EVERY = 1 << 12;

    private StoppableArrayBuiltins() {
    }

    /** Replaces the built-ins on {@code standard}'s {@code Array.prototype}. */
    static void install(ScriptableObject standard) {
        LambdaConstructor array = (LambdaConstructor) ScriptableObject.getProperty(standard, "Array");
        array.definePrototypeMethod(standard, "fill", 1, StoppableArrayBuiltins::fill);
    }

    /** Rhino 1.9.2's {@code NativeArray.js_fill}, with a stop check (it returns {@code this}, as Rhino does). */
    private static Object fill(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
        Scriptable o = ScriptRuntime.toObject(cx, scope, thisObj);
        long length = length(o);
        long start = bound(args.length >= 2 ? (long) ScriptRuntime.toInteger(args[1]) : 0, length);
        long end = bound(args.length >= 3 && !Undefined.isUndefined(args[2]) ? (long) ScriptRuntime.toInteger(args[2]) : length,
                length);
        Object value = args.length > 0 ? args[0] : Undefined.instance;
        RhinoLimits limits = cx instanceof SandboxContext s && s.backend != null ? s.backend.limits() : null;
        for (long i = start; i < end; i++) {
            if (limits != null && ((i - start) & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) limits.checkpoint();
            if (i > Integer.MAX_VALUE) ScriptableObject.putProperty(thisObj, Long.toString(i), value);
            else ScriptableObject.putProperty(thisObj, (int) i, value);
        }
        return thisObj;
    }

    /** A relative index clamped to {@code [0, length]}, as the Array built-ins take them. */
    private static long bound(long relative, long length) {
        return relative < 0 ? Math.max(length + relative, 0) : Math.min(relative, length);
    }

    /** {@code LengthOfArrayLike}, as Rhino reads it ({@code NativeArray.getLengthProperty}). */
    private static long length(Scriptable o) {
        if (o instanceof org.mozilla.javascript.NativeArray a) return a.getLength();
        Object length = ScriptableObject.getProperty(o, "length");
        if (length == Scriptable.NOT_FOUND) return 0;
        double d = ScriptRuntime.toNumber(length);
        if (d > 9007199254740991.0) return 9007199254740991L;
        return d < 0 || Double.isNaN(d) ? 0 : (long) d;
    }
}
