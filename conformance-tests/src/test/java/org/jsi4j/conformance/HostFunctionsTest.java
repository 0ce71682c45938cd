package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsi4j.EsFeature;
import org.jsi4j.JsArray;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;

/** Java functions called from JavaScript ({@link org.jsi4j.HostFunction}). */
@Area("host-functions")
class HostFunctionsTest {
    private static JsValue eval(JsRuntime rt, String source) {
        return rt.evaluate(source, "host-functions.js");
    }

    @EngineTest
    void nameAndLengthAreVisibleInJavaScript(JsRuntime rt) {
        JsFunction f = rt.function("greet", 2, (r, self, args) -> JsValue.of("hi"));
        rt.global().set("greet", f);
        assertEquals(JsValue.of("greet:2:function"), eval(rt, "greet.name + ':' + greet.length + ':' + typeof greet"));
        assertEquals("greet", f.name());
        assertEquals(JsValue.of(true), eval(rt, "greet instanceof Function"));
        rt.global().set("noArgs", rt.function("noArgs", 0, (r, self, args) -> JsValue.undefined()));
        assertEquals(JsValue.of(0), eval(rt, "noArgs.length"));
    }

    @EngineTest
    void negativeLengthIsRefused(JsRuntime rt) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rt.function("f", -1, (r, self, args) -> JsValue.undefined()));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
    }

    @EngineTest
    void argumentsArriveAsPassed(JsRuntime rt) {
        List<Integer> counts = new ArrayList<>();
        rt.global().set("count", rt.function("count", 2, (r, self, args) -> {
            counts.add(args.size());
            return JsValue.of(args.size());
        }));
        assertEquals(JsValue.of("0,1,2,5"), eval(rt, "[count(), count(1), count(1, 2), count(1, 2, 3, 4, 5)].join()"));
        assertEquals(List.of(0, 1, 2, 5), counts);
        assertEquals(JsValue.of(3), eval(rt, "count.apply(null, [undefined, undefined, undefined])"),
                "explicit undefined arguments are passed");
    }

    @EngineTest
    void receivesEveryKindOfValue(JsRuntime rt) {
        List<JsValue> seen = new ArrayList<>();
        rt.global().set("take", rt.function("take", 0, (r, self, args) -> {
            seen.addAll(args.subList(0, 5));
            assertInstanceOf(JsObject.class, args.get(5));
            assertEquals(JsValue.of(1), args.get(5).asObject().get("a"));
            assertEquals(2, args.get(6).asArray().length());
            assertEquals(JsValue.of(7), args.get(7).asFunction().call());
            return JsValue.undefined();
        }));
        eval(rt, "take(undefined, null, true, 1.5, 'str', {a: 1}, [1, 2], function () { return 7; })");
        assertInstanceOf(JsUndefined.class, seen.get(0));
        assertInstanceOf(JsNull.class, seen.get(1));
        assertEquals(JsBoolean.TRUE, seen.get(2));
        assertEquals(new JsNumber(1.5), seen.get(3));
        assertEquals(new JsString("str"), seen.get(4));
    }

    @EngineTest
    void returnsEveryKindOfValue(JsRuntime rt) {
        JsObject obj = rt.newObject();
        obj.set("k", "v");
        JsArray arr = rt.newArray(JsValue.of(1), JsValue.of(2));
        JsFunction inner = rt.function("inner", 0, (r, self, args) -> JsValue.of("from inner"));
        List<JsValue> results = List.of(JsValue.undefined(), JsValue.nullValue(), JsValue.of(false), JsValue.of(-0.0),
                JsValue.of(2.5), JsValue.of("s😀"), obj, arr, inner);
        rt.global().set("give", rt.function("give", 1, (r, self, args) -> results.get(args.get(0).asInt())));
        assertEquals(JsValue.of("undefined,object,boolean,number,number,string,object,object,function"), eval(rt,
                "var t = []; for (var i = 0; i < 9; i++) t.push(typeof give(i)); t.join()"));
        assertEquals(JsValue.of(true), eval(rt, "give(0) === undefined && give(1) === null && give(2) === false"
                + " && 1 / give(3) === -Infinity && give(4) === 2.5 && give(5) === 's\\uD83D\\uDE00'"));
        assertEquals(JsValue.of("v|1,2|from inner"), eval(rt, "give(6).k + '|' + give(7).join() + '|' + give(8)()"));
        assertEquals(JsValue.of(true), eval(rt, "Array.isArray(give(7)) && give(6) === give(6)"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.BIGINT)
    void returnsBigInts(JsRuntime rt) {
        rt.global().set("big", rt.function("big", 0, (r, self, args) -> JsValue.of(BigInteger.TEN.pow(30))));
        assertEquals(JsValue.of(true), eval(rt, "typeof big() === 'bigint' && big() === BigInt('1' + '0'.repeat(30))"));
    }

    @EngineTest
    void thisIsTheReceiverOfAMethodCall(JsRuntime rt) {
        rt.global().set("self", rt.function("self", 0, (r, self, args) -> self));
        assertEquals(JsValue.of(true), eval(rt, "var obj = {name: 'o', m: self}; obj.m() === obj"));
        assertEquals(JsValue.of(true), eval(rt, "var o2 = {}; o2.m = obj.m; o2.m() === o2"));
        List<String> names = new ArrayList<>();
        rt.global().set("whoAmI", rt.function("whoAmI", 0, (r, self, args) -> {
            names.add(self.asObject().get("name").asString());
            return JsValue.undefined();
        }));
        eval(rt, "obj.who = whoAmI; obj.who()");
        assertEquals(List.of("o"), names);
    }

    @EngineTest
    void thisFollowsCallApplyAndBind(JsRuntime rt) {
        rt.global().set("self", rt.function("self", 0, (r, self, args) -> self));
        assertEquals(JsValue.of(true), eval(rt, "var a = {}, b = {}, c = {};"
                + " self.call(a) === a && self.apply(b, []) === b && self.bind(c)() === c"));
        assertEquals(JsValue.of(true), eval(rt, "self.bind(c).call(a) === c"));
    }

    @EngineTest
    void thrownJavaExceptionIsCatchableInJavaScript(JsRuntime rt) {
        rt.global().set("fail", rt.function("fail", 0, (r, self, args) -> {
            throw new IllegalStateException("boom from Java");
        }));
        assertEquals(JsValue.of("true:boom from Java"), eval(rt,
                "var r; try { fail(); r = 'not thrown'; } catch (e) { r = (e instanceof Error) + ':' + e.message; } r"));
        assertEquals(JsValue.of("finally ran"), eval(rt,
                "var f = ''; try { try { fail(); } finally { f = 'finally ran'; } } catch (e) {} f"));
    }

    @EngineTest
    void uncaughtJavaExceptionComesBackWithOriginalCause(JsRuntime rt) {
        IllegalStateException original = new IllegalStateException("original");
        rt.global().set("fail", rt.function("fail", 0, (r, self, args) -> {
            throw original;
        }));
        JsError direct = assertThrows(JsError.class, () -> eval(rt, "fail()"));
        assertSame(original, direct.getCause());
        assertEquals("original", direct.jsMessage());
        JsError throughFrames = assertThrows(JsError.class,
                () -> eval(rt, "function a() { return b(); } function b() { return fail() + 1; } a()"));
        assertSame(original, throughFrames.getCause());
        JsError viaCall = assertThrows(JsError.class, () -> rt.global().get("a").asFunction().call());
        assertSame(original, viaCall.getCause());
    }

    @EngineTest
    void jsErrorOfTypeBecomesThatJavaScriptError(JsRuntime rt) {
        rt.global().set("check", rt.function("check", 1, (r, self, args) -> {
            throw JsError.of(JsErrorType.valueOf(args.get(0).asString()), "bad " + args.get(0).asString());
        }));
        assertEquals(JsValue.of("true:TypeError:bad TYPE_ERROR"), eval(rt,
                "var r; try { check('TYPE_ERROR'); } catch (e) { r = (e instanceof TypeError) + ':' + e.name + ':' + e.message; } r"));
        assertEquals(JsValue.of(true), eval(rt, "try { check('RANGE_ERROR'); } catch (e) { e instanceof RangeError; }"));
        assertEquals(JsValue.of(true), eval(rt, "try { check('REFERENCE_ERROR'); } catch (e) { e instanceof ReferenceError; }"));
        assertEquals(JsValue.of(true), eval(rt, "try { check('SYNTAX_ERROR'); } catch (e) { e instanceof SyntaxError; }"));
        assertEquals(JsValue.of(true), eval(rt, "try { check('ERROR'); } catch (e) { e instanceof Error && e.name === 'Error'; }"));
        JsError uncaught = assertThrows(JsError.class, () -> eval(rt, "check('TYPE_ERROR')"));
        assertEquals("TypeError", uncaught.name().orElseThrow());
        assertEquals("bad TYPE_ERROR", uncaught.jsMessage());
    }

    @EngineTest
    void storedAndCalledLater(JsRuntime rt) {
        AtomicInteger calls = new AtomicInteger();
        rt.global().set("hook", rt.function("hook", 0, (r, self, args) -> JsValue.of(calls.incrementAndGet())));
        eval(rt, "var registry = {handlers: [hook]}; delete this.hook;");
        assertEquals(0, calls.get());
        assertEquals(JsValue.of(1), eval(rt, "registry.handlers[0]()"));
        JsRef<JsObject> registry = rt.global().get("registry").asObject().persist();
        assertEquals(JsValue.of(2), registry.get().get("handlers").asArray().get(0).asFunction().call());
        registry.close();
        assertEquals(2, calls.get());
    }

    @EngineTest
    @RequiresFeature(EsFeature.PROMISES)
    void calledFromPromiseCallbacks(JsRuntime rt) {
        List<JsValue> seen = new ArrayList<>();
        rt.global().set("collect", rt.function("collect", 1, (r, self, args) -> {
            seen.add(args.get(0));
            return JsValue.of(args.get(0).asNumber() * 2);
        }));
        eval(rt, "var out; Promise.resolve(21).then(collect).then(function (v) { out = v; });"
                + " Promise.reject(new Error('no')).catch(function (e) { return collect(e.message.length); });");
        assertEquals(List.of(JsValue.of(21), JsValue.of(2)), seen);
        assertEquals(JsValue.of(42), rt.global().get("out"));
    }

    @EngineTest
    void recursionJsToHostToJs(JsRuntime rt) {
        rt.global().set("hostFact", rt.function("hostFact", 1, (r, self, args) -> {
            double n = args.get(0).asNumber();
            if (n <= 1) return JsValue.of(1);
            return JsValue.of(n * r.global().get("jsFact").asFunction().call(JsValue.of(n - 1)).asNumber());
        }));
        eval(rt, "function jsFact(n) { return n <= 1 ? 1 : n * hostFact(n - 1); }");
        assertEquals(JsValue.of(3628800), eval(rt, "jsFact(10)"));
        assertEquals(JsValue.of(479001600), eval(rt, "hostFact(12)"));
    }

    @EngineTest
    void objectsMadeInsideTheCallbackReachJavaScript(JsRuntime rt) {
        rt.global().set("makePoint", rt.function("makePoint", 2, (r, self, args) -> {
            JsObject p = r.newObject();
            p.set("x", args.get(0));
            p.set("y", args.get(1));
            p.set("tags", r.newArray(JsValue.of("a"), JsValue.of("b")));
            return p;
        }));
        assertEquals(JsValue.of("3,4,a-b"), eval(rt, "var p = makePoint(3, 4); [p.x, p.y, p.tags.join('-')].join()"));
    }

    @EngineTest
    void manyCallsLeaveNoHandlesBehind(JsRuntime rt) {
        rt.global().set("touch", rt.function("touch", 1, (r, self, args) -> {
            JsObject o = args.get(0).asObject();
            return JsValue.of(o.get("i").asNumber() + r.newObject().propertyNames().size());
        }));
        int before = rt.stats().liveHandles();
        assertEquals(JsValue.of(49995000), eval(rt, "var s = 0; for (var i = 0; i < 10000; i++) s += touch({i: i}); s"));
        assertEquals(before, rt.stats().liveHandles(),
                "handles made during host calls are released when each call returns");
    }

    @EngineTest
    void javaNullReturnedByAHostFunctionIsUndefined(JsRuntime rt) {
        rt.global().set("nothing", rt.function("nothing", 0, (r, self, args) -> null));
        assertEquals(JsValue.of("undefined"), eval(rt, "typeof nothing()"));
        assertTrue(rt.global().get("nothing").asFunction().call().isUndefined());
    }

    /**
     * A host function goes with its JavaScript function (JSI: the HostFunction is released when the
     * function object is collected): what it captured is not held until the runtime closes, while a
     * function still in use keeps working.
     */
    @EngineTest
    void aHostFunctionIsReleasedWithItsJavaScriptFunction(JsRuntime rt) throws InterruptedException {
        java.lang.ref.WeakReference<Object> released = madeAndDropped(rt, new byte[1 << 20]);
        Object keptCapture = new StringBuilder("kept");
        java.lang.ref.WeakReference<Object> stillHeld = new java.lang.ref.WeakReference<>(keptCapture);
        final Object capture = keptCapture;
        rt.global().set("kept", rt.function("kept", 0, (r, self, args) -> JsValue.of(capture.toString())));
        keptCapture = null;
        for (int i = 0; i < 40 && released.get() != null; i++) {
            rt.collectGarbage();
            System.gc();
            Thread.sleep(25);
        }
        assertTrue(released.get() == null, "the host function of a collected JavaScript function was released");
        assertTrue(stillHeld.get() != null, "a host function still reachable from JavaScript is kept");
        assertEquals(JsValue.of("kept"), eval(rt, "kept()"));
    }

    /** Makes a host function capturing {@code capture}, calls it once from JavaScript and lets every reference to it go. */
    @SuppressWarnings("try")
    private static java.lang.ref.WeakReference<Object> madeAndDropped(JsRuntime rt, Object capture) {
        try (org.jsi4j.JsScope scope = rt.openScope()) {
            JsFunction f = rt.function("temp", 0, (r, self, args) -> JsValue.of(capture.hashCode()));
            JsFunction call = eval(rt, "(function (f) { return f(); })").asFunction();
            assertEquals(JsValue.of(capture.hashCode()), call.call(f));
        }
        return new java.lang.ref.WeakReference<>(capture);
    }
}
