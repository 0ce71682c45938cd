// jsi4j's helpers inside every GraalJS context. Evaluated once per runtime; the result is a function
// that takes the Java dispatcher for host objects and returns the helpers, by name. Nothing here is
// reachable from scripts: the helpers live only in this closure.
(function (hostDispatch) {
    'use strict';
    const tokens = new WeakMap();
    const GET = 0, SET = 1, HAS = 2, DELETE = 3, KEYS = 4;
    const hostHandler = {
        get(target, key, receiver) {
            if (typeof key === 'string') {
                const v = hostDispatch(GET, tokens.get(target), key);
                if (v !== undefined) return v;
            }
            return Reflect.get(target, key, receiver);
        },
        set(target, key, value, receiver) {
            if (typeof key !== 'string') return Reflect.set(target, key, value, receiver);
            if (receiver !== proxies.get(target)) {
                return Reflect.defineProperty(receiver, key, {value, writable: true, enumerable: true, configurable: true});
            }
            hostDispatch(SET, tokens.get(target), key, value);
            return true;
        },
        has(target, key) {
            if (typeof key === 'string' && hostDispatch(HAS, tokens.get(target), key)) return true;
            return Reflect.has(target, key);
        },
        deleteProperty(target, key) {
            if (typeof key !== 'string') return Reflect.deleteProperty(target, key);
            return hostDispatch(DELETE, tokens.get(target), key);
        },
        ownKeys(target) {
            return hostDispatch(KEYS, tokens.get(target));
        },
        getOwnPropertyDescriptor(target, key) {
            if (typeof key !== 'string') return Reflect.getOwnPropertyDescriptor(target, key);
            const token = tokens.get(target);
            if (!hostDispatch(HAS, token, key)) return undefined;
            return {value: hostDispatch(GET, token, key), writable: true, enumerable: true, configurable: true};
        },
        defineProperty(target, key, descriptor) {
            if (typeof key !== 'string') return Reflect.defineProperty(target, key, descriptor);
            if (!('value' in descriptor)) return false;
            hostDispatch(SET, tokens.get(target), key, descriptor.value);
            return true;
        }
    };
    // target -> token (a Java proxy) for the traps, proxy -> token for hostObjectOf, and
    // target -> proxy to tell writes to the host object from writes to objects inheriting from it
    const faces = new WeakMap();
    const proxies = new WeakMap();
    return {
        hostObject(token) {
            const target = {};
            const proxy = new Proxy(target, hostHandler);
            proxies.set(target, proxy);
            tokens.set(target, token);
            faces.set(proxy, token);
            return proxy;
        },
        hostObjectToken(o) {
            return faces.get(o);
        },
        hostFunction(call, name, length) {
            const f = function (...args) { return call(this, args); };
            Object.defineProperty(f, 'name', {value: name});
            Object.defineProperty(f, 'length', {value: length});
            return f;
        },
        thrower(e) { throw e; },
        rangeError(message) { return new RangeError(message); },
        get(o, k) { return o[k]; },
        set(o, k, v) { o[k] = v; },
        has(o, k) { return k in o; },
        delete: function (o, k) { return Reflect.deleteProperty(o, k); },
        keys(o) { return Object.keys(o); },
        call(f, self, ...args) { return Reflect.apply(f, self, args); },
        construct(f, ...args) { return new f(...args); },
        instanceOf(o, c) { return o instanceof c; },
        same(a, b) { return a === b; },
        newObject() { return {}; },
        newArray(...elements) { return elements; },
        newArrayBuffer(size) { return new ArrayBuffer(size); },
        newSymbol(description) { return description === null ? Symbol() : Symbol(description); },
        newBigInt(text) { return BigInt(text); },
        kind(o) { return typeof o === 'function' ? 2 : Array.isArray(o) ? 1 : o instanceof ArrayBuffer ? 3 : 0; },
        weak(o) { return new WeakRef(o); },
        deref(w) { return w.deref(); },
        symbolDescription(s) { return s.description === undefined ? null : s.description; },
        errorInfo(e) {
            try {
                if (e instanceof Error) {
                    // the constructors that made it, to find where it was thrown rather than built
                    const makers = [];
                    for (let p = Object.getPrototypeOf(e); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
                        if (typeof p.constructor === 'function') makers.push(p.constructor.name);
                    }
                    return [String(e.name), String(e.message), e.stack === undefined ? null : String(e.stack), makers.join(',')];
                }
                return [null, String(e), null, ''];
            } catch (x) {
                return [null, Object.prototype.toString.call(e), null, ''];
            }
        },
        undefined: undefined
    };
})
