package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;

/**
 * The JavaScript half of the crossing: one bootstrap closure per runtime, run before any script,
 * that makes host functions and host objects and keeps what the backend needs (captured
 * built-ins, the registry of what it made). Nothing of it is stored where a script can reach it:
 * Java holds the only handle to the helpers object, and the native callbacks live in closure
 * cells that only the helpers can clear and refill.
 *
 * <p>A host function is a strict JavaScript function whose body is one {@code Reflect.apply} of
 * a per-function Javet direct callback held in its cell: when {@code this} is {@code undefined}
 * (every plain call) the arguments object goes straight to a callback without a receiver; an
 * object receiver goes to one that takes V8's receiver; a primitive or {@code null} receiver
 * (which V8 would box or replace) comes first among the arguments of a third. Why not
 * one native function bound as the host function itself: a native function never sees
 * {@code undefined} as its receiver (V8 gives it the global proxy, and boxes primitives), and
 * Javet materialises that receiver as a new V8 handle on every call (measured: ~1,000 ns per call
 * against ~690 ns without it); only JavaScript can see that a call has no receiver and skip it. A
 * host object is a {@code Proxy} whose handler closures call one per-object direct callback
 * ({@code h(op, key[, value])}) with no handle at all. See {@link V8HostFunction} and
 * {@link V8HostObject} for the Java side.
 *
 * <p>V8 refuses a startup snapshot while any native callback is reachable, so
 * {@link #detach()} empties every cell (the functions and proxies stay in the heap, ids in
 * their closures) and {@link #reattach()} binds fresh callbacks to the ids still alive: after the
 * snapshot in the same runtime, or after a restore with the externals' new implementations.
 */
final class V8Bridge {
    /** What the host callback answers for a property the host object lacks (describe). */
    static final String ABSENT = "\u0000jsi4j:absent\u0000";

    /** The bridge's source, evaluated once per new runtime to the function {@link #boot} calls. */
    static final String BOOTSTRAP_NAME = "jsi4j:v8-bridge";
    static final String BOOTSTRAP = """
            (function (ABSENT, ROOM) {
              'use strict';
              // Everything is captured now, before any script runs: later changes to the built-ins
              // (Reflect, WeakMap.prototype, Object.prototype...) do not reach the crossing.
              var g = globalThis, R = Reflect, apply = R.apply, rGet = R.get, rHas = R.has,
                  rDefine = R.defineProperty, rDelete = R.deleteProperty, rDescribe = R.getOwnPropertyDescriptor,
                  define = Object.defineProperty, keys = Object.keys, assign = Object.assign,
                  uncurry = function (f) { return apply(Function.prototype.bind, Function.prototype.call, [f]); },
                  wmGet = uncurry(WeakMap.prototype.get), wmSet = uncurry(WeakMap.prototype.set),
                  wmHas = uncurry(WeakMap.prototype.has), deref = uncurry(WeakRef.prototype.deref),
                  push = uncurry(Array.prototype.push), parse = JSON.parse, slice = String.prototype.slice, WR = WeakRef, P = Proxy, D = Date, S = Symbol;
              // intrinsics errorInfo reads thrown values with (see V8ThrownValue)
              var gopd = Object.getOwnPropertyDescriptor, getProto = Object.getPrototypeOf, isArray = Array.isArray;
              var hasOwn = Object.prototype.hasOwnProperty, symbolText = Symbol.prototype.toString, Str = String;
              var ErrorCtor = Error, ErrorProto = Error.prototype, SyntaxProto = SyntaxError.prototype, ACCESSOR = {};
              var stackGetter = (gopd(new Error(), 'stack') || {}).get;
              // the value of k found first along o's chain (own only unless walk), ACCESSOR for a getter
              function data(o, k, walk) {
                for (var i = 0; o !== null && i < 64; i++) {
                  var d = gopd(o, k);
                  if (d !== undefined) return apply(hasOwn, d, ['value']) ? d.value : ACCESSOR;
                  if (!walk) return undefined;
                  o = getProto(o);
                }
                return undefined;
              }
              // whether formatting a stack would call a script's Error.prepareStackTrace
              function prepares() {
                var p = gopd(ErrorCtor, 'prepareStackTrace');
                return p !== undefined && apply(hasOwn, p, ['value']) && typeof p.value === 'function';
              }
              // guard.on: check the stack headroom before each crossing (Java sets it, see reentered())
              var guard = {__proto__: null, on: false};
              var room = new Array(ROOM).fill(0), empty = function () {};
              function headroom() { apply(empty, undefined, room); }
              var proxies = new WeakMap();                   // host object proxy -> id
              var fnIds = new WeakMap();                     // host function -> id
              var made = {fn: {__proto__: null}, host: {__proto__: null}};  // id -> WeakRef(cell)
              // [receiver, ...args] built without the iteration protocol or inherited setters
              function withReceiver(self, args) {
                var a = [], n = args.length;
                rDefine(a, 0, {__proto__: null, value: self, writable: true, enumerable: true, configurable: true});
                for (var i = 0; i < n; i++) {
                  rDefine(a, i + 1, {__proto__: null, value: args[i], writable: true, enumerable: true, configurable: true});
                }
                return a;
              }
              function fn(id, name, length, n, t, p) {
                var cell = {__proto__: null, n: n, t: t, p: p};
                var f = function () {
                  if (guard.on) headroom();
                  if (this === undefined) return apply(cell.n, undefined, arguments);
                  var k = typeof this;
                  if ((k === 'object' && this !== null) || k === 'function') return apply(cell.t, this, arguments);
                  return apply(cell.p, undefined, withReceiver(this, arguments));
                };
                define(f, 'name', {__proto__: null, value: name});
                define(f, 'length', {__proto__: null, value: length});
                made.fn[id] = new WR(cell);
                wmSet(fnIds, f, id);
                return f;
              }
              function own(v) { return {__proto__: null, value: v, writable: true, enumerable: true, configurable: true}; }
              function host(id, h) {
                var cell = {__proto__: null, h: h}, p;
                var handler = {
                  __proto__: null,
                  get: function (t, k, r) {
                    if (typeof k === 'symbol') { var s = cell.h(7, k); return s === undefined ? rGet(t, k, r) : s; }
                    if (guard.on) headroom();
                    var v = cell.h(1, k);
                    return v === undefined ? rGet(t, k, r) : v;
                  },
                  set: function (t, k, v, r) {
                    if (r !== p) return rDefine(r, k, own(v));
                    if (typeof k === 'symbol') { cell.h(8, k, v); return true; }
                    if (guard.on) headroom();
                    cell.h(2, k, v);
                    return true;
                  },
                  has: function (t, k) {
                    if (typeof k === 'symbol') return cell.h(9, k) || rHas(t, k);
                    if (guard.on) headroom();
                    return cell.h(3, k) || rHas(t, k);
                  },
                  deleteProperty: function (t, k) {
                    if (typeof k === 'symbol') return cell.h(10, k);
                    if (guard.on) headroom();
                    return cell.h(4, k);
                  },
                  // the names come as JSON: JSON.parse defines the elements, where building the
                  // array through Javet would run a script's Array.prototype index setters
                  // '+' before the names: the host has symbols too, asked one by one (op 12, index)
                  ownKeys: function (t) {
                    if (guard.on) headroom();
                    var ks = cell.h(6);
                    if (ks[0] !== '+') return parse(ks);
                    var out = parse(apply(slice, ks, [1]));
                    for (var i = 0, s; (s = cell.h(12, i)) !== undefined; i++) rDefine(out, out.length, own(s));
                    return out;
                  },
                  getOwnPropertyDescriptor: function (t, k) {
                    if (guard.on) headroom();
                    var v = cell.h(typeof k === 'symbol' ? 11 : 5, k);
                    return v === ABSENT ? undefined : own(v);
                  },
                  defineProperty: function (t, k, d) {
                    if (!('value' in d)) return false;
                    if (guard.on) headroom();
                    cell.h(typeof k === 'symbol' ? 8 : 2, k, d.value);
                    return true;
                  }
                };
                p = new P({}, handler);
                wmSet(proxies, p, id);
                made.host[id] = new WR(cell);
                return p;
              }
              var dates = {
                __proto__: null,
                get: function (t, k) { var v = rGet(t, k, t); return typeof v === 'function' ? apply(Function.prototype.bind, v, [t]) : v; }
              };
              return {
                __proto__: null,
                fn: fn,
                host: host,
                guard: guard,
                // ids whose function or proxy is still alive
                alive: function (kind) {
                  var ids = [], m = made[kind];
                  for (var id in m) if (deref(m[id]) !== undefined) push(ids, +id);
                  return ids;
                },
                // empties every cell: no native callback stays reachable from the heap
                detach: function () {
                  for (var id in made.fn) { var c = deref(made.fn[id]); if (c !== undefined) { c.n = null; c.t = null; c.p = null; } }
                  for (var id in made.host) { var c = deref(made.host[id]); if (c !== undefined) c.h = null; }
                },
                rebindFn: function (id, n, t, p) { var c = deref(made.fn[id]); if (c !== undefined) { c.n = n; c.t = t; c.p = p; } },
                rebindHost: function (id, h) { var c = deref(made.host[id]); if (c !== undefined) c.h = h; },
                idOf: function (o) { var id = wmGet(proxies, o); return id === undefined ? -1 : id; },
                fnIdOf: function (o) { var id = wmGet(fnIds, o); return id === undefined ? -1 : id; },
                keys: function (o) { return keys(o); },
                global: function () { return g; },
                has: function (o, k) { return k in o; },
                remove: function (o, k) { return rDelete(o, k); },
                instanceOf: function (o, c) { return o instanceof c; },
                set: function (o, k, v) { o[k] = v; },
                symbol: function (d) { return d === undefined ? S() : S(d); },
                error: function (type, message, stack, props) {
                  var C = typeof g[type] === 'function' ? g[type] : Error, e = new C(message);
                  define(e, 'stack', {__proto__: null, value: stack, writable: true, configurable: true});
                  return assign(e, props);
                },
                date: function (t) { return new P(new D(t), dates); },
                // [name, message, stack, isSyntaxError] of a thrown value (see V8ThrownValue): data
                // properties only, read with the intrinsics captured above, never a script's getter
                errorInfo: function (e, walk) {
                  try {
                    var t = typeof e;
                    if (t === 'symbol') return [null, apply(symbolText, e, []), null, false];
                    if (e === null || (t !== 'object' && t !== 'function')) return [null, Str(e), null, false];
                    var isError = false, isSyntax = false;
                    for (var o = walk ? getProto(e) : null, i = 0; o !== null && i < 64; o = getProto(o), i++) {
                      if (o === ErrorProto) isError = true;
                      if (o === SyntaxProto) isSyntax = true;
                    }
                    if (!isError) {
                      // a thrown object that is no Error keeps its name when it has one as data ({name: 'Custom'})
                      var ownName = walk ? data(e, 'name', true) : undefined;
                      return [typeof ownName === 'string' ? ownName : null,
                        isArray(e) ? '[object Array]' : t === 'function' ? '[object Function]' : '[object Object]', null, false];
                    }
                    var name = data(e, 'name', walk), message = data(e, 'message', walk);
                    var plainName = name === undefined || typeof name === 'string';
                    var plainMessage = message === undefined || typeof message === 'string';
                    var stack = null, own = gopd(e, 'stack');
                    if (own !== undefined && apply(hasOwn, own, ['value'])) {
                      if (typeof own.value === 'string') stack = own.value;
                    } else if (own !== undefined && own.get === stackGetter && walk && plainName && plainMessage && !prepares()) {
                      stack = apply(stackGetter, e, []);
                      if (typeof stack !== 'string') stack = null;
                    }
                    return [typeof name === 'string' ? name : 'Error', typeof message === 'string' ? message : '', stack, isSyntax];
                  } catch (x) {
                    return [null, '(a value jsi4j could not read)', null, false];
                  }
                }
              };
            })""";

    /**
     * Stack slots (8 bytes each) that must be free when Java code inside a host callback enters
     * V8 again: 16 KB, enough for the frames of the nested entry. Without it, a host function
     * called by JavaScript recursing near V8's stack limit, which then calls back into JavaScript,
     * makes V8 abort the process ({@code Check failed: IsOnCentralStack()}).
     */
    static final int HEADROOM_SLOTS = 2048;

    private final V8Runtime rt;
    private final V8HostFunction functionCalls;
    private final V8HostObject hostCalls;
    /**
     * Host functions by id, held weakly: the native callbacks of the function's closure cell hold
     * it while V8 keeps the function, so a host function (and what it captured) goes with its
     * JavaScript function, as a host object does.
     */
    private final List<java.lang.ref.WeakReference<HostFunction>> functions = new ArrayList<>();
    /** The implementations of live host functions, held while {@link #detach()} has emptied their cells, until {@link #reattach()}. */
    private List<HostFunction> detachedFunctions = List.of();
    /**
     * Host objects by id, held weakly: the object's trap callback holds its host while V8 keeps the
     * object, so a host object (and native state) goes with its JavaScript object.
     */
    private final List<java.lang.ref.WeakReference<HostObject>> hosts = new ArrayList<>();
    /** The hosts of live objects, held while {@link #detach()} has emptied their cells, until {@link #reattach()}. */
    private List<HostObject> detachedHosts = List.of();
    private V8ValueObject helpers;
    /** The bootstrap's guard cell, written without running JavaScript. */
    private V8ValueObject guard;
    private boolean guarded;

    V8Bridge(V8Runtime rt, V8HostFunction functionCalls, V8HostObject hostCalls) {
        this.rt = rt;
        this.functionCalls = functionCalls;
        this.hostCalls = hostCalls;
    }

    /**
     * Runs the bootstrap, or adopts {@code restored}: the helpers of the runtime a native image
     * was taken from, found in the image (see {@link V8SnapshotTaker}).
     */
    void start(V8ValueObject restored) throws JavetException {
        helpers = restored;
        guard = helpers.get("guard");
        guarded = guard.getBoolean("on");
    }

    /** Starts a new bridge from {@code boot}, the function {@link #BOOTSTRAP} evaluates to (closed here). */
    void boot(V8ValueFunction boot) throws JavetException {
        try (boot) {
            start(boot.call(null, rt.createV8ValueString(ABSENT), rt.createV8ValueInteger(HEADROOM_SLOTS)));
        }
    }

    /** The helpers object; Java holds the only handle to it. */
    V8ValueObject helpers() {
        return helpers;
    }

    /** A JavaScript function that runs {@code function}, with {@code name} and {@code length}. */
    V8ValueFunction newFunction(String name, int length, HostFunction function) throws JavetException {
        int id = functions.size();
        functions.add(new java.lang.ref.WeakReference<>(function));
        try (V8ValueFunction n = functionCalls.withoutThis(function); V8ValueFunction t = functionCalls.withThis(function);
             V8ValueFunction p = functionCalls.withPrimitiveThis(function)) {
            return helpers.invoke("fn", rt.createV8ValueInteger(id), rt.createV8ValueString(name),
                    rt.createV8ValueInteger(length), n, t, p);
        }
    }

    /** A {@code Proxy} whose traps reach {@code host}. */
    V8ValueObject newHostObject(HostObject host) throws JavetException {
        int id = hosts.size();
        hosts.add(new java.lang.ref.WeakReference<>(host));
        try (V8ValueFunction h = hostCalls.callback(host)) {
            return helpers.invoke("host", rt.createV8ValueInteger(id), h);
        }
    }

    /** The host function behind {@code function}, or {@code null}. */
    HostFunction hostFunctionOf(V8Value function) throws JavetException {
        if (functions.isEmpty() || !(function instanceof V8ValueFunction)) return null;
        Integer id = helpers.invokeInteger("fnIdOf", function);
        return id == null || id < 0 ? null : function(id);
    }

    /** The host object behind {@code object}, or {@code null}. */
    HostObject hostObjectOf(V8Value object) throws JavetException {
        if (hosts.isEmpty() || !(object instanceof V8ValueObject)) return null;
        Integer id = helpers.invokeInteger("idOf", object);
        return id == null || id < 0 ? null : host(id);
    }

    private HostObject host(int id) {
        return id < hosts.size() ? hosts.get(id).get() : null;
    }

    private HostFunction function(int id) {
        return id < functions.size() ? functions.get(id).get() : null;
    }

    /** The ids of the host functions ({@code "fn"}) or host objects ({@code "host"}) still alive in the heap. */
    List<Integer> aliveIds(String kind) throws JavetException {
        try (V8ValueArray ids = helpers.invoke("alive", rt.createV8ValueString(kind))) {
            List<Integer> out = new ArrayList<>(ids.getLength());
            for (int i = 0; i < ids.getLength(); i++) out.add(ids.getInteger(i));
            return out;
        }
    }

    /** The id of {@code implementation} (a host function or object made here), or -1. */
    int idOf(Object implementation) {
        if (implementation instanceof HostFunction) {
            for (int id = 0; id < functions.size(); id++) if (function(id) == implementation) return id;
            return -1;
        }
        for (int id = 0; id < hosts.size(); id++) if (host(id) == implementation) return id;
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
     * Empties every cell and lets V8 collect the native functions, so that no Java callback is
     * left in the heap (what a V8 snapshot requires). Host functions and objects called before
     * {@link #reattach()} throw a TypeError in the script.
     */
    void detach() throws JavetException {
        List<HostFunction> heldFunctions = new ArrayList<>();
        for (int id : aliveIds("fn")) {
            HostFunction f = function(id);
            if (f != null) heldFunctions.add(f);
        }
        detachedFunctions = heldFunctions;
        List<HostObject> held = new ArrayList<>();
        for (int id : aliveIds("host")) {
            HostObject h = host(id);
            if (h != null) held.add(h);
        }
        detachedHosts = held;
        helpers.invokeVoid("detach");
        rt.lowMemoryNotification();
    }

    /** Binds fresh callbacks to every host function and object still alive that has an implementation. */
    void reattach() throws JavetException {
        for (int id : aliveIds("fn")) {
            HostFunction f = function(id);
            if (f == null) continue;
            try (V8ValueFunction n = functionCalls.withoutThis(f); V8ValueFunction t = functionCalls.withThis(f);
                 V8ValueFunction p = functionCalls.withPrimitiveThis(f)) {
                helpers.invokeVoid("rebindFn", rt.createV8ValueInteger(id), n, t, p);
            }
        }
        for (int id : aliveIds("host")) {
            HostObject h = host(id);
            if (h == null) continue;
            try (V8ValueFunction cb = hostCalls.callback(h)) {
                helpers.invokeVoid("rebindHost", rt.createV8ValueInteger(id), cb);
            }
        }
        detachedFunctions = List.of();
        detachedHosts = List.of();
    }

    /**
     * After a restore from a native image: binds each named external's new implementation to the
     * id it had. Other ids stay empty (a snapshot is taken only when none of them is reachable).
     */
    void rebind(V8Image image, Map<String, Object> externals) throws JavetException {
        List<HostFunction> restoredFunctions = new ArrayList<>();
        for (int i = 0; i < image.functionCount(); i++) restoredFunctions.add(null);
        List<HostObject> restored = new ArrayList<>();
        for (int i = 0; i < image.hostCount(); i++) restored.add(null);
        image.functions().forEach((name, id) -> restoredFunctions.set(id,
                externals.get(name) instanceof HostFunction f ? f : (r, self, args) -> { throw notGiven(name); }));
        for (HostFunction f : restoredFunctions) functions.add(new java.lang.ref.WeakReference<>(f));
        detachedFunctions = restoredFunctions; // held until reattach gives each a callback
        image.hosts().forEach((name, id) -> restored.set(id,
                externals.get(name) instanceof HostObject h ? h : (HostObject) (r, key) -> { throw notGiven(name); }));
        for (HostObject h : restored) hosts.add(new java.lang.ref.WeakReference<>(h));
        detachedHosts = restored; // held until reattach gives each a callback
        reattach();
    }

    private static IllegalStateException notGiven(String name) {
        return new IllegalStateException("The external '" + name + "' came from the V8 native image of a snapshot,"
                + " but this runtime was restored without it; pass it in RuntimeOptions externals");
    }

    /**
     * A host callback enters V8 again (Java code inside it runs JavaScript): from now on every
     * crossing from JavaScript into Java first checks that {@link #HEADROOM_SLOTS} stack slots are
     * free, failing with a RangeError in the script otherwise. The flag is a data property of a
     * null-prototype object that only the bootstrap's closures read; setting it runs no
     * JavaScript, so it is safe even when the stack is past V8's limit.
     */
    void reentered() throws JavetException {
        if (guarded) return;
        guard.set("on", rt.createV8ValueBoolean(true));
        guarded = true;
    }

    /** Lets go of the helpers handle (the runtime is closing). */
    void close() throws JavetException {
        if (!rt.isClosed()) {
            if (guard != null) guard.close();
            if (helpers != null) helpers.close();
        }
        guard = null;
        helpers = null;
    }

    /** The string a host callback received as a property name. */
    static String name(V8Value key) {
        return ((V8ValueString) key).getValue();
    }
}
