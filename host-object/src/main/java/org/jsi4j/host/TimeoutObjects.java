package org.jsi4j.host;

import java.util.List;
import java.util.OptionalInt;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * The {@code Timeout} objects {@code setTimeout} and {@code setInterval} return, as in Node:
 * {@code ref()}, {@code unref()}, {@code hasRef()}, {@code refresh()}, and the timer's numeric id
 * as their primitive value. Their prototype and the hidden id key are made once per runtime by a
 * script whose functions reach Java through one host function.
 */
final class TimeoutObjects {
    /** What a {@code Timeout} method asks of its timer. */
    enum Op { UNREF, REF, HAS_REF, REFRESH }

    private static final Op[] OPS = Op.values();
    private static final String FACTORY = "(function (control) { 'use strict';"
            + " var ID = Symbol('timer id'), define = Object.defineProperty, create = Object.create;"
            + " function Timeout() {}"
            + " var proto = Timeout.prototype;"
            + " function method(name, op, self) { define(proto, name, {value: function () {"
            + "   var r = control(op, this[ID]); return self ? this : r; }, writable: true, configurable: true}); }"
            + " method('unref', 0, true); method('ref', 1, true); method('hasRef', 2, false); method('refresh', 3, true);"
            + " define(proto, Symbol.toPrimitive, {value: function () { return this[ID]; }, configurable: true});"
            + " return [function (id) { var t = create(proto); define(t, ID, {value: id}); return t; },"
            + "   function (t) { var id = t[ID]; return typeof id === 'number' ? id : -1; }]; })";

    private final Timers.State timers;
    private JsRef<JsFunction> make;
    private JsRef<JsFunction> idOf;

    TimeoutObjects(Timers.State timers) {
        this.timers = timers;
    }

    /** A new {@code Timeout} for the timer {@code id}. */
    JsValue make(JsRuntime runtime, int id) {
        if (make == null) {
            JsFunction control = runtime.function("control", 2, (rt, self, args) -> {
                int op = (int) ((JsNumber) args.get(0)).value();
                if (!(args.get(1) instanceof JsNumber n)) return JsValue.of(false);
                boolean result = timers.control(rt, OPS[op], (int) n.value());
                return JsValue.of(result);
            });
            List<JsValue> parts = runtime.evaluate(FACTORY, "jsi4j:timers").asFunction().call(control).asArray().toList();
            make = runtime.persist(parts.get(0).asFunction());
            idOf = runtime.persist(parts.get(1).asFunction());
        }
        return make.get().call(JsValue.of(id));
    }

    /** The timer id of a {@code Timeout}, when {@code o} is one. */
    OptionalInt idOf(JsObject o) {
        if (idOf == null) return OptionalInt.empty();
        JsValue id = idOf.get().call(o);
        return id instanceof JsNumber n && n.value() >= 0 ? OptionalInt.of((int) n.value()) : OptionalInt.empty();
    }

    void release() {
        if (make != null) make.close();
        if (idOf != null) idOf.close();
    }
}
