package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsi4j.EsFeature;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.host.Builtins;
import org.jsi4j.host.BulkConversion;
import org.jsi4j.host.ModuleRegistry;
import org.jsi4j.host.NativeModule;

/**
 * Native modules (host-object): the same Java module behaves the same on every engine: argument
 * conversion, errors, promises, callbacks, timer order and {@code require}.
 */
@Area("modules")
@RequiresFeature(EsFeature.PROMISES)
class ModulesTest {
    private static final List<String> NO_LINES = List.of();

    private static ProbeModule install(JsRuntime rt) {
        ProbeModule probe = new ProbeModule();
        Builtins.install(rt, (level, line) -> { }, NO_LINES, ModuleRegistry.of(probe));
        rt.evaluate("var probe = require('probe');", "setup.js");
        return probe;
    }

    private static JsValue eval(JsRuntime rt, String source) {
        return rt.evaluate(source, "modules.js");
    }

    private static String caught(JsRuntime rt, String call) {
        return eval(rt, "try { " + call + "; 'no error' } catch (e) { e.name + ': ' + e.message }").asString();
    }

    @EngineTest
    void argumentsAndResultsConvert(JsRuntime rt) {
        install(rt);
        assertEquals(JsValue.of("true 7 9007199254740991 1.5 text"),
                eval(rt, "probe.describe(true, 7, 9007199254740991, 1.5, 'text')"));
        assertEquals(JsValue.of(6), eval(rt, "probe.sum([1, 2, 3])"));
        assertEquals(JsValue.of("4,3"), eval(rt, "var m = probe.mirror({x: 3, y: 4}); m.x + ',' + m.y"));
        assertEquals(JsValue.of("{\"a\":[1,\"b\",{\"c\":null}],\"d\":true}"),
                eval(rt, "JSON.stringify(probe.echo({a: [1, 'b', {c: null}], d: true, skipped: undefined}))"));
        assertEquals(JsValue.of("3,2,1"), eval(rt, "Array.prototype.join.call(new Uint8Array(probe.reverse(new Uint8Array([1, 2, 3]).buffer)))"));
        assertEquals(JsValue.of("found|undefined|dflt"),
                eval(rt, "probe.find('known') + '|' + probe.find('x') + '|' + probe.find('x', 'dflt')"));
        assertEquals(JsValue.of("1.2 1 2.5"), eval(rt, "var before = probe.level; probe.level = 2.5; probe.VERSION + ' ' + before + ' ' + probe.level"));
        assertEquals(JsValue.of("level,VERSION,apply,boom,describe,echo,fails,find,keep,later,mirror,reverse,sum"),
                eval(rt, "Object.keys(probe).join()"));
    }

    @EngineTest
    void wrongArgumentsAreTypeErrorsNamingModuleFunctionAndParameter(JsRuntime rt) {
        install(rt);
        assertEquals("TypeError: probe.sum() takes 1 argument (values), got 0", caught(rt, "probe.sum()"));
        assertEquals("TypeError: probe.describe(): parameter 'i' must be an integer (int), got a string",
                caught(rt, "probe.describe(true, '7', 1, 1, 's')"));
        assertEquals("TypeError: probe.sum(): parameter 'values'[1] must be an integer (int), got a number",
                caught(rt, "probe.sum([1, 2.5])"));
        assertEquals("TypeError: probe.mirror(): parameter 'p'.y must be an integer (int), got undefined",
                caught(rt, "probe.mirror({x: 1})"));
        assertEquals("TypeError: probe.apply(): parameter 'f' must be a function, got an object", caught(rt, "probe.apply({}, 1)"));
        assertEquals("TypeError: Cannot set property 'VERSION' of module 'probe': it is read-only", caught(rt, "probe.VERSION = 'x'"));
        assertEquals("true", eval(rt, "try { probe.sum(); } catch (e) { String(e instanceof TypeError) }").asString());
    }

    @EngineTest
    void javaExceptionsBecomeErrorsWithTheirCause(JsRuntime rt) {
        install(rt);
        assertEquals("Error: not today", caught(rt, "probe.boom()"));
        JsError e = assertThrows(JsError.class, () -> eval(rt, "probe.boom()"));
        assertInstanceOf(UnsupportedOperationException.class, e.getCause());
    }

    @EngineTest
    void callbacksAreCalledThroughJavaInterfaces(JsRuntime rt) {
        ProbeModule probe = install(rt);
        assertEquals(JsValue.of(10), eval(rt, "probe.apply(function (v) { return v + 2; }, 5)"));
        eval(rt, "var calls = 0; probe.keep(function (v) { calls++; return v * 3; });");
        assertEquals(21, probe.kept.apply(7), "called after the call that passed it returned");
        assertEquals(JsValue.of(1), eval(rt, "calls"));
        assertEquals("TypeError: the result of the callback for probe.apply(): parameter 'f' must be an integer (int), got a string",
                caught(rt, "probe.apply(function () { return 'x'; }, 1)"));
    }

    @EngineTest
    void futuresBecomePromisesSettledOnTheJsThread(JsRuntime rt) {
        ProbeModule probe = install(rt);
        eval(rt, "var log = []; probe.later().then(function (points) { log.push('ok ' + points[1].y); });"
                + " probe.fails().catch(function (e) { log.push(e.name + ' ' + e.message); });");
        new Thread(() -> probe.pending.complete(List.of(new ProbeModule.Point(1, 2), new ProbeModule.Point(3, 4)))).start();
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertEquals(JsValue.of("Error backend down,ok 4"), eval(rt, "log.sort().join()"));
    }

    @EngineTest
    void timersRunInOrderOnTheEventLoop(JsRuntime rt) {
        install(rt);
        eval(rt, "var order = []; var n = 0;"
                + " setTimeout(function () { order.push('late'); }, 1000);"
                + " setTimeout(function (x) { order.push('t0' + x); }, 0, '!');"
                + " var iv = setInterval(function () { order.push('i' + (++n));"
                + "   if (n === 2) { clearInterval(iv); setTimeout(function () { order.push('after'); }); } }, 5);"
                + " var gone = setTimeout(function () { order.push('cleared'); }, 1); clearTimeout(gone);"
                + " queueMicrotask(function () { order.push('micro'); });"
                + " Promise.resolve().then(function () { order.push('promise'); });"
                + " order.push('sync');");
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertEquals(JsValue.of("sync,micro,promise,t0!,i1,i2,after,late"), eval(rt, "order.join()"));
    }

    @EngineTest
    void requireFindsModulesAndListsThemWhenItCannot(JsRuntime rt) {
        install(rt);
        assertEquals(JsValue.of(true), eval(rt, "require('probe') === probe && require('console') === console"));
        assertEquals("Error: Cannot find module 'nope'. Modules available: console, probe, timers", caught(rt, "require('nope')"));
        assertEquals("TypeError: require() takes a module name (a string), got undefined", caught(rt, "require(undefined)"));
    }

    @EngineTest
    void builderModulesWorkLikeAnnotatedOnes(JsRuntime rt) {
        ModuleRegistry.of(NativeModule.builder("math").function("hypot", Double.class, Double.class, Math::hypot)
                .constant("E", Math.E).build()).install(rt);
        assertEquals(JsValue.of(5), eval(rt, "require('math').hypot(3, 4)"));
        assertEquals(JsValue.of(Math.E), eval(rt, "require('math').E"));
        assertEquals("TypeError: math.hypot(): parameter 'arg2' must be a number, got a string",
                caught(rt, "require('math').hypot(3, '4')"));
    }

    @EngineTest
    void bothBulkPathsGiveTheSameData(JsRuntime rt) {
        JsValue graph = eval(rt, "({list: [1, 'two', null, undefined, {three: 3.5}], when: new Date(0), nan: NaN,"
                + " fn: function () {}, nested: {a: {b: {c: [true, false]}}}})");
        Object walked = BulkConversion.toJava(rt, graph, BulkConversion.Path.WALK);
        assertEquals(walked, BulkConversion.toJava(rt, graph, BulkConversion.Path.JSON));
        assertEquals(Map.of("three", 3.5), ((List<?>) ((Map<?, ?>) walked).get("list")).get(4));
        for (BulkConversion.Path path : BulkConversion.Path.values()) {
            rt.global().set("back", BulkConversion.toJs(rt, walked, path));
            assertEquals(eval(rt, "JSON.stringify(" + "({list: [1, 'two', null, undefined, {three: 3.5}], when: new Date(0),"
                    + " nan: NaN, fn: function () {}, nested: {a: {b: {c: [true, false]}}}})" + ")"),
                    eval(rt, "JSON.stringify(back)"), path.name());
        }
    }
}
