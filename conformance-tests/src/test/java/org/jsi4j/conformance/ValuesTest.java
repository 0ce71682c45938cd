package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.jsi4j.EsFeature;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;

/** Every kind of {@link JsValue}, from JavaScript to Java and back. */
@Area("values")
class ValuesTest {
    private static JsValue eval(JsRuntime rt, String source) {
        return rt.evaluate(source, "values.js");
    }

    /** Sets global {@code v} from Java and evaluates {@code test} against it. */
    private static JsValue withGlobal(JsRuntime rt, JsValue v, String test) {
        rt.global().set("v", v);
        return eval(rt, test);
    }

    @EngineTest
    void numbersFromJavaScript(JsRuntime rt) {
        assertEquals(new JsNumber(3), eval(rt, "1 + 2"));
        assertEquals(0.30000000000000004, eval(rt, "0.1 + 0.2").asNumber());
        assertEquals(-7.5, eval(rt, "-15 / 2").asNumber());
        assertEquals(7, eval(rt, "7").asInt());
        assertEquals(Double.MAX_VALUE, eval(rt, "Number.MAX_VALUE").asNumber());
        assertEquals(Double.MIN_VALUE, eval(rt, "Number.MIN_VALUE").asNumber());
    }

    @EngineTest
    void specialNumbersFromJavaScript(JsRuntime rt) {
        assertTrue(Double.isNaN(eval(rt, "0 / 0").asNumber()));
        assertEquals(Double.POSITIVE_INFINITY, eval(rt, "1 / 0").asNumber());
        assertEquals(Double.NEGATIVE_INFINITY, eval(rt, "-1 / 0").asNumber());
        assertEquals(new JsNumber(-0.0), eval(rt, "-0"), "-0 keeps its sign");
        assertEquals(new JsNumber(0.0), eval(rt, "0"));
        assertNotEquals(eval(rt, "-0"), eval(rt, "0"));
    }

    @EngineTest
    void specialNumbersIntoJavaScript(JsRuntime rt) {
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(Double.NaN), "typeof v === 'number' && v !== v"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(-0.0), "v === 0 && 1 / v === -Infinity"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(0.0), "1 / v === Infinity"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(Double.POSITIVE_INFINITY), "v === Infinity"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(Double.NEGATIVE_INFINITY), "v === -Infinity"));
    }

    @EngineTest
    void largeIntegersKeepDoublePrecision(JsRuntime rt) {
        assertEquals(9007199254740991.0, eval(rt, "Number.MAX_SAFE_INTEGER").asNumber());
        assertEquals(9007199254740992.0, eval(rt, "9007199254740993").asNumber(), "rounded as a double");
        assertEquals(4294967296.0, eval(rt, "Math.pow(2, 32)").asNumber());
        assertEquals(-2147483649.0, eval(rt, "-2147483648 - 1").asNumber(), "beyond int range, no wrap-around");
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(9007199254740991.0), "v === 9007199254740991 && v + 1 === 9007199254740992"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(1e300), "v * 10 === 1e301"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(2147483648.0), "v === 2147483648 && (v | 0) === -2147483648"));
    }

    @EngineTest
    void integersAreNumbersNotSomethingElse(JsRuntime rt) {
        JsValue v = eval(rt, "40 + 2");
        assertInstanceOf(JsNumber.class, v);
        assertEquals(42, v.asInt());
        assertInstanceOf(JsNumber.class, eval(rt, "[1, 2, 3].length"));
        assertInstanceOf(JsNumber.class, eval(rt, "'abc'.charCodeAt(0)"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(42), "typeof v === 'number' && v === 42 && Number.isInteger(v)"));
    }

    @EngineTest
    void unicodeStringsBothWays(JsRuntime rt) {
        String text = "héllo wörld ✓ 日本語 ñ";
        assertEquals(new JsString(text), eval(rt, "'h\\u00e9llo w\\u00f6rld \\u2713 \\u65e5\\u672c\\u8a9e \\u00f1'"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(text),
                "v === 'h\\u00e9llo w\\u00f6rld \\u2713 \\u65e5\\u672c\\u8a9e \\u00f1' && v.length === " + text.length()));
        assertEquals(JsValue.of(text), withGlobal(rt, JsValue.of(text), "v"));
    }

    @EngineTest
    void surrogatePairsBothWays(JsRuntime rt) {
        String smile = "😀";
        assertEquals(JsValue.of(smile), eval(rt, "'\\uD83D\\uDE00'"));
        assertEquals(JsValue.of(2.0), withGlobal(rt, JsValue.of(smile), "v.length"));
        assertEquals(JsValue.of(0x1F600), withGlobal(rt, JsValue.of(smile), "v.codePointAt(0)"));
        assertEquals(JsValue.of(smile), eval(rt, "String.fromCharCode(0xD83D, 0xDE00)"));
    }

    @EngineTest
    void loneSurrogatesSurvive(JsRuntime rt) {
        String lone = "a\uD800b";
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(lone), "v.length === 3 && v.charCodeAt(1) === 0xD800"));
        assertEquals(JsValue.of(lone), withGlobal(rt, JsValue.of(lone), "v"));
        assertEquals(JsValue.of("\uDC00"), eval(rt, "String.fromCharCode(0xDC00)"));
    }

    @EngineTest
    void emptyAndNulCharacterStrings(JsRuntime rt) {
        assertEquals(JsValue.of(""), eval(rt, "''"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(""), "typeof v === 'string' && v.length === 0 && v === ''"));
        assertEquals(JsValue.of("a\u0000b"), eval(rt, "'a\\u0000b'"));
        assertEquals(JsValue.of(3.0), withGlobal(rt, JsValue.of("a\u0000b"), "v.length"));
    }

    @EngineTest
    void longStringsBothWays(JsRuntime rt) {
        String big = "x".repeat(1_000_000);
        assertEquals(JsValue.of(1_000_000.0), withGlobal(rt, JsValue.of(big), "v.length"));
        assertEquals(big, eval(rt, "new Array(1000001).join('x')").asString());
    }

    @EngineTest
    void booleansBothWays(JsRuntime rt) {
        assertEquals(JsBoolean.TRUE, eval(rt, "1 < 2"));
        assertEquals(JsBoolean.FALSE, eval(rt, "!true"));
        assertEquals(JsValue.of("boolean:true"), withGlobal(rt, JsValue.of(false), "typeof v + ':' + (v === false)"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(true), "v === true"));
    }

    @EngineTest
    void nullAndUndefinedStayDistinct(JsRuntime rt) {
        assertInstanceOf(JsNull.class, eval(rt, "null"));
        assertInstanceOf(JsUndefined.class, eval(rt, "undefined"));
        assertInstanceOf(JsUndefined.class, eval(rt, "void 0"));
        assertInstanceOf(JsUndefined.class, eval(rt, "({}).missing"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.nullValue(), "v === null && typeof v === 'object'"));
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.undefined(), "v === undefined && 'v' in this"));
        assertInstanceOf(JsNull.class, withGlobal(rt, JsValue.nullValue(), "v"));
        assertInstanceOf(JsUndefined.class, withGlobal(rt, JsValue.undefined(), "v"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.BIGINT)
    void bigIntsBothWays(JsRuntime rt) {
        assertEquals(new JsBigInt(BigInteger.TWO.pow(64)), eval(rt, "BigInt(2) ** BigInt(64)"));
        assertEquals(new JsBigInt(BigInteger.valueOf(-5)), eval(rt, "BigInt(-5)"));
        BigInteger huge = new BigInteger("123456789012345678901234567890");
        assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(huge),
                "typeof v === 'bigint' && v === BigInt('123456789012345678901234567890')"));
        assertEquals(JsValue.of(huge.add(BigInteger.ONE)), withGlobal(rt, JsValue.of(huge), "v + BigInt(1)"));
        assertEquals("bigint", eval(rt, "BigInt(1)").typeOf());
    }

    /** BigInts at the edges of 64 bits (one word of magnitude, or more), both signs. */
    private static final BigInteger[] EDGE_BIGINTS = edgeBigInts();

    private static BigInteger[] edgeBigInts() {
        BigInteger two63 = BigInteger.TWO.pow(63);
        BigInteger two64 = BigInteger.TWO.pow(64);
        return new BigInteger[] {two63, two64.subtract(BigInteger.ONE), two63.negate().subtract(BigInteger.ONE),
                two64.negate().add(BigInteger.ONE), two63.subtract(BigInteger.ONE), two63.negate(), BigInteger.TWO.pow(200),
                BigInteger.TWO.pow(200).negate(), two64};
    }

    @EngineTest
    @RequiresFeature(EsFeature.BIGINT)
    void bigIntsAtTheEdgesOfSixtyFourBitsReachJavaScriptExactly(JsRuntime rt) {
        JsFunction text = rt.evaluate("(function (x) { return typeof x + ' ' + String(x); })", "t.js").asFunction();
        for (BigInteger b : EDGE_BIGINTS) {
            assertEquals(JsValue.of(true), withGlobal(rt, JsValue.of(b), "v === BigInt('" + b + "')"), "a global: " + b);
            assertEquals(JsValue.of("bigint " + b), text.call(JsValue.of(b)), "a call's argument: " + b);
        }
    }

    @EngineTest
    @RequiresFeature(EsFeature.BIGINT)
    void bigIntsAtTheEdgesOfSixtyFourBitsReachJavaExactly(JsRuntime rt) {
        JsFunction parse = rt.evaluate("(function (s) { return BigInt(s); })", "p.js").asFunction();
        for (BigInteger b : EDGE_BIGINTS) {
            assertEquals(JsValue.of(b), eval(rt, "BigInt('" + b + "')"), "a completion value: " + b);
            assertEquals(JsValue.of(b), parse.call(JsValue.of(b.toString())), "a call's result: " + b);
        }
    }

    @EngineTest
    @RequiresFeature(EsFeature.SYMBOLS)
    void symbolsKeepIdentity(JsRuntime rt) {
        eval(rt, "var s1 = Symbol('k'); var s2 = Symbol('k');");
        JsValue a = rt.global().get("s1");
        JsSymbol s1 = assertInstanceOf(JsSymbol.class, a);
        assertEquals(s1, rt.global().get("s1"), "the same symbol read twice is equal");
        assertNotEquals(s1, rt.global().get("s2"), "same description, different symbol");
        assertEquals("k", s1.description());
        assertEquals("symbol", s1.typeOf());
        assertEquals(eval(rt, "Symbol['for']('app')"), eval(rt, "Symbol['for']('app')"), "registered symbols are shared");
        assertEquals(eval(rt, "Symbol.iterator"), eval(rt, "Symbol.iterator"));
        assertEquals(JsValue.of(true), withGlobal(rt, s1, "v === s1 && v !== s2"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.SYMBOLS)
    void symbolsMadeInJava(JsRuntime rt) {
        JsSymbol mine = rt.newSymbol("mine");
        assertEquals("mine", mine.description());
        assertEquals(JsValue.of(true), withGlobal(rt, mine, "typeof v === 'symbol' && v.toString() === 'Symbol(mine)'"));
        assertEquals(mine, eval(rt, "v"));
        assertNotEquals(mine, rt.newSymbol("mine"));
    }

    @EngineTest
    void objectKindsFromJavaScript(JsRuntime rt) {
        JsValue plain = eval(rt, "({a: 1})");
        assertEquals(JsObject.class, plain.getClass());
        assertFalse(plain.asObject().isArray());
        assertFalse(plain.asObject().isFunction());
        JsArray array = assertInstanceOf(JsArray.class, eval(rt, "[1, 2, 3]"));
        assertTrue(array.isArray());
        assertEquals(3, array.length());
        JsFunction fn = assertInstanceOf(JsFunction.class, eval(rt, "(function f() {})"));
        assertTrue(fn.isFunction());
        assertEquals(JsObject.class, eval(rt, "new Date(0)").getClass());
        assertEquals(JsObject.class, eval(rt, "/re/g").getClass());
        assertEquals(JsObject.class, eval(rt, "new String('boxed')").getClass(), "a String object is an object");
        assertInstanceOf(JsFunction.class, eval(rt, "Math.max"));
        assertInstanceOf(JsFunction.class, eval(rt, "Object"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.TYPED_ARRAYS)
    void arrayBuffersAreTheirOwnKind(JsRuntime rt) {
        JsArrayBuffer buffer = assertInstanceOf(JsArrayBuffer.class, eval(rt, "new ArrayBuffer(8)"));
        assertEquals(8, buffer.byteLength());
        assertEquals(JsObject.class, eval(rt, "new Uint8Array(2)").getClass(), "a typed array view is a plain object handle");
    }

    @EngineTest
    void typeOfMatchesJavaScript(JsRuntime rt) {
        List<String> expressions = List.of("undefined", "null", "true", "1.5", "'s'", "({})", "[]",
                "(function () {})", "new Date()", "Math", "/x/", "NaN");
        for (String expression : expressions) {
            JsValue value = eval(rt, expression);
            assertEquals(eval(rt, "typeof (" + expression + ")").asString(), value.typeOf(), expression);
        }
    }

    @EngineTest
    void primitivesRoundTripThroughGlobals(JsRuntime rt) {
        List<JsValue> values = List.of(JsValue.undefined(), JsValue.nullValue(), JsValue.of(true), JsValue.of(false),
                JsValue.of(0.0), JsValue.of(-0.0), JsValue.of(Double.NaN), JsValue.of(1.25), JsValue.of(-1e-300),
                JsValue.of(""), JsValue.of("text"), JsValue.of("😀\u0000\uFFFF"));
        for (JsValue value : values) {
            rt.global().set("roundTrip", value);
            assertEquals(value, rt.global().get("roundTrip"), "global get of " + value);
            assertEquals(value, eval(rt, "roundTrip"), "script read of " + value);
        }
    }

    @EngineTest
    void primitivesRoundTripThroughFunctionCalls(JsRuntime rt) {
        JsFunction identity = eval(rt, "(function (x) { return x; })").asFunction();
        List<JsValue> values = List.of(JsValue.undefined(), JsValue.nullValue(), JsValue.of(true),
                JsValue.of(-0.0), JsValue.of(Double.POSITIVE_INFINITY), JsValue.of(3.5), JsValue.of("é😀"));
        for (JsValue value : values) assertEquals(value, identity.call(value), "identity of " + value);
        JsObject o = rt.newObject();
        assertTrue(identity.call(o).asObject().strictEquals(o), "an object comes back as the same object");
    }

    @EngineTest
    void wrongKindConversionsSayWhatTheyGot(JsRuntime rt) {
        JsValue s = eval(rt, "'text'");
        IllegalStateException e = assertThrows(IllegalStateException.class, s::asNumber);
        assertTrue(e.getMessage().contains("string"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> eval(rt, "({})").asFunction());
        assertThrows(IllegalStateException.class, () -> eval(rt, "1.5").asInt());
        assertThrows(IllegalStateException.class, () -> eval(rt, "[]").asString());
    }
}
