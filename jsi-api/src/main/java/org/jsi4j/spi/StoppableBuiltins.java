package org.jsi4j.spi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes the {@code Array} built-ins that loop over a length a script sets freely end when the
 * runtime is stopped (time limit, statement limit, memory limit, {@code interrupt()}, close).
 *
 * <p>Why: no engine acts on a stop inside one of its own built-ins. V8 checks for termination
 * only in JavaScript code, GraalJS only at its safepoints and function entries, Rhino's instruction
 * observer only between script instructions; a built-in's loop is none of those. So
 * {@code Array.prototype.indexOf.call({length: 2 ** 40}, 1)} ran for hours on every engine, and
 * {@code Array.from({length: 2 ** 31})} on V8 grew the heap past every raised limit until V8 aborted
 * the JVM ("process out of memory").
 *
 * <p>How (V8 and GraalJS; Rhino does the same in Java, with a delegating receiver instead of a
 * {@code Proxy}, whose Function.prototype.toString refuses proxies): {@link #SOURCE} evaluates to an installer function, which every backend calls once per
 * new runtime, before any script runs, with whether to cover the methods that take a callback too.
 * It replaces each built-in below by a {@code Proxy} of it. When the receiver (for {@code Array.from},
 * the first argument) is an object whose {@code length} is a number above {@link #HUGE}, the
 * original runs on a {@code Proxy} of that object whose element traps are small JavaScript functions:
 * each element the built-in reads, writes, tests or deletes then passes through JavaScript, where
 * every engine acts on a stop. Otherwise the original runs as it is. A proxy of a function keeps
 * what scripts observe of the built-in: {@code name}, {@code length}, the property's attributes,
 * that it is no constructor, and a native-code {@code toString}. Everything the installer uses is
 * captured when it runs; its handlers are reachable from no script.
 *
 * <p>Covered: the {@code Array.prototype} methods in {@link #PLAIN_METHODS}, {@code Array.from},
 * and, when asked, those in {@link #CALLBACK_METHODS} (V8 asks only for runtimes with a time or statement
 * limit: on V8 any wrapper costs those methods the optimising compiler's inlining, 4-5 times their
 * speed; see docs/limits.md). Not covered: find and its kin (they call the callback at every index,
 * which is JavaScript), concat with a spreadable array-like, and the {@code String} and typed array
 * built-ins (a string's and a typed array's length are bounded by memory).
 *
 * <p>What a script can tell: each call of a covered method reads the receiver's {@code length} once
 * more before the built-in does (a {@code length} getter or a {@code Proxy} receiver sees it); above
 * {@code HUGE}, a callback's third argument is the element proxy rather than the array, and a stack
 * trace from inside has one more frame (dropped from jsi4j's own stack traces).
 */
public final class StoppableBuiltins {
    /** The source name of {@link #SOURCE}; frames from it are library code. */
    public static final String SOURCE_NAME = "jsi4j:stoppable-builtins";

    /**
     * The length above which a built-in runs on the element proxy: 2^25. Below it a built-in's loop
     * ends within about 0.3 s on the slowest engine measured (V8 over a sparse array-like, 5-8 ns per
     * index), while a dense array that large is rare and pays the proxy only then.
     */
    public static final long HUGE = 1L << 25;

    /** The {@code Array.prototype} methods covered in every runtime. */
    public static final List<String> PLAIN_METHODS = List.of("copyWithin", "fill", "includes", "indexOf", "lastIndexOf",
            "join", "toLocaleString", "reverse", "shift", "unshift", "slice", "splice", "toReversed", "toSpliced", "with", "flat");

    /** The {@code Array.prototype} methods with a callback, covered when the installer is asked to. */
    public static final List<String> CALLBACK_METHODS = List.of("forEach", "map", "filter", "some", "every", "reduce",
            "reduceRight", "flatMap", "sort", "toSorted");

    /** Evaluates (as a script) to the installer: {@code install(callbacks)}, where callbacks is a boolean. */
    public static final String SOURCE = """
            (function (HUGE) {
              'use strict';
              var g = globalThis, A = g.Array, AP = A.prototype, P = g.Proxy, R = g.Reflect, O = g.Object,
                  apply = R.apply, rGet = R.get, rSet = R.set, rHas = R.has, rDelete = R.deleteProperty,
                  define = O.defineProperty, describe = O.getOwnPropertyDescriptor, create = O.create,
                  bind = g.Function.prototype.bind;
              // each element access of a built-in running on this proxy is a call of one of these functions
              var elements = create(null);
              elements.get = function (t, k) { return rGet(t, k, t); };
              elements.set = function (t, k, v) { return rSet(t, k, v, t); };
              elements.has = function (t, k) { return rHas(t, k); };
              elements.deleteProperty = function (t, k) { return rDelete(t, k); };
              function huge(o) {
                if (o === null || (typeof o !== 'object' && typeof o !== 'function')) return false;
                var n = o.length;
                return typeof n === 'number' && n > HUGE;
              }
              // a handler's trap is bound: GraalJS prints a proxy and its handler in some error messages, and a bound
              // function prints as native code, not as this source
              function handler(trap) { var h = create(null); h.apply = apply(bind, trap, [undefined]); return h; }
              var onThis = handler(function (f, self, args) {
                if (!huge(self)) return apply(f, self, args);
                var p = new P(self, elements), r = apply(f, p, args);
                return r === p ? self : r;
              });
              var onFirst = handler(function (f, self, args) {
                if (args.length === 0 || !huge(args[0])) return apply(f, self, args);
                return apply(f, self, [new P(args[0], elements), args.length > 1 ? args[1] : undefined,
                  args.length > 2 ? args[2] : undefined]);
              });
              function wrap(holder, name, handler) {
                var d = describe(holder, name);
                if (d === undefined || typeof d.value !== 'function') return;
                define(holder, name, {value: new P(d.value, handler), writable: d.writable, enumerable: d.enumerable,
                  configurable: d.configurable});
              }
              var plain = %s, withCallback = %s;
              return function (callbacks) {
                if (typeof P !== 'function') return;
                for (var i = 0; i < plain.length; i++) wrap(AP, plain[i], onThis);
                if (callbacks) for (var j = 0; j < withCallback.length; j++) wrap(AP, withCallback[j], onThis);
                wrap(A, 'from', onFirst);
              };
            })(%d)""".formatted(array(PLAIN_METHODS), array(CALLBACK_METHODS), HUGE);

    private StoppableBuiltins() {
    }

    private static String array(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
