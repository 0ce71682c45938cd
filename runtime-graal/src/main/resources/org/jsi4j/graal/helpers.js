// jsi4j's helpers inside every GraalJS context, evaluated once per runtime before any script runs.
// The result is a function that takes the Java-side markers and returns the helpers as an array
// (see GraalHelpers for the order). Nothing here is reachable from scripts: the helpers live only in
// this closure, and every builtin they use is captured now, so a script that later replaces a global
// (String, Object, Reflect, Array.prototype...) changes nothing here.
//
// Tagging: a JavaScript number reaches Java as a polyglot number, and so does a BigInt; undefined and
// null are both polyglot nulls. Telling them apart in Java costs a meta-object lookup per value, so
// every value that crosses to Java through these helpers is tagged here, where `typeof` is free:
// undefined becomes the Java marker UNDEFINED, a BigInt becomes bigTag(value) (a Java record), and the
// global object as `this` becomes GLOBAL. Everything else crosses untouched.
(function (UNDEFINED, GLOBAL, bigTag) {
    'use strict';
    delete globalThis.Java;
    const G = globalThis;
    const apply = Reflect.apply, construct = Reflect.construct, reflectGet = Reflect.get, reflectSet = Reflect.set,
        reflectHas = Reflect.has, reflectDelete = Reflect.deleteProperty, reflectDefine = Reflect.defineProperty,
        ownKeys = Reflect.ownKeys, getPrototypeOf = Reflect.getPrototypeOf, defineProperty = Object.defineProperty,
        keys = Object.keys, isArray = Array.isArray, arrayOf = Array.of, create = Object.create, freeze = Object.freeze,
        getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
    const ObjectPrototype = Object.prototype, ErrorPrototype = Error.prototype;
    const SymbolFn = Symbol, BigIntFn = BigInt, WeakRefFn = WeakRef, WeakMapFn = WeakMap, ProxyFn = Proxy,
        ArrayBufferFn = ArrayBuffer, RangeErrorFn = RangeError;
    const symbolDescription = getOwnPropertyDescriptor(Symbol.prototype, 'description').get;
    const isArrayBuffer = getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
    const weakGet = WeakMap.prototype.get, weakSet = WeakMap.prototype.set, deref = WeakRef.prototype.deref;

    const tag = v => v === undefined ? UNDEFINED : typeof v === 'bigint' ? bigTag(v) : v;

    // host objects: a JS Proxy over an empty ordinary object whose traps reach the Java ProxyObject
    // `host` with plain member accesses (`host[key]`), which GraalJS compiles to cached interop calls.
    // The ProxyObject claims every name (GraalJS asks before each read), so `in` and descriptors ask
    // the host through `hostHas`. Writes through an object that inherits from the host object stay on
    // that object. Symbol keys reach the host through `hostSymbol(op, key, value)`, apart from the
    // string path (1 get, 2 set, 3 has, 4 delete, 5 list). Traps check invariants against that target, which
    // is cheap; a foreign target would be asked for a descriptor (a host read) on every write.
    const targets = new WeakMapFn();   // face -> ProxyObject, for hostObjectOf
    function hostObject(host, hostHas, hostSymbol) {
        let face;
        const handler = {
            get(t, key, receiver) {
                if (typeof key === 'string') {
                    const v = host[key];
                    if (v !== undefined) return v;
                } else {
                    const v = hostSymbol(1, key);
                    if (v !== undefined) return v;
                }
                return reflectGet(t, key, receiver);
            },
            set(t, key, value, receiver) {
                if (receiver !== face) {
                    return reflectDefine(receiver, key, {__proto__: null, value, writable: true, enumerable: true, configurable: true});
                }
                if (typeof key !== 'string') {
                    hostSymbol(2, key, tag(value));
                    return true;
                }
                host[key] = value === undefined ? UNDEFINED : typeof value === 'bigint' ? bigTag(value) : value;
                return true;
            },
            has(t, key) {
                return (typeof key === 'string' ? hostHas(key) : hostSymbol(3, key)) || reflectHas(t, key);
            },
            deleteProperty(t, key) {
                return typeof key === 'string' ? reflectDelete(host, key) : hostSymbol(4, key);
            },
            ownKeys(t) {
                // the names come as a foreign array; a trap must return a JS one
                const names = ownKeys(host), symbols = hostSymbol(5), out = [];
                for (let i = 0; i < names.length; i++) append(out, names[i]);
                for (let i = 0; i < symbols.length; i++) append(out, symbols[i]);
                return out;
            },
            getOwnPropertyDescriptor(t, key) {
                if (typeof key !== 'string') {
                    if (!hostSymbol(3, key)) return undefined;
                    return {__proto__: null, value: hostSymbol(1, key), writable: true, enumerable: true, configurable: true};
                }
                if (!hostHas(key)) return undefined;
                return {__proto__: null, value: host[key], writable: true, enumerable: true, configurable: true};
            },
            defineProperty(t, key, descriptor) {
                if (!reflectHas(descriptor, 'value')) return false;
                const value = descriptor.value;
                if (typeof key !== 'string') {
                    hostSymbol(2, key, tag(value));
                    return true;
                }
                host[key] = value === undefined ? UNDEFINED : typeof value === 'bigint' ? bigTag(value) : value;
                return true;
            }
        };
        face = new ProxyFn({}, handler);
        apply(weakSet, targets, [face, host]);
        return face;
    }

    // host functions: a method (so not a constructor, like builtins) in strict mode (so `this` is not
    // coerced, like builtins). Plain calls (`this` undefined, the common case) reach `call`, which gets
    // exactly the arguments, as a raw ProxyExecutable would; other calls reach `callWithThis` with the
    // tagged `this` first. Up to three arguments pass without rest arrays or spreads.
    // Arrays are built without assigning to missing indices (a setter on Array.prototype would run)
    // and without spreads (Array.prototype[Symbol.iterator] is replaceable).
    function append(list, value) {
        reflectDefine(list, list.length, {__proto__: null, value, writable: true, enumerable: true, configurable: true});
    }
    function tagAll(args) {
        const out = apply(arrayOf, undefined, args);
        for (let i = 0; i < out.length; i++) {
            const a = out[i];
            if (a === undefined || typeof a === 'bigint') out[i] = tag(a);
        }
        return out;
    }
    const hostFunctions = new WeakMapFn();   // function -> its ProxyExecutable, for hostFunctionOf
    function hostFunction(call, callWithThis, name, length) {
        const f = ({
            fn(a, b, c) {
                const n = arguments.length;
                if (this === undefined) {
                    if (n === 0) return call();
                    if (n <= 3) {
                        if (a === undefined || typeof a === 'bigint') a = tag(a);
                        if (n === 1) return call(a);
                        if (b === undefined || typeof b === 'bigint') b = tag(b);
                        if (n === 2) return call(a, b);
                        if (c === undefined || typeof c === 'bigint') c = tag(c);
                        return call(a, b, c);
                    }
                    return apply(call, undefined, tagAll(arguments));
                }
                const list = [this === G ? GLOBAL : this];
                for (let i = 0; i < n; i++) append(list, tag(arguments[i]));
                return apply(callWithThis, undefined, list);
            }
        }).fn;
        defineProperty(f, 'name', {__proto__: null, value: name});
        defineProperty(f, 'length', {__proto__: null, value: length});
        apply(weakSet, hostFunctions, [f, call]);
        return f;
    }

    // what an error thrown to Java says, read without trusting it: every read is guarded, every result
    // must already be a string, and nothing replaceable (String, Error, Array.prototype.join) is used
    function text(o, key) {
        try {
            const v = reflectGet(o, key);
            return typeof v === 'string' ? v : null;
        } catch (x) {
            return null;
        }
    }
    function errorInfo(e) {
        if ((typeof e !== 'object' && typeof e !== 'function') || e === null) {
            return [null, typeof e === 'string' ? e : null, null, ''];
        }
        let isError = false, makers = '';
        try {
            for (let p = getPrototypeOf(e), n = 0; p !== null && n < 100; p = getPrototypeOf(p), n++) {
                if (p === ErrorPrototype) isError = true;
                if (p === ObjectPrototype) break;
                const c = getOwnPropertyDescriptor(p, 'constructor');
                const f = c === undefined ? undefined : c.value;
                if (typeof f === 'function') {
                    const d = getOwnPropertyDescriptor(f, 'name');
                    if (d !== undefined && typeof d.value === 'string') makers += (makers === '' ? '' : ',') + d.value;
                }
            }
        } catch (x) {
            // a Proxy in the chain refused: what was found so far stands
        }
        if (!isError) return [null, null, null, makers];
        return [text(e, 'name'), text(e, 'message'), text(e, 'stack'), makers];
    }

    const helpers = [
        /* 0 UNDEFINED_VALUE */ undefined,
        /* 1 hostObject */ hostObject,
        /* 2 hostTarget */ o => { const t = apply(weakGet, targets, [o]); return t === undefined ? null : t; },
        /* 3 hostFunction */ hostFunction,
        /* 4 thrower */ e => { throw e; },
        /* 5 get */ (o, k) => tag(o[k]),
        /* 6 set */ (o, k, v) => { o[k] = v; },
        /* 7 has */ (o, k) => k in o,
        /* 8 delete */ (o, k) => reflectDelete(o, k),
        /* 9 keys */ o => keys(o),
        /* 10 call */ (f, self, ...args) => tag(apply(f, self, args)),
        /* 11 construct */ (f, ...args) => construct(f, args),
        /* 12 instanceOf */ (o, c) => o instanceof c,
        /* 13 same */ (a, b) => a === b,
        /* 14 newObject */ () => ({}),
        /* 15 newArray */ (...elements) => elements,
        /* 16 newArrayBuffer */ size => new ArrayBufferFn(size),
        /* 17 newSymbol */ d => d === null ? SymbolFn() : SymbolFn(d),
        /* 18 newBigInt */ t => BigIntFn(t),
        /* 19 kind */ o => {
            if (typeof o === 'function') return 2;
            if (isArray(o)) return 1;
            try { apply(isArrayBuffer, o, []); return 3; } catch (x) { return 0; }
        },
        /* 20 weak */ o => new WeakRefFn(o),
        /* 21 deref */ w => { const o = apply(deref, w, []); return o === undefined ? null : o; },
        /* 22 symbolDescription */ s => { const d = apply(symbolDescription, s, []); return d === undefined ? null : d; },
        /* 23 errorInfo */ errorInfo,
        /* 24 rangeError */ m => new RangeErrorFn(m),
        /* 25 tag */ tag,
        /* 26 global */ G,
        /* 27 caller: what Java calls to call f with undefined `this`, made once per handle */
        f => function (a, b, c) {
            switch (arguments.length) {
                case 0: return tag(f());
                case 1: return tag(f(a));
                case 2: return tag(f(a, b));
                case 3: return tag(f(a, b, c));
            }
            return tag(apply(f, undefined, arguments));
        },
        /* 28 hostFunctionOf */ o => { const c = apply(weakGet, hostFunctions, [o]); return c === undefined ? null : c; },
        /* 29 NULL_VALUE: JavaScript's own null (a Java null reaches the guest as a foreign null) */ null
    ];
    return freeze(helpers);
})
