package org.jsi4j.hostile.cases;

import static org.jsi4j.hostile.Expect.illegalArgument;
import static org.jsi4j.hostile.Expect.jsError;

import java.util.List;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;
import org.jsi4j.hostile.CaseList;
import org.jsi4j.hostile.Expectation;
import org.jsi4j.hostile.HostileCase;

/**
 * Values of one runtime handed to another, of the same engine or another engine, while the owner
 * is open or after it closed. Every entry that takes a value must refuse them with an
 * {@code IllegalArgumentException} that says objects cannot cross runtimes.
 */
public final class ForeignHandleCases {
    private static final Expectation.Threw FOREIGN = illegalArgument().mentioning("another runtime");

    private ForeignHandleCases() {
    }

    /** An attack on {@code target} with an object {@code foreign} of another runtime. */
    @FunctionalInterface
    interface Attack {
        Object run(JsRuntime target, JsObject foreign) throws Exception;
    }

    private static HostileCase.Body sameEngine(Attack attack) {
        return ctx -> attack.run(ctx.runtime(), foreignObject(ctx.runtime()));
    }

    private static HostileCase.Body crossEngine(Attack attack) {
        return ctx -> attack.run(ctx.runtime(), foreignObject(ctx.otherRuntime()));
    }

    private static JsObject foreignObject(JsRuntime owner) {
        return owner.evaluate("({ secret: 'from the other runtime', f: function () { return 1; } })", "foreign.js").asObject();
    }

    /** The cases. */
    public static List<HostileCase> cases() {
        return new CaseList("foreign")
                .misuse("persist", FOREIGN, sameEngine((rt, o) -> rt.persist(o)))
                .misuse("weak", FOREIGN, sameEngine((rt, o) -> rt.weak(o)))
                .misuse("set-on-global", FOREIGN, sameEngine((rt, o) -> {
                    rt.global().set("x", o);
                    return rt.evaluate("x.secret", "read.js");
                }))
                .misuse("call-argument", FOREIGN, sameEngine((rt, o) ->
                        rt.evaluate("(function (v) { return v.secret; })", "f.js").asFunction().call(o)))
                .misuse("call-this", FOREIGN, sameEngine((rt, o) ->
                        rt.evaluate("(function () { return this.secret; })", "f.js").asFunction().callWithThis(o)))
                .misuse("construct-argument", FOREIGN, sameEngine((rt, o) ->
                        rt.evaluate("(function (v) { this.v = v; })", "f.js").asFunction().construct(o)))
                .misuse("new-array-element", FOREIGN, sameEngine((rt, o) -> rt.newArray(o)))
                .misuse("call-foreign-function", FOREIGN, sameEngine((rt, o) -> {
                    rt.global().set("g", o.get("f"));
                    return rt.evaluate("g()", "call.js");
                }))
                .misuse("instanceof-foreign-constructor", FOREIGN, sameEngine((rt, o) ->
                        rt.newObject().instanceOf(o.get("f").asFunction())))
                .misuse("host-function-returns-foreign", jsError("Error").mentioning("another runtime")
                        .causedBy(IllegalArgumentException.class), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    JsObject o = foreignObject(ctx.runtime());
                    rt.global().set("h", rt.function("h", 0, (r, self, args) -> o));
                    return rt.evaluate("h().secret", "h.js");
                })
                .misuse("after-owner-closed", FOREIGN, ctx -> {
                    JsRuntime owner = ctx.runtime();
                    JsObject o = foreignObject(owner);
                    owner.close();
                    JsRuntime rt = ctx.runtime();
                    rt.global().set("x", o);
                    return rt.evaluate("x.secret", "read.js");
                })
                .misuse("symbol-key", FOREIGN, ctx -> {
                    JsSymbol s = ctx.runtime().newSymbol("foreign");
                    JsRuntime rt = ctx.runtime();
                    rt.global().set(s, JsValue.of(1));
                    return rt.global().get(s);
                })
                .misuse("cross-engine-persist", FOREIGN, crossEngine((rt, o) -> rt.persist(o)))
                .misuse("cross-engine-weak", FOREIGN, crossEngine((rt, o) -> rt.weak(o)))
                .misuse("cross-engine-set", FOREIGN, crossEngine((rt, o) -> {
                    rt.global().set("x", o);
                    return rt.evaluate("x.secret", "read.js");
                }))
                .misuse("cross-engine-call-argument", FOREIGN, crossEngine((rt, o) ->
                        rt.evaluate("(function (v) { return v.secret; })", "f.js").asFunction().call(o)))
                .build();
    }
}
