package org.jsi4j.v8;

import com.caoccao.javet.interop.callback.JavetCallbackType;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IJavetDirectCallable;
import com.caoccao.javet.interop.callback.JavetCallbackContext;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueInteger;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueGlobalObject;
import com.caoccao.javet.values.reference.V8ValueObject;
import java.util.ArrayList;
import java.util.List;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.spi.RuntimeServices;

/**
 * Every call from JavaScript into Java goes through one native function per runtime, the
 * trampoline: {@code T(op, id, ...)}. Host functions are small JavaScript wrappers and host
 * objects are {@code Proxy}s whose traps call it; they look it up on the global object at each
 * call and never capture it, so that it can be detached (for a V8 snapshot, which refuses to
 * serialize a Java callback) and attached again.
 */
final class V8Bridge {
    /** The trampoline's global name: non-enumerable, read-only, unlikely to collide. */
    static final String TRAMPOLINE = "__jsi4j$v8$trampoline";
    /** The helpers made by {@link #BOOTSTRAP}, kept on the global (non-enumerable) too. */
    static final String HELPERS = "__jsi4j$v8$bridge";
    /** What the getOwnPropertyDescriptor trap receives for a property the host object lacks. */
    static final String ABSENT = "\u0000jsi4j:absent\u0000";

    static final int CALL = 0;
    static final int GET = 1;
    static final int SET = 2;
    static final int HAS = 3;
    static final int DELETE = 4;
    static final int KEYS = 5;
    static final int DESCRIBE = 6;

    private static final String BOOTSTRAP = """
            (function (N, ABSENT, ROOM) {
              'use strict';
              var g = globalThis, R = Reflect, define = Object.defineProperty;
              var proxies = new WeakMap(), targets = new WeakMap();
              // what the bridge made, weakly by id: a snapshot asks which are still alive
              var made = {fn: [], host: []};
              // Before each call into Java: fail with a RangeError unless ROOM stack slots are free, so
              // that Java code re-entering V8 never starts below V8's stack limit (V8 aborts then).
              var room = new Array(ROOM).fill(0), empty = Function.prototype;
              // intrinsics errorInfo reads thrown values with, captured before any script runs
              var gopd = Object.getOwnPropertyDescriptor, getProto = Object.getPrototypeOf, isArray = Array.isArray;
              var hasOwn = Object.prototype.hasOwnProperty, symbolText = Symbol.prototype.toString, Str = String;
              var ErrorCtor = Error, ErrorProto = Error.prototype, SyntaxProto = SyntaxError.prototype, ACCESSOR = {};
              var stackGetter = (gopd(new Error(), 'stack') || {}).get;
              function headroom() { R.apply(empty, undefined, room); }
              function fn(id, name, length) {
                var f = function () { headroom(); return g[N](0, id, this, ...arguments); };
                define(f, 'name', {value: name});
                define(f, 'length', {value: length});
                made.fn[id] = new WeakRef(f);
                return f;
              }
              function own(v) { return {value: v, writable: true, enumerable: true, configurable: true}; }
              var handler = {
                get: function (t, k, r) {
                  if (typeof k === 'symbol') return R.get(t, k, r);
                  headroom();
                  var v = g[N](1, targets.get(t), k);
                  return v === undefined ? R.get(t, k, r) : v;
                },
                set: function (t, k, v, r) {
                  if (typeof k === 'symbol') return R.defineProperty(proxies.has(r) ? t : r, k, own(v));
                  if (proxies.get(r) !== targets.get(t)) return R.defineProperty(r, k, own(v));
                  headroom();
                  g[N](2, targets.get(t), k, v);
                  return true;
                },
                has: function (t, k) {
                  if (typeof k === 'symbol') return R.has(t, k);
                  headroom();
                  return g[N](3, targets.get(t), k) || R.has(t, k);
                },
                deleteProperty: function (t, k) {
                  if (typeof k === 'symbol') return R.deleteProperty(t, k);
                  headroom();
                  return g[N](4, targets.get(t), k);
                },
                ownKeys: function (t) { headroom(); return g[N](5, targets.get(t)); },
                getOwnPropertyDescriptor: function (t, k) {
                  if (typeof k === 'symbol') return R.getOwnPropertyDescriptor(t, k);
                  headroom();
                  var v = g[N](6, targets.get(t), k);
                  return v === ABSENT ? undefined : own(v);
                },
                defineProperty: function (t, k, d) {
                  if (typeof k === 'symbol') return R.defineProperty(t, k, d);
                  if (!('value' in d)) return false;
                  headroom();
                  g[N](2, targets.get(t), k, d.value);
                  return true;
                }
              };
              var dates = {
                get: function (t, k) { var v = R.get(t, k, t); return typeof v === 'function' ? v.bind(t) : v; }
              };
              function host(id) {
                var t = {}, p = new Proxy(t, handler);
                targets.set(t, id);
                proxies.set(p, id);
                made.host[id] = new WeakRef(p);
                return p;
              }
              var helpers = {
                fn: fn,
                host: host,
                alive: function (kind) {
                  var ids = [];
                  made[kind].forEach(function (w, id) { if (w.deref() !== undefined) ids.push(id); });
                  return ids;
                },
                idOf: function (o) { var id = proxies.get(o); return id === undefined ? -1 : id; },
                keys: function (o) { return Object.keys(o); },
                global: function () { return g; },
                has: function (o, k) { return k in o; },
                remove: function (o, k) { return R.deleteProperty(o, k); },
                instanceOf: function (o, c) { return o instanceof c; },
                set: function (o, k, v) { o[k] = v; },
                symbol: function (d) { return d === undefined ? Symbol() : Symbol(d); },
                error: function (type, message, stack, props) {
                  var C = typeof g[type] === 'function' ? g[type] : Error, e = new C(message);
                  define(e, 'stack', {value: stack, writable: true, configurable: true});
                  return Object.assign(e, props);
                },
                date: function (t) { return new Proxy(new Date(t), dates); },
                // [name, message, stack, isSyntaxError] of a thrown value (see V8ThrownValue): data
                // properties only, read with the intrinsics captured above, never a script's getter
                errorInfo: function (e, walk) {
                  try {
                    var t = typeof e;
                    if (t === 'symbol') return [null, R.apply(symbolText, e, []), null, false];
                    if (e === null || (t !== 'object' && t !== 'function')) return [null, Str(e), null, false];
                    var isError = false, isSyntax = false;
                    for (var o = walk ? getProto(e) : null, i = 0; o !== null && i < 64; o = getProto(o), i++) {
                      if (o === ErrorProto) isError = true;
                      if (o === SyntaxProto) isSyntax = true;
                    }
                    if (!isError) return [null, isArray(e) ? '[object Array]' : t === 'function' ? '[object Function]' : '[object Object]', null, false];
                    var name = data(e, 'name', walk), message = data(e, 'message', walk);
                    var plainName = name === undefined || typeof name === 'string';
                    var plainMessage = message === undefined || typeof message === 'string';
                    var stack = null, own = gopd(e, 'stack');
                    if (own !== undefined && R.apply(hasOwn, own, ['value'])) {
                      if (typeof own.value === 'string') stack = own.value;
                    } else if (own !== undefined && own.get === stackGetter && walk && plainName && plainMessage && !prepares()) {
                      stack = R.apply(stackGetter, e, []);
                      if (typeof stack !== 'string') stack = null;
                    }
                    return [typeof name === 'string' ? name : 'Error', typeof message === 'string' ? message : '', stack, isSyntax];
                  } catch (x) {
                    return [null, '(a value jsi4j could not read)', null, false];
                  }
                }
              };
              // the value of k found first along o's chain (own only unless walk), ACCESSOR for a getter
              function data(o, k, walk) {
                for (var i = 0; o !== null && i < 64; i++) {
                  var d = gopd(o, k);
                  if (d !== undefined) return R.apply(hasOwn, d, ['value']) ? d.value : ACCESSOR;
                  if (!walk) return undefined;
                  o = getProto(o);
                }
                return undefined;
              }
              // whether formatting a stack would call a script's Error.prepareStackTrace
              function prepares() {
                var p = gopd(ErrorCtor, 'prepareStackTrace');
                return p !== undefined && R.apply(hasOwn, p, ['value']) && typeof p.value === 'function';
              }
              define(g, '__jsi4j$v8$bridge', {value: helpers, configurable: true});
              return helpers;
            })""";

    private final V8Runtime rt;
    private final RuntimeServices services;
    private final V8Backend backend;
    private final List<HostFunction> functions = new ArrayList<>();
    private final List<HostObject> hosts = new ArrayList<>();
    /**
     * Stack slots (8 bytes each) that must be free below a call into Java: 16 KB, enough for the
     * Java and JNI frames between a host callback and a nested entry into V8. Without it, a host
     * function called by JavaScript recursing near V8's stack limit, which then calls back into
     * JavaScript, makes V8 abort the process ({@code Check failed: IsOnCentralStack()}).
     */
    static final int HEADROOM_SLOTS = 2048;
    /** Host calls that may nest; V8 needs about 5 KB of its stack per level. */
    static final int MAX_NESTING = 48;

    private JavetCallbackContext context;
    private int nesting;
    private V8ValueObject helpers;

    V8Bridge(V8Runtime rt, RuntimeServices services, V8Backend backend) {
        this.rt = rt;
        this.services = services;
        this.backend = backend;
    }

    /** The JavaScript helpers, attaching the trampoline first when it is not. */
    V8ValueObject helpers() throws JavetException {
        if (helpers == null) attach();
        return helpers;
    }

    /**
     * Binds the trampoline to the global object and finds (or makes) the helpers. Idempotent;
     * after a {@link #detach()} it restores what scripts need to reach Java.
     */
    void attach() throws JavetException {
        if (context != null) return;
        JavetCallbackContext ctx = new JavetCallbackContext(TRAMPOLINE, JavetCallbackType.DirectCallThisAndResult,
                (IJavetDirectCallable.ThisAndResult<Exception>) (thisObject, args) -> dispatch(args));
        try (V8ValueFunction trampoline = rt.createV8ValueFunction(ctx);
             V8ValueGlobalObject global = rt.getGlobalObject();
             V8ValueFunction define = rt.getExecutor(
                     "(function (g, n, f) { Object.defineProperty(g, n, {value: f, configurable: true}); })").execute()) {
            define.callVoid(null, global, rt.createV8ValueString(TRAMPOLINE), trampoline);
            context = ctx;
            V8Value existing = global.get(HELPERS);
            if (existing instanceof V8ValueObject o) {
                helpers = o;
            } else {
                existing.close();
                try (V8ValueFunction boot = rt.getExecutor(BOOTSTRAP).setResourceName("jsi4j:v8-bridge").execute()) {
                    helpers = boot.call(null, rt.createV8ValueString(TRAMPOLINE), rt.createV8ValueString(ABSENT),
                            rt.createV8ValueInteger(HEADROOM_SLOTS));
                }
            }
        } catch (JavetException | RuntimeException e) {
            if (context == null) rt.removeCallbackContext(ctx.getHandle());
            throw e;
        }
    }

    /**
     * Unbinds the trampoline and drops every Java handle the bridge holds, leaving the heap
     * free of Java callbacks (what a V8 snapshot requires). Wrappers and proxies stay in the heap;
     * calling one before {@link #attach()} throws a JavaScript error. Idempotent.
     */
    void detach() throws JavetException {
        if (helpers != null) {
            helpers.close();
            helpers = null;
        }
        if (context == null) return;
        if (!rt.isClosed()) {
            try (V8ValueGlobalObject global = rt.getGlobalObject()) {
                global.delete(TRAMPOLINE);
            }
            rt.removeCallbackContext(context.getHandle());
        }
        context = null;
    }

    /** Whether the trampoline is bound. */
    boolean isAttached() {
        return context != null;
    }

    /** A JavaScript function that runs {@code function}. */
    V8ValueFunction newFunction(String name, int length, HostFunction function) throws JavetException {
        int id = functions.size();
        functions.add(function);
        return helpers().invoke("fn", rt.createV8ValueInteger(id), rt.createV8ValueString(name),
                rt.createV8ValueInteger(length));
    }

    /** A {@code Proxy} whose traps reach {@code host}. */
    V8ValueObject newHostObject(HostObject host) throws JavetException {
        int id = hosts.size();
        hosts.add(host);
        return helpers().invoke("host", rt.createV8ValueInteger(id));
    }

    /** The host object behind {@code object}, or {@code null}. */
    HostObject hostObjectOf(V8Value object) throws JavetException {
        if (hosts.isEmpty() || !(object instanceof V8ValueObject)) return null;
        Integer id = helpers().invokeInteger("idOf", object);
        return id == null || id < 0 ? null : hosts.get(id);
    }

    /** The ids of the host functions ({@code "fn"}) or host objects ({@code "host"}) still alive in the heap. */
    List<Integer> aliveIds(String kind) throws JavetException {
        try (V8ValueArray ids = helpers().invoke("alive", rt.createV8ValueString(kind))) {
            List<Integer> out = new ArrayList<>(ids.getLength());
            for (int i = 0; i < ids.getLength(); i++) out.add(ids.getInteger(i));
            return out;
        }
    }

    /** The id of {@code implementation} (a host function or object made here), or -1. */
    int idOf(Object implementation) {
        List<?> made = implementation instanceof HostFunction ? functions : hosts;
        for (int id = 0; id < made.size(); id++) if (made.get(id) == implementation) return id;
        return -1;
    }

    /** Host function ids in use. */
    int functionCount() {
        return functions.size();
    }

    /** Host object ids in use. */
    int hostCount() {
        return hosts.size();
    }

    /**
     * After a restore from a native image: the heap's wrappers and proxies call Java by the ids
     * they had; binds each named external's new implementation to its old id. Other ids stay
     * empty (a snapshot is taken only when none of them is reachable).
     */
    void rebind(V8Image image, java.util.Map<String, Object> externals) {
        for (int i = 0; i < image.functionCount(); i++) functions.add(null);
        for (int i = 0; i < image.hostCount(); i++) hosts.add(null);
        image.functions().forEach((name, id) -> functions.set(id, (HostFunction) externals.get(name)));
        image.hosts().forEach((name, id) -> hosts.set(id, (HostObject) externals.get(name)));
    }

    private static IllegalStateException notRebound(String what, int id) {
        return new IllegalStateException("This " + what + " (#" + id + ") came from the V8 native image of a snapshot"
                + " but was not a named external, so nothing was rebound to it; register it with runtime.external(...)");
    }

    private V8Value dispatch(V8Value[] args) {
        if (nesting >= MAX_NESTING) {
            // V8 aborts the process when it finds its stack exhausted while re-entered from a callback.
            rt.throwError(com.caoccao.javet.enums.V8ValueErrorType.RangeError,
                    "Maximum call stack size exceeded (more than " + MAX_NESTING + " nested calls between JavaScript and Java)");
            return rt.createV8ValueUndefined();
        }
        nesting++;
        boolean outer = backend.callbackStarts();
        try {
            return (V8Value) services.hostCall(() -> {
                try {
                    return run(args);
                } catch (JavetException e) {
                    throw backend.translate(e);
                }
            });
        } catch (JsTerminatedException e) {
            // A nested entry was stopped: unwind the whole script, uncatchably, and rethrow it outside.
            backend.terminateFromCallback(e);
            return rt.createV8ValueUndefined();
        } finally {
            backend.callbackEnds(outer);
            nesting--;
        }
    }

    private V8Value run(V8Value[] args) throws JavetException {
        int op = ((V8ValueInteger) args[0]).getValue();
        int id = ((V8ValueInteger) args[1]).getValue();
        JsRuntime runtime = services.runtime();
        if (op == CALL) {
            JsValue self = backend.toJs(args[2]);
            List<JsValue> params = new ArrayList<>(args.length - 3);
            for (int i = 3; i < args.length; i++) params.add(backend.toJs(args[i]));
            HostFunction function = functions.get(id);
            if (function == null) throw notRebound("host function", id);
            JsValue result = function.call(runtime, self, params);
            return backend.toV8Result(result == null ? JsValue.undefined() : result);
        }
        HostObject host = hosts.get(id);
        if (host == null) throw notRebound("host object", id);
        if (op == KEYS) return rt.toV8Value(new ArrayList<>(host.propertyNames(runtime)));
        String name = ((V8ValueString) args[2]).getValue();
        return switch (op) {
            case GET -> {
                JsValue v = host.get(runtime, name);
                yield backend.toV8Result(v == null ? JsValue.undefined() : v);
            }
            case SET -> {
                host.set(runtime, name, backend.toJs(args[3]));
                yield rt.createV8ValueUndefined();
            }
            case HAS -> rt.createV8ValueBoolean(host.has(runtime, name));
            case DELETE -> rt.createV8ValueBoolean(host.delete(runtime, name));
            case DESCRIBE -> {
                if (!host.has(runtime, name)) yield rt.createV8ValueString(ABSENT);
                JsValue v = host.get(runtime, name);
                yield backend.toV8Result(v == null ? JsValue.undefined() : v);
            }
            default -> throw new IllegalStateException("unknown trampoline operation " + op);
        };
    }
}
