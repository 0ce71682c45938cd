package org.jsi4j.hostile.cases;

import static org.jsi4j.hostile.Expect.anyOf;
import static org.jsi4j.hostile.Expect.jsError;
import static org.jsi4j.hostile.Expect.jsErrorAnyName;
import static org.jsi4j.hostile.Expect.jsErrorWithoutName;
import static org.jsi4j.hostile.Expect.terminated;

import java.util.List;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.hostile.CaseList;
import org.jsi4j.hostile.HostileCase;

/**
 * Thrown values that attack the conversion of a JavaScript exception into a {@code JsError}:
 * throwing getters, toString and Proxy traps, revoked Proxies, symbols, null-prototype and
 * self-referencing objects. The conversion must never run script code unguarded.
 */
public final class ThrownValueCases {
    private static final String THROWING_HANDLER = """
            var h = {}; ['get','set','has','deleteProperty','ownKeys','getOwnPropertyDescriptor','defineProperty',
              'getPrototypeOf','setPrototypeOf','isExtensible','preventExtensions','apply','construct']
              .forEach(function (k) { h[k] = function () { throw new Error('trap ' + k); }; });
            """;

    private ThrownValueCases() {
    }

    /** The cases. */
    public static List<HostileCase> cases() {
        return new CaseList("thrown")
                .script("error-tostring-throws", "Error.prototype.toString = function () { throw new Error('no'); };"
                        + " throw new Error('x')", jsError("Error").jsMessage("x"))
                .script("message-getter-throws", "var e = new Error('x'); Object.defineProperty(e, 'message',"
                        + " { get: function () { throw new Error('getter'); } }); throw e", jsError("Error"))
                .script("name-getter-throws", "var e = new TypeError('x'); Object.defineProperty(e, 'name',"
                        + " { get: function () { throw new Error('getter'); } }); throw e", jsErrorAnyName())
                .script("stack-getter-throws", "var e = new RangeError('x'); Object.defineProperty(e, 'stack',"
                        + " { get: function () { throw new Error('getter'); } }); throw e", jsError("RangeError").jsMessage("x"))
                .script("prototype-message-getter-throws", "Object.defineProperty(Error.prototype, 'message',"
                        + " { get: function () { throw new Error('getter'); } }); throw new Error()", jsError("Error"))
                .script("subclass-name-getter-throws", "function E(m) { var e = new Error(m); Object.setPrototypeOf(e, E.prototype); return e; }"
                        + " E.prototype = Object.create(Error.prototype); Object.defineProperty(E.prototype, 'name',"
                        + " { get: function () { throw new Error('n'); } }); throw new E('m')", jsErrorAnyName())
                .script("toprimitive-throws", "var e = new Error('x'); e[Symbol.toPrimitive] = function () { throw 1; };"
                        + " e.toString = function () { throw 2; }; throw e", jsError("Error").jsMessage("x"))
                .script("object-tostring-throws", "throw { toString: function () { throw new Error('ts'); } }",
                        jsErrorWithoutName())
                .script("object-valueof-and-tostring-throw", "throw { valueOf: function () { throw 1; },"
                        + " toString: function () { throw 2; } }", jsErrorWithoutName())
                .script("function-tostring-throws", "var f = function () {}; f.toString = function () { throw 1; }; throw f",
                        jsError("f")) // a thrown non-Error's name is its data property 'name' (issue 15), never toString's
                .script("proxy-with-throwing-traps", THROWING_HANDLER + "throw new Proxy({}, h)", jsErrorWithoutName())
                .script("proxy-of-error-with-throwing-traps", THROWING_HANDLER + "throw new Proxy(new Error('x'), h)",
                        jsErrorAnyName())
                .script("proxy-of-function-with-throwing-traps", THROWING_HANDLER + "throw new Proxy(function () {}, h)",
                        jsErrorWithoutName())
                .script("revoked-proxy", "var r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy", jsErrorWithoutName())
                .script("revoked-proxy-of-error", "var r = Proxy.revocable(new Error('x'), {}); r.revoke(); throw r.proxy",
                        jsErrorAnyName())
                .script("symbol", "throw Symbol('s')", jsErrorWithoutName())
                .script("bigint", "throw 10n", jsErrorWithoutName().jsMessage("10"))
                .script("null-prototype-object", "throw Object.create(null)", jsErrorWithoutName())
                .script("null-prototype-fake-error", "var o = Object.create(null); o.name = 'TypeError'; o.message = 'fake';"
                        + " o.stack = 'fake'; throw o", jsError("TypeError")) // the data property, read without running code
                .script("self-referencing-error", "var e = new Error('self'); e.self = e; e.cause = e; throw e",
                        jsError("Error").jsMessage("self"))
                .script("self-referencing-object", "var o = {}; o.o = o; o.toString = function () { return 'loop'; }; throw o",
                        jsErrorWithoutName())
                .script("cause-cycle", "var a = new Error('a'); var b = new Error('b', { cause: a }); a.cause = b; throw b",
                        jsError("Error").jsMessage("b"))
                .script("recursive-message-getter", "var e = new Error(); Object.defineProperty(e, 'message',"
                        + " { get: function () { return this.message; } }); throw e", jsError("Error"))
                .script("prepare-stack-trace-throws", "Error.prepareStackTrace = function () { throw new Error('pst'); };"
                        + " throw new Error('x')", jsError("Error"))
                .script("huge-message", "throw new Error('x'.repeat(1 << 24))", jsError("Error"))
                .limited("endless-message-getter", "var e = new Error('x'); Object.defineProperty(e, 'message',"
                        + " { get: function () { for (;;) {} } }); throw e",
                        anyOf(jsErrorAnyName(), terminated(Reason.TIME_LIMIT)))
                .limited("endless-tostring", "throw { toString: function () { for (;;) {} } }",
                        anyOf(jsErrorWithoutName(), terminated(Reason.TIME_LIMIT)))
                .limited("endless-proxy-trap", "throw new Proxy(new Error('x'), { getPrototypeOf: function () { for (;;) {} },"
                        + " get: function () { for (;;) {} } })", anyOf(jsErrorAnyName(), terminated(Reason.TIME_LIMIT)))
                .build();
    }
}
