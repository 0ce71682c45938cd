package org.jsi4j;

import java.util.Arrays;
import java.util.List;
import org.jsi4j.spi.EngineBackend;

/**
 * The engine-neutral half of the JSI surface: operations every engine has as builtins (prototypes,
 * {@code JSON.parse}, typed arrays, the enqueueing of a promise job, a {@code WeakMap} for native
 * state...), reached through one internal function that captured those builtins at the runtime's
 * first entry, before any script could replace them. None of this is on a crossing's hot path.
 */
final class Intrinsics {
    static final int CREATE = 0, GET_PROTO = 1, SET_PROTO = 2, PARSE_JSON = 3, NEW_ARRAY = 4, PUSH = 5,
            FOR_IN = 6, QUEUE = 7, BYTE_LENGTH = 8, DETACHED = 9, TYPED_ARRAY = 10, DATA_VIEW = 11,
            SET_STATE = 12, GET_STATE = 13, NEW_ERROR = 14, GET = 15, SET = 16, HAS = 17, DELETE = 18,
            IS_ERROR = 19, NAME_OF = 20, NEW_DATE = 21, JSON_VALUE = 22, DEFINE = 23;

    private static final String SOURCE = """
            (function (g) {
              var O = g.Object, R = g.Reflect, apply = R.apply, construct = R.construct, create = O.create,
                getProto = O.getPrototypeOf, setProto = O.setPrototypeOf, parse = g.JSON.parse, A = g.Array,
                push = A.prototype.push, slice = A.prototype.slice, P = g.Promise, resolve = P.resolve, then = P.prototype.then,
                describe = O.getOwnPropertyDescriptor, define = O.defineProperty, D = g.Date, AB = g.ArrayBuffer, abLength = describe(AB.prototype, 'byteLength').get,
                abDetached = describe(AB.prototype, 'detached'), DV = g.DataView, WM = g.WeakMap,
                wmGet = WM.prototype.get, wmSet = WM.prototype.set, states = new WM(), E = g.Error,
                hasInstance = g.Symbol && g.Symbol.hasInstance ? g.Function.prototype[g.Symbol.hasInstance] : null,
                C = {Error: E, TypeError: g.TypeError, RangeError: g.RangeError, ReferenceError: g.ReferenceError,
                  SyntaxError: g.SyntaxError, EvalError: g.EvalError, URIError: g.URIError},
                toTag = O.prototype.toString, S = g.String, numberOf = g.Number.prototype.valueOf,
                stringOf = g.String.prototype.valueOf, booleanOf = g.Boolean.prototype.valueOf,
                bigIntOf = g.BigInt ? g.BigInt.prototype.valueOf : null,
                T = {}, names = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
                  'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
              abDetached = abDetached ? abDetached.get : null;
              for (var i = 0; i < names.length; i++) if (typeof g[names[i]] === 'function') T[names[i]] = g[names[i]];
              return function (op, a, b, c, d) {
                switch (op) {
                  case 0: return create(a);
                  case 1: return getProto(a);
                  case 2: setProto(a, b); return undefined;
                  case 3: return parse(a);
                  case 4: return new A(a);
                  case 5: return apply(push, a, apply(slice, arguments, [2]));
                  case 6: var out = []; for (var k in a) apply(push, out, [k]); return out;
                  case 7: apply(then, apply(resolve, P, []), [function () { apply(a, undefined, []); }]); return undefined;
                  case 8: return apply(abLength, a, []);
                  case 9: return abDetached ? apply(abDetached, a, []) : false;
                  case 10: if (!T[a]) throw new g.TypeError(a + ' is not a typed array this engine has');
                    return d === undefined ? construct(T[a], [b, c]) : construct(T[a], [b, c, d]);
                  case 11: return c === undefined ? construct(DV, [a, b]) : construct(DV, [a, b, c]);
                  case 12: apply(wmSet, states, [a, b]); return undefined;
                  case 13: return apply(wmGet, states, [a]);
                  case 14: return construct(C[a] || E, [b]);
                  case 15: return a[b];
                  case 16: a[b] = c; return undefined;
                  case 17: return b in a;
                  case 18: return delete a[b];
                  case 19: try { return hasInstance ? apply(hasInstance, E, [a]) : a instanceof E; } catch (x) { return false; }
                  case 20: try {
                      for (var o = a, i = 0; o !== null && i < 64; o = getProto(o), i++) {
                        var p = describe(o, 'name');
                        if (p !== undefined) return typeof p.value === 'string' ? p.value : undefined;
                      }
                    } catch (x) { }
                    return undefined;
                  case 21: return construct(D, [a]);
                  case 22: // a value as JSON.stringify serializes it: toJSON(b) first, then a wrapper object's primitive
                    if (a !== null && (typeof a === 'object' || typeof a === 'function')) {
                      var f = a.toJSON;
                      if (typeof f === 'function') a = apply(f, a, [b]);
                    }
                    if (a === null || typeof a !== 'object') return a;
                    switch (apply(toTag, a, [])) { // a spoofed tag fails the brand check below and stays an object
                      case '[object Number]': try { apply(numberOf, a, []); } catch (x) { return a; } return +a;
                      case '[object String]': try { apply(stringOf, a, []); } catch (x) { return a; } return S(a);
                      case '[object Boolean]': try { return apply(booleanOf, a, []); } catch (x) { return a; }
                      case '[object BigInt]': try { return bigIntOf ? apply(bigIntOf, a, []) : a; } catch (x) { return a; }
                    }
                    return a;
                  case 23: // an own data property, as JSON.parse makes it: no setter runs, no inherited descriptor field counts
                    var desc = create(null);
                    desc.value = c; desc.writable = true; desc.enumerable = true; desc.configurable = true;
                    define(a, b, desc);
                    return undefined;
                }
              };
            })(this)""";

    private final JsRuntime runtime;
    private Object function;

    Intrinsics(JsRuntime runtime) {
        this.runtime = runtime;
    }

    /** Captures the builtins; called at the runtime's first entry, before any script runs. */
    void capture() {
        if (function == null) function = runtime.internalFunction(SOURCE);
    }

    /** Releases the captured function (an engine image must not hold it). */
    void release() {
        if (function != null) runtime.engineBackend().release(function);
        function = null;
    }

    /** Runs operation {@code op} directly in the engine (no user code runs). */
    JsValue direct(int op, JsValue... args) {
        EngineBackend backend = runtime.engineBackend();
        if (function == null) runtime.ensureCaptured();
        JsValue[] all = new JsValue[args.length + 1];
        all[0] = JsValue.of(op);
        System.arraycopy(args, 0, all, 1, args.length);
        return backend.call(function, JsValue.undefined(), Arrays.asList(all));
    }

    /** Runs operation {@code op} as an entry from Java: user code may run (traps, setters), under the runtime's limits. */
    JsValue entered(int op, JsValue... args) {
        if (function == null) runtime.ensureCaptured();
        return runtime.enterInternal(() -> direct(op, args));
    }

    /** {@code array.push(...values)} by the engine's own push; the new length. */
    int push(JsArray array, List<? extends JsValue> values) {
        runtime.checkArgs(values);
        JsValue[] args = new JsValue[values.size() + 1];
        args[0] = array;
        for (int i = 0; i < values.size(); i++) args[i + 1] = values.get(i);
        return (int) entered(PUSH, args).asNumber();
    }
}
