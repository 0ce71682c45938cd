package org.jsi4j.rhino;

import java.util.ArrayList;
import java.util.List;
import org.jsi4j.spi.StoppableBuiltins;
import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaConstructor;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.SerializableCallable;
import org.mozilla.javascript.Undefined;
import org.mozilla.javascript.typedarrays.NativeArrayBufferView;

/**
 * Rhino's half of {@link StoppableBuiltins}: {@code Array} built-ins whose work grows with a length
 * a script sets freely, in versions that a stop can end. Rhino's instruction observer, which
 * carries the time limit, the memory limit and {@code interrupt()}, runs only between script
 * instructions, and one call of a Java built-in is one instruction: {@code new Array(1e8).fill(1.5)}
 * made 100 million slots in one call and ran the heap out, and
 * {@code Array.prototype.indexOf.call({length: 2 ** 40}, 1)} ran for hours.
 *
 * <p>{@code fill} is Rhino 1.9.2's, step for step, with a check for a stop every
 * {@link #CHECK_EVERY} elements. Every other method of {@link StoppableBuiltins#PLAIN_METHODS} and
 * {@link StoppableBuiltins#CALLBACK_METHODS}, and {@code Array.from}, is a Java function that calls
 * Rhino's own; when the receiver's {@code length} is not an own data property below
 * {@link StoppableBuiltins#HUGE} (for {@code from}: when the first argument's own data {@code length}
 * is above it), Rhino's runs on a {@link StoppingReceiver} of it, which checks for a stop at each
 * element. Java functions rather than JavaScript proxies (as on the other engines):
 * Rhino's {@code Function.prototype.toString} refuses a proxy, which would break
 * {@code String(Array.prototype.map)}.
 */
final class StoppableArrayBuiltins {
    /** Elements handled between two checks for a stop (a check is a field read). */
    static final int CHECK_EVERY = 1 << 12;

    private StoppableArrayBuiltins() {
    }

    /** Replaces the built-ins on {@code standard}'s {@code Array} and {@code Array.prototype}. */
    static void install(ScriptableObject standard) {
        LambdaConstructor array = (LambdaConstructor) ScriptableObject.getProperty(standard, "Array");
        array.definePrototypeMethod(standard, "fill", 1, StoppableArrayBuiltins::fill);
        Scriptable prototype = (Scriptable) array.getPrototypeProperty();
        List<String> names = new ArrayList<>(StoppableBuiltins.PLAIN_METHODS);
        names.addAll(StoppableBuiltins.CALLBACK_METHODS);
        names.remove("fill");
        for (String name : names) {
            if (ScriptableObject.getProperty(prototype, name) instanceof BaseFunction original) {
                array.definePrototypeMethod(standard, name, original.getLength(), onReceiver(original));
            }
        }
        if (ScriptableObject.getProperty(array, "from") instanceof BaseFunction from) {
            array.defineConstructorMethod(standard, "from", from.getLength(), onFirstArgument(from));
        }
    }

    /** {@code original} called on a stopping receiver when its receiver is huge. */
    private static SerializableCallable onReceiver(Callable original) {
        return (cx, scope, thisObj, args) -> {
            if (thisObj == null || Undefined.isUndefined(thisObj) || !guarded(thisObj)) {
                return original.call(cx, scope, thisObj, args);
            }
            StoppingReceiver receiver = new StoppingReceiver(thisObj, limits(cx));
            Object result = original.call(cx, scope, receiver, args);
            return result == receiver ? thisObj : result;
        };
    }

    /** {@code original} called with a stopping first argument when that argument is huge. */
    private static SerializableCallable onFirstArgument(Callable original) {
        return (cx, scope, thisObj, args) -> {
            if (args.length == 0 || !(args[0] instanceof Scriptable items) || !(ownDataLength(items) instanceof Number n)
                    || n.doubleValue() <= StoppableBuiltins.HUGE) {
                return original.call(cx, scope, thisObj, args);
            }
            Object[] stopping = args.clone();
            stopping[0] = new StoppingReceiver(items, limits(cx));
            return original.call(cx, scope, thisObj, stopping);
        };
    }

    /**
     * Whether a built-in must run on a stopping receiver: unless {@code o}'s {@code length} is an own
     * data property below {@link StoppableBuiltins#HUGE}. Decided without running a {@code length}
     * getter, which the built-in then runs exactly once, as the specification says.
     */
    private static boolean guarded(Scriptable o) {
        if (o instanceof NativeArrayBufferView) return false;   // a typed array: bounded by its buffer
        Object length = ownDataLength(o);
        if (length instanceof Number n) return n.doubleValue() > StoppableBuiltins.HUGE;
        return length == ABSENT || length instanceof Scriptable;
    }

    private static final Object ABSENT = new Object();

    /** {@code o}'s own {@code length} when it is a data property, else {@link #ABSENT} (inherited, missing, an accessor). */
    private static Object ownDataLength(Scriptable o) {
        if (o instanceof NativeArray a) return (double) a.getLength();
        if (!o.has("length", o)) return ABSENT;
        if (o instanceof ScriptableObject so && (isFunction(so.getGetterOrSetter("length", 0, false))
                || isFunction(so.getGetterOrSetter("length", 0, true)))) {
            return ABSENT;
        }
        return o.get("length", o);
    }

    private static boolean isFunction(Object accessor) {
        return accessor instanceof Callable;
    }

    /** The limits of the runtime {@code cx} serves, or null outside a jsi4j runtime. */
    private static RhinoLimits limits(Context cx) {
        return cx instanceof SandboxContext s && s.backend != null ? s.backend.limits() : null;
    }

    /** Rhino 1.9.2's {@code NativeArray.js_fill}, with a stop check (it returns {@code this}, as Rhino does). */
    private static Object fill(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
        Scriptable o = ScriptRuntime.toObject(cx, scope, thisObj);
        long length = length(o);
        long start = bound(args.length >= 2 ? (long) ScriptRuntime.toInteger(args[1]) : 0, length);
        long end = bound(args.length >= 3 && !Undefined.isUndefined(args[2]) ? (long) ScriptRuntime.toInteger(args[2]) : length,
                length);
        Object value = args.length > 0 ? args[0] : Undefined.instance;
        RhinoLimits limits = limits(cx);
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
