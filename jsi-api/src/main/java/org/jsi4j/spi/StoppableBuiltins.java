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
 * <p>How (V8 and GraalJS; Rhino does the same in Java, see its {@code StoppableArrayBuiltins}):
 * {@link #SOURCE} evaluates to an installer function, which the backend calls once per new runtime,
 * before any script runs, with whether to cover the methods that take a callback too and whether
 * {@code Function.prototype.toString} must be taught to print the replacements. It replaces
 * each built-in below by a method that calls the original. When the receiver is an object whose
 * {@code length} is not an own data property below {@link #HUGE} (above it, a getter, inherited, an
 * object; for {@code Array.from}, when the first argument has an own data {@code length} above
 * {@code HUGE}), the original runs on a {@code Proxy} of that object whose element traps are small JavaScript functions:
 * each element the built-in reads, writes, tests or deletes then passes through JavaScript, where
 * every engine acts on a stop. Otherwise the original runs as it is. The replacement keeps what
 * scripts observe of the built-in: {@code name}, {@code length}, the property's attributes, that it
 * is no constructor and has no {@code prototype}, and its {@code toString} text
 * ({@code Function.prototype.toString} is replaced too, to answer for the replacements with the
 * originals' text). Not a {@code Proxy} of the function: V8 (through Javet) hands a proxy to Java as
 * an object, not a function, and GraalJS prints a proxy's handler in some error messages. Everything
 * the installer uses is captured when it runs; nothing of it is reachable from a script.
 *
 * <p>Covered: the {@code Array.prototype} methods in {@link #PLAIN_METHODS}, {@code Array.from},
 * and, when asked, those in {@link #CALLBACK_METHODS} (V8 asks only for runtimes with a time or statement
 * limit: on V8 any wrapper costs those methods the optimising compiler's inlining, 4-5 times their
 * speed; see docs/limits.md). Not covered: find and its kin (they call the callback at every index,
 * which is JavaScript), concat with a spreadable array-like, and the {@code String} and typed array
 * built-ins (a string's and a typed array's length are bounded by memory).
 *
 * <p>What a script can tell: a {@code Proxy} receiver sees one more {@code getOwnPropertyDescriptor}
 * of {@code length} (the check reads the descriptor, so that a {@code length} getter still runs once);
 * on the element proxy, a callback's third argument is that proxy rather than the object; an
 * {@code error.stack} from inside has one more frame (left out of {@code JsError.jsStack()}); and
 * {@code Function.prototype.toString} is not the engine's own object.
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

    /**
     * Evaluates (as a script) to the installer, {@code install(callbacks, print)}: {@code callbacks}
     * whether to cover {@link #CALLBACK_METHODS}; {@code print} whether to replace
     * {@code Function.prototype.toString} so that it prints the replacements as the originals (GraalJS
     * prints a function of an internal source as native code, but without its name).
     */
    public static final String SOURCE = """
            (function (HUGE) {
              'use strict';
              var g = globalThis, A = g.Array, AP = A.prototype, P = g.Proxy, R = g.Reflect, O = g.Object, F = g.Function,
                  apply = R.apply, rGet = R.get, rSet = R.set, rHas = R.has, rDelete = R.deleteProperty,
                  define = O.defineProperty, describe = O.getOwnPropertyDescriptor, create = O.create,
                  fnToString = F.prototype.toString, hasOwn = O.prototype.hasOwnProperty, isView = g.ArrayBuffer.isView, WM = g.WeakMap, wmGet = WM.prototype.get, wmSet = WM.prototype.set,
                  natives = new WM();
              // each element access of a built-in running on this proxy is a call of one of these functions
              var elements = create(null);
              elements.get = function (t, k) { return rGet(t, k, t); };
              elements.set = function (t, k, v) { return rSet(t, k, v, t); };
              elements.has = function (t, k) { return rHas(t, k); };
              elements.deleteProperty = function (t, k) { return rDelete(t, k); };
              // whether the built-in must run on the element proxy: unless the length is an own data property
              // below HUGE, or the object a typed array (its length is bounded by its buffer). Read as a descriptor, so that a getter or a proxy's get trap runs only when the
              // built-in reads the length itself (exactly once, as the specification says)
              // the own data value of o's length, else ABSENT (not an object, no own length, an accessor)
              var ABSENT = {};
              function dataLength(o) {
                if (o === null || (typeof o !== 'object' && typeof o !== 'function')) return ABSENT;
                var d = describe(o, 'length');
                return d !== undefined && apply(hasOwn, d, ['value']) ? d.value : ABSENT;
              }
              function guarded(o) {
                if (o === null || (typeof o !== 'object' && typeof o !== 'function') || isView(o)) return false;
                var n = dataLength(o);
                return typeof n === 'number' ? n > HUGE : n === ABSENT || typeof n === 'object' || typeof n === 'function';
              }
              // Array.from's items: only an own data length above HUGE (an iterable such as a Set must reach
              // Array.from itself, its iterator method refuses a proxy)
              function hugeItems(o) {
                var n = dataLength(o);
                return typeof n === 'number' && n > HUGE;
              }
              // a method (no constructor, no prototype) named and sized as the original, printed as the original
              var printed = false;
              function stand(name, original, method) {
                define(method, 'length', {value: original.length});
                if (printed) apply(wmSet, natives, [method, original]);
                return method;
              }
              function onThis(name, original) {
                return stand(name, original, ({[name]() {
                  var self = this;
                  if (!guarded(self)) return apply(original, self, arguments);
                  var p = new P(self, elements), r = apply(original, p, arguments);
                  return r === p ? self : r;
                }})[name]);
              }
              function onFirst(name, original) {
                return stand(name, original, ({[name]() {
                  if (arguments.length === 0 || !hugeItems(arguments[0])) return apply(original, this, arguments);
                  return apply(original, this, [new P(arguments[0], elements), arguments.length > 1 ? arguments[1] : undefined,
                    arguments.length > 2 ? arguments[2] : undefined]);
                }})[name]);
              }
              function wrap(holder, name, make) {
                var d = describe(holder, name);
                if (d === undefined || typeof d.value !== 'function') return;
                define(holder, name, {value: make(name, d.value), writable: d.writable, enumerable: d.enumerable,
                  configurable: d.configurable});
              }
              // Function.prototype.toString answers for the replacements as for the built-ins they stand for
              function toStringOf(name, original) {
                return stand(name, original, ({toString() {
                  var stood = apply(wmGet, natives, [this]);
                  return apply(original, stood !== undefined ? stood : this, arguments);
                }}).toString);
              }
              var plain = %s, withCallback = %s;
              return function (callbacks, print) {
                printed = print;
                for (var i = 0; i < plain.length; i++) wrap(AP, plain[i], onThis);
                if (callbacks) for (var j = 0; j < withCallback.length; j++) wrap(AP, withCallback[j], onThis);
                wrap(A, 'from', onFirst);
                if (print) wrap(F.prototype, 'toString', toStringOf);
              };
            })(%d)""".formatted(array(PLAIN_METHODS), array(CALLBACK_METHODS), HUGE);

    private StoppableBuiltins() {
    }

    private static String array(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
