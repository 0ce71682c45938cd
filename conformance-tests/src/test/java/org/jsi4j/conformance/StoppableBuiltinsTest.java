package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.spi.StoppableBuiltins;

/**
 * The {@code Array} built-ins jsi4j makes stoppable ({@link StoppableBuiltins}) still look and act
 * like the engine's own, in runtimes with and without limits (V8 covers the callback methods only
 * under a limit). That a stop ends them over a huge length is a hostile-suite case (loop/huge-*):
 * if it broke, it would hang the JVM that runs it.
 */
@Area("limits")
class StoppableBuiltinsTest {
    /** The specification's {@code length} of each covered built-in. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(Map.entry("copyWithin", 2), Map.entry("fill", 1),
            Map.entry("includes", 1), Map.entry("indexOf", 1), Map.entry("lastIndexOf", 1), Map.entry("join", 1),
            Map.entry("toLocaleString", 0), Map.entry("reverse", 0), Map.entry("shift", 0), Map.entry("unshift", 1),
            Map.entry("slice", 2), Map.entry("splice", 2), Map.entry("toReversed", 0), Map.entry("toSpliced", 2),
            Map.entry("with", 2), Map.entry("flat", 0), Map.entry("forEach", 1), Map.entry("map", 1), Map.entry("filter", 1),
            Map.entry("some", 1), Map.entry("every", 1), Map.entry("reduce", 1), Map.entry("reduceRight", 1),
            Map.entry("flatMap", 1), Map.entry("sort", 1), Map.entry("toSorted", 1));

    private static List<RuntimeOptions> bothKinds() {
        return List.of(RuntimeOptions.defaults(), RuntimeOptions.defaults().withTimeLimit(Duration.ofSeconds(30)));
    }

    @EngineTest
    void coveredBuiltinsLookLikeTheEnginesOwn(JsRuntimeFactory factory) {
        List<String> names = new ArrayList<>(StoppableBuiltins.PLAIN_METHODS);
        names.addAll(StoppableBuiltins.CALLBACK_METHODS);
        for (RuntimeOptions options : bothKinds()) {
            try (JsRuntime rt = factory.create(options)) {
                rt.evaluate("""
                        function look(holder, name, length) {
                          var f = holder[name];
                          if (f === undefined) return 'absent';
                          var d = Object.getOwnPropertyDescriptor(holder, name), constructs = true;
                          try { new f(); } catch (e) { constructs = !(e instanceof TypeError); }
                          return [typeof f, f.name, f.length === length, /\\[native code\\]/.test(Function.prototype.toString.call(f)),
                            Object.getPrototypeOf(f) === Function.prototype, 'prototype' in f, constructs,
                            d.writable, d.enumerable, d.configurable].join();
                        }""", "look.js");
                for (String name : names) {
                    String seen = rt.evaluate("look(Array.prototype, '" + name + "', " + LENGTHS.get(name) + ")", "look.js")
                            .asString();
                    if (!seen.equals("absent")) {
                        assertEquals("function," + name + ",true,true,true,false,false,true,false,true", seen, name + " " + options);
                    }
                }
                assertEquals("function,from,true,true,true,false,false,true,false,true",
                        rt.evaluate("look(Array, 'from', 1)", "look.js").asString());
            }
        }
    }

    @EngineTest
    void ordinaryCallsGiveTheEnginesAnswers(JsRuntimeFactory factory) {
        String battery = """
                var a = [5, 1, 4, 2, 3], r = [];
                r.push(a.indexOf(4), a.lastIndexOf(2), a.includes(3), a.join('-'), a.slice(1, 3).join());
                var b = a.slice(); r.push(b.reverse() === b, b.join(), b.sort() === b, b.join());
                var c = [1, 2, 3, 4, 5]; r.push(c.copyWithin(0, 3) === c, c.join(), c.fill(9, 3) === c, c.join());
                var d = [1, 2, 3]; r.push(d.shift(), d.unshift(0, 1), d.join(), d.splice(1, 1, 'x', 'y').join(), d.join());
                r.push([[1, [2]], 3].flat().length, [1, 2].flatMap(function (x) { return [x, x * 10]; }).join());
                r.push(a.map(function (x, i, all) { return x * 2 + (all === a ? 0 : 1000); }).join());
                var seen = 0; a.forEach(function (x, i, all) { if (all === a) seen += x; }); r.push(seen);
                r.push(a.filter(function (x) { return x > 2; }).join(), a.some(function (x) { return x > 4; }),
                  a.every(function (x) { return x > 0; }), a.reduce(function (s, x) { return s + x; }, 0),
                  a.reduceRight(function (s, x) { return s + x; }, ''));
                r.push(Array.from({length: 3}, function (v, i) { return i * 2; }).join(), Array.from('abc').join(),
                  Array.from(new Set([1, 1, 2])).join());
                r.push(Array.prototype.indexOf.call({length: 3, 0: 'a', 2: 'c'}, 'c'),
                  Array.prototype.join.call({length: 2, 0: 'x'}, '+'));
                try { Array.prototype.indexOf.call(null, 1); r.push('no error'); } catch (e) { r.push(e instanceof TypeError); }
                r.join(' | ')""";
        for (RuntimeOptions options : bothKinds()) {
            try (JsRuntime rt = factory.create(options)) {
                String got = rt.evaluate(battery, "battery.js").asString();
                assertEquals("2 | 3 | true | 5-1-4-2-3 | 1,4 | true | 3,2,4,1,5 | true | 1,2,3,4,5 | true | 4,5,3,4,5"
                        + " | true | 4,5,3,9,9 | 1 | 4 | 0,1,2,3 | 1 | 0,x,y,2,3 | 3 | 1,10,2,20 | 10,2,8,4,6 | 15"
                        + " | 5,4,3 | true | true | 15 | 32415 | 0,2,4 | a,b,c | 1,2 | 2 | x+ | true", got, options.toString());
            }
        }
    }

    @EngineTest
    void hugeReceiversGiveTheRightAnswers(JsRuntimeFactory factory) {
        for (RuntimeOptions options : bothKinds()) {
            try (JsRuntime rt = factory.create(options)) {
                String got = rt.evaluate("""
                        var H = 2 ** 25, o = {length: H + 10}, r = [];
                        o[H + 5] = 'x';
                        r.push(Array.prototype.lastIndexOf.call(o, 'x') === H + 5);
                        r.push(Array.prototype.indexOf.call(o, 'x', H) === H + 5);
                        r.push(Array.prototype.includes.call(o, 'x', -6));
                        r.push(Array.prototype.fill.call(o, 7, H + 8) === o, o[H + 8], o[H + 9], o[H + 7]);
                        r.push(Array.prototype.copyWithin.call(o, 0, H + 9) === o, o[0]);
                        r.push(Array.prototype.slice.call(o, H + 4, H + 7).length, Array.prototype.slice.call(o, H + 4, H + 7)[1]);
                        var s = []; s.length = H + 3; s[H + 1] = 'y';
                        r.push(s.lastIndexOf('y') === H + 1, s.at(-2));
                        r.join()""", "huge.js").asString();
                assertEquals("true,true,true,true,7,7,,true,7,3,x,true,y", got, options.toString());
            }
        }
    }
}
