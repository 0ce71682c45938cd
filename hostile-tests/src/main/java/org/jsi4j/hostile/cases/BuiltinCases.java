package org.jsi4j.hostile.cases;

import static org.jsi4j.hostile.Expect.anyOf;
import static org.jsi4j.hostile.Expect.jsError;
import static org.jsi4j.hostile.Expect.jsErrorWithoutName;
import static org.jsi4j.hostile.Expect.terminated;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.JsError;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.hostile.CaseList;
import org.jsi4j.hostile.HostileCase;

/**
 * Scripts that replace or poison what the library might rely on: Error, String, Object,
 * Function.prototype, Promise, JSON, a frozen global. jsi4j must keep working with none of them.
 */
public final class BuiltinCases {
    /** A user-defined error constructor E, without class syntax (Rhino has none). */
    private static final String SUBCLASS = "function E(m) { var e = new Error(m); Object.setPrototypeOf(e, E.prototype);"
            + " return e; } E.prototype = Object.create(Error.prototype); E.prototype.constructor = E;";

    private BuiltinCases() {
    }

    /** A host function that throws a Java exception, as {@code boom}. */
    static void installBoom(JsRuntime rt) {
        rt.global().set("boom", rt.function("boom", 0, (r, self, args) -> {
            throw new IllegalStateException("host boom");
        }));
    }

    /** Runs {@code attack}, then calls a host function that throws: the JsError must carry the Java cause. */
    private static HostileCase.Body attackThenHostThrows(String attack) {
        return ctx -> {
            JsRuntime rt = ctx.runtime();
            installBoom(rt);
            rt.evaluate(attack, "attack.js");
            return rt.evaluate("boom()", "boom.js");
        };
    }

    /** The cases. */
    public static List<HostileCase> cases() {
        return new CaseList("builtin")
                .script("error-replaced", "Error = function () { throw new TypeError('no Error'); }; null.x",
                        jsError("TypeError"))
                .scripted("error-replaced-then-host-throws", jsError("Error").mentioning("host boom")
                        .causedBy(IllegalStateException.class),
                        attackThenHostThrows("Error = function () { throw 1; }; TypeError = RangeError = Error"))
                .scripted("error-proxy-then-host-throws", jsError("Error").mentioning("host boom")
                        .causedBy(IllegalStateException.class),
                        attackThenHostThrows("Error = new Proxy(Error, { get: function () { throw 1; },"
                                + " construct: function () { throw 2; }, apply: function () { throw 3; } })"))
                .scripted("globals-deleted-then-host-throws", jsError("Error").mentioning("host boom")
                        .causedBy(IllegalStateException.class),
                        attackThenHostThrows("['Error', 'Object', 'String', 'Function', 'Promise', 'JSON', 'Symbol',"
                                + " 'Reflect', 'Proxy', 'Array'].forEach(function (n) { delete globalThis[n]; })"))
                .script("error-has-instance-throws", "Object.defineProperty(Error, Symbol.hasInstance, { value: function ()"
                        + " { throw new Error('hasInstance'); } }); " + SUBCLASS + " throw new E('m')",
                        jsError("Error").jsMessage("m"))
                .limited("error-has-instance-loops", SUBCLASS + " Error = new Proxy(Error, { get: function () { for (;;) {} } });"
                        + " throw new E('m')",
                        anyOf(jsError("Error").jsMessage("m"), terminated(Reason.TIME_LIMIT)))
                .script("string-replaced", "String = function () { throw new Error('String replaced'); }; throw {}",
                        jsErrorWithoutName())
                .script("string-replaced-by-number", "String = 42; throw new Error('x')", jsError("Error").jsMessage("x"))
                .script("object-replaced", "Object = null; throw new Error('x')", jsError("Error").jsMessage("x"))
                .script("object-prototype-poisoned", "['name', 'message', 'stack', 'constructor', 'toString', 'valueOf']"
                        + ".forEach(function (k) { Object.defineProperty(Object.prototype, k, { get: function () { throw 1; },"
                        + " configurable: true }); }); throw {}", jsErrorWithoutName())
                .script("function-prototype-poisoned", "Function.prototype.call = Function.prototype.apply ="
                        + " Function.prototype.bind = Function.prototype.toString = function () { throw new Error('fp'); };"
                        + " throw new Error('x')", jsError("Error").jsMessage("x"))
                .scripted("function-prototype-poisoned-then-java-calls", jsError("RangeError").jsMessage("after"), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    installBoom(rt);
                    rt.evaluate("var f = function () { throw new RangeError('after'); };"
                            + " Function.prototype.call = Function.prototype.apply = function () { throw new Error('fp'); }",
                            "attack.js");
                    return rt.global().get("f").asFunction().call(JsValue.of(1));
                })
                .scripted("promise-replaced", jsError("RangeError").jsMessage("got 42"), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.evaluate("Promise = function () { throw new Error('Promise replaced'); };"
                            + " Promise.resolve = Promise.reject = Promise", "attack.js");
                    rt.global().set("p", rt.promise(CompletableFuture.completedFuture(JsValue.of(42))));
                    rt.evaluate("var r; p.then(function (v) { r = v; })", "then.js");
                    rt.runEventLoop(java.time.Duration.ofSeconds(5));
                    return rt.evaluate("throw new RangeError('got ' + r)", "check.js");
                })
                .scripted("promise-then-replaced", jsError("RangeError").jsMessage("settled"), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.evaluate("Promise.prototype.then = Promise.prototype.catch = function () { throw new Error('then'); }",
                            "attack.js");
                    rt.global().set("ok", rt.promise(CompletableFuture.completedFuture(JsValue.of(1))));
                    rt.global().set("failed", rt.promise(CompletableFuture.failedFuture(new IllegalStateException("java"))));
                    rt.runEventLoop(java.time.Duration.ofSeconds(5));
                    return rt.evaluate("throw new RangeError('settled')", "check.js");
                })
                .script("json-replaced", "JSON = { stringify: function () { throw new Error('JSON'); },"
                        + " parse: function () { throw new Error('JSON'); } }; throw { a: 1 }", jsErrorWithoutName())
                .script("frozen-global-strict-write", "'use strict'; Object.freeze(globalThis); globalThis.y = 1",
                        jsError("TypeError"))
                .scripted("frozen-global-then-host-function", jsError("RangeError").jsMessage("frozen ok"), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.evaluate("Object.freeze(globalThis); Object.freeze(Object.prototype); Object.freeze(Error.prototype);"
                            + " Object.freeze(Function.prototype)", "freeze.js");
                    var f = rt.function("f", 0, (r, self, args) -> {
                        throw JsError.of(JsErrorType.RANGE_ERROR, "frozen ok");
                    });
                    return f.call();
                })
                .scripted("frozen-global-then-host-throws", jsError("Error").mentioning("host boom")
                        .causedBy(IllegalStateException.class), ctx -> {
                    JsRuntime rt = ctx.runtime(RuntimeOptions.defaults());
                    rt.evaluate("Object.freeze(globalThis); Object.freeze(Error.prototype)", "freeze.js");
                    var boom = rt.function("boom", 0, (r, self, args) -> {
                        throw new IllegalStateException("host boom");
                    });
                    return boom.call();
                })
                .scripted("host-exception-message-throws", jsError("Error"), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.global().set("h", rt.function("h", 0, (r, self, args) -> {
                        throw new RuntimeException() {
                            @Override
                            public String getMessage() {
                                throw new IllegalStateException("getMessage");
                            }

                            @Override
                            public String toString() {
                                throw new IllegalStateException("toString");
                            }
                        };
                    }));
                    return rt.evaluate("h()", "h.js");
                })
                .scripted("host-returns-java-null", anyOf(jsError("RangeError").jsMessage("undefined"),
                        jsError("RangeError").jsMessage("object"), jsError("TypeError").mentioning("null")), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.global().set("h", rt.function("h", 0, (r, self, args) -> null));
                    return rt.evaluate("var v = h(); throw new RangeError(typeof v)", "h.js");
                })
                .build();
    }
}
