package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.jsi4j.Capabilities;
import org.jsi4j.EsFeature;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;

/**
 * What a snapshot keeps of objects beyond plain data, on every engine pair (taken on one engine,
 * restored on each: from the native image on the same engine, by replay on the others):
 * accessors, property attributes, frozen, sealed and non-extensible objects, symbol keys,
 * prototype chains (also null prototypes and constructors), and accessor state kept in closures.
 */
@Area("snapshots")
@RequiresFeature({EsFeature.SYMBOLS})
class SnapshotFidelityTest {
    static final String SETUP = """
            var store = { celsius: 20 };
            Object.defineProperty(store, 'fahrenheit', {
                get: function () { return this.celsius * 9 / 5 + 32; },
                set: function (f) { this.celsius = (f - 32) * 5 / 9; },
                enumerable: false, configurable: true });
            var writeOnly = {};
            Object.defineProperty(writeOnly, 'sink', { set: function (v) { this.last = v; }, enumerable: true });
            var literal = { get twice() { return this.n * 2; }, n: 21 };
            var fixed = {};
            Object.defineProperty(fixed, 'pi', { value: 3.14, writable: false, enumerable: true, configurable: false });
            Object.defineProperty(fixed, 'hidden', { value: 'h', writable: true, enumerable: false, configurable: true });
            var frozen = Object.freeze({ a: 1, nested: { b: 2 } });
            var sealed = Object.seal({ c: 3 });
            var closed = Object.preventExtensions({ d: 4 });
            var sym = Symbol('secret');
            var keyed = {};
            keyed[sym] = 'by symbol';
            Object.defineProperty(keyed, Symbol.for('global'), { value: 'registered', enumerable: false });
            var bare = Object.create(null);
            bare.only = 'own';
            var base = { greet: function () { return 'hi ' + this.who; } };
            var middle = Object.create(base, { level: { value: 'middle', enumerable: true } });
            var leaf = Object.create(middle);
            leaf.who = 'leaf';
            function Shape(s) { this.side = s; }
            Object.defineProperty(Shape.prototype, 'area', { get: function () { return this.side * this.side; } });
            Shape.unit = function () { return new Square(1); };
            function Square(s) { Shape.call(this, s); }
            Square.prototype = Object.create(Shape.prototype, { kind: { get: function () { return 'square'; } } });
            Object.setPrototypeOf(Square, Shape);
            var square = new Square(3);
            var counter = (function () { var n = 0; var o = {}; Object.defineProperty(o, 'next', { get: function () { return ++n; } }); return o; })();
            counter.next; counter.next;
            """;

    /** Every check, joined; runs strict-mode writes to see that attributes are enforced. */
    static final String CHECK = """
            (function () {
              'use strict';
              function fails(f) { try { f(); return 'no'; } catch (e) { return e instanceof TypeError ? 'TypeError' : e.name; } }
              var d = Object.getOwnPropertyDescriptor(store, 'fahrenheit');
              var r = [store.fahrenheit, typeof d.get, typeof d.set, d.enumerable, d.configurable, Object.keys(store).join('+')];
              store.fahrenheit = 212; r.push(store.celsius);
              writeOnly.sink = 'w'; r.push(writeOnly.last, writeOnly.sink === undefined);
              r.push(literal.twice, typeof Object.getOwnPropertyDescriptor(literal, 'twice').get);
              var p = Object.getOwnPropertyDescriptor(fixed, 'pi');
              r.push(p.writable, p.configurable, fails(function () { fixed.pi = 3; }), fixed.pi, Object.keys(fixed).join('+'), fixed.hidden);
              r.push(Object.isFrozen(frozen), fails(function () { frozen.a = 9; }), Object.isFrozen(frozen.nested), frozen.nested.b = 5);
              r.push(Object.isSealed(sealed), Object.isFrozen(sealed), (sealed.c = 30, sealed.c), fails(function () { sealed.z = 1; }),
                     fails(function () { delete sealed.c; }));
              r.push(Object.isExtensible(closed), fails(function () { closed.e = 5; }), delete closed.d);
              r.push(keyed[sym], typeof sym, sym.description, keyed[Symbol.for('global')], Object.getOwnPropertySymbols(keyed).length,
                     Object.keys(keyed).length);
              r.push(Object.getPrototypeOf(bare) === null, bare.only, 'toString' in bare);
              r.push(leaf.greet(), leaf.level, Object.getPrototypeOf(Object.getPrototypeOf(leaf)) === base, leaf.hasOwnProperty('level'));
              r.push(square.area, square.kind, square instanceof Shape, Object.getPrototypeOf(Square) === Shape, Shape.unit().area,
                     Object.getPrototypeOf(square) === Square.prototype);
              r.push(counter.next);
              return r.join(',');
            })()
            """;

    static final String EXPECTED = "68,function,function,false,true,celsius,100,w,true,42,function,"
            + "false,false,TypeError,3.14,pi,h,true,TypeError,false,5,true,false,30,TypeError,TypeError,"
            + "false,TypeError,true,by symbol,symbol,secret,registered,2,0,true,own,false,"
            + "hi leaf,middle,true,false,9,square,true,true,1,true,3";

    private static Snapshot snapshot(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.evaluate(SETUP, "fidelity.js");
            return rt.snapshot();
        }
    }

    @EngineTest
    void theSetupReadsAsExpectedWithoutASnapshot(JsRuntime rt) {
        rt.evaluate(SETUP, "fidelity.js");
        assertEquals(EXPECTED, rt.evaluate(CHECK, "check.js").asString());
    }

    @EngineTest
    void accessorsAttributesSymbolsAndPrototypesSurviveEveryEnginePair(JsRuntimeFactory factory) {
        byte[] blob = snapshot(factory).bytes();
        for (String other : EngineExtension.engineIds()) {
            try (JsRuntime rt = JsEngines.factory(other).create(RuntimeOptions.fromSnapshot(blob).externals(Map.of()))) {
                assertEquals(EXPECTED, rt.evaluate(CHECK, "check.js").asString(), factory.engine().id() + " -> " + other);
            }
        }
    }

    /** No accessors: attributes, integrity levels, symbol keys and prototypes, which a native image must hold itself. */
    static final String DATA_SETUP = """
            var fixed = {};
            Object.defineProperty(fixed, 'pi', { value: 3.14, writable: false, enumerable: true, configurable: false });
            Object.defineProperty(fixed, 'hidden', { value: 'h', writable: true, enumerable: false, configurable: true });
            var frozen = Object.freeze({ a: 1, nested: { b: 2 } });
            var sealed = Object.seal({ c: 3 });
            var closed = Object.preventExtensions({ d: 4 });
            var sym = Symbol('secret');
            var keyed = {};
            keyed[sym] = 'by symbol';
            var bare = Object.create(null);
            bare.only = 'own';
            var base = { greet: function () { return 'hi ' + this.who; } };
            var middle = Object.create(base);
            var leaf = Object.create(middle);
            leaf.who = 'leaf';
            """;

    static final String DATA_CHECK = """
            (function () {
              'use strict';
              function fails(f) { try { f(); return 'no'; } catch (e) { return e instanceof TypeError ? 'TypeError' : e.name; } }
              var p = Object.getOwnPropertyDescriptor(fixed, 'pi'), h = Object.getOwnPropertyDescriptor(fixed, 'hidden');
              return [p.writable, p.configurable, p.enumerable, h.enumerable, h.writable, fails(function () { fixed.pi = 3; }),
                      Object.keys(fixed).join('+'), Object.isFrozen(frozen), fails(function () { frozen.a = 9; }),
                      Object.isFrozen(frozen.nested), Object.isSealed(sealed), Object.isFrozen(sealed),
                      fails(function () { sealed.z = 1; }), Object.isExtensible(closed), fails(function () { closed.e = 5; }),
                      keyed[sym], Object.getOwnPropertySymbols(keyed)[0] === sym, Object.getPrototypeOf(bare) === null,
                      leaf.greet(), Object.getPrototypeOf(Object.getPrototypeOf(leaf)) === base].join(',');
            })()
            """;

    static final String DATA_EXPECTED = "false,false,true,false,true,TypeError,pi,true,TypeError,false,true,false,TypeError,"
            + "false,TypeError,by symbol,true,true,hi leaf,true";

    @EngineTest
    void attributesSymbolsAndPrototypesSurviveTheNativeImageAndEveryReplay(JsRuntimeFactory factory) {
        Snapshot snap;
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.evaluate(DATA_SETUP, "data.js");
            assertEquals(DATA_EXPECTED, rt.evaluate(DATA_CHECK, "check.js").asString(), "before the snapshot");
            snap = rt.snapshot();
        }
        assertEquals(factory.capabilities().snapshots() != Capabilities.SnapshotSupport.PORTABLE_REPLAY, snap.hasNativeImage(),
                "an engine with native images images plain data");
        for (String other : EngineExtension.engineIds()) {
            try (JsRuntime rt = JsEngines.factory(other).create(RuntimeOptions.fromSnapshot(snap.bytes()))) {
                assertEquals(DATA_EXPECTED, rt.evaluate(DATA_CHECK, "check.js").asString(), factory.engine().id() + " -> " + other);
            }
        }
    }

    @EngineTest
    void aChainedSnapshotKeepsThemToo(JsRuntimeFactory factory) {
        byte[] second;
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(snapshot(factory).bytes()))) {
            rt.evaluate("var later = Object.freeze(Object.create(leaf, { extra: { get: function () { return 'x' + this.who; } } }));",
                    "later.js");
            second = rt.snapshot().bytes();
        }
        for (String other : EngineExtension.engineIds()) {
            try (JsRuntime rt = JsEngines.factory(other).create(RuntimeOptions.fromSnapshot(second))) {
                assertEquals("xleaf,true,hi leaf," + EXPECTED, rt.evaluate("[later.extra, Object.isFrozen(later), later.greet(), "
                        + CHECK + "].join()", "check.js").asString(), factory.engine().id() + " -> " + other);
            }
        }
    }
}
