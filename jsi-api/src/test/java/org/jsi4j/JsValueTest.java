package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsValueTest {
    @Test
    void primitivesReportTheirTypeof() {
        assertEquals("undefined", JsValue.undefined().typeOf());
        assertEquals("object", JsValue.nullValue().typeOf());
        assertEquals("boolean", JsValue.of(true).typeOf());
        assertEquals("number", JsValue.of(1.5).typeOf());
        assertEquals("string", JsValue.of("x").typeOf());
        assertEquals("bigint", JsValue.of(BigInteger.TEN).typeOf());
        assertEquals("symbol", new JsSymbol("d", new Object()).typeOf());
    }

    @Test
    void numbersPrintAsJavaScriptDoes() {
        assertEquals("1", JsValue.of(1).toString());
        assertEquals("-3", JsValue.of(-3).toString());
        assertEquals("1.5", JsValue.of(1.5).toString());
        assertEquals("NaN", JsValue.of(Double.NaN).toString());
        assertEquals("-Infinity", JsValue.of(Double.NEGATIVE_INFINITY).toString());
        assertEquals("0", JsValue.of(-0.0).toString());
        assertEquals("9007199254740993n", JsValue.of(new BigInteger("9007199254740993")).toString());
    }

    @Test
    void numberEqualityFollowsObjectIs() {
        assertEquals(JsValue.of(Double.NaN), JsValue.of(Double.NaN));
        assertNotEquals(JsValue.of(0.0), JsValue.of(-0.0));
    }

    @Test
    void booleansAreShared() {
        assertSame(JsBoolean.TRUE, JsValue.of(true));
        assertSame(JsBoolean.FALSE, JsValue.of(false));
    }

    @Test
    void accessorsNameTheActualTypeOnMismatch() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JsValue.of("x").asNumber());
        assertEquals("expected a number, got a string value", e.getMessage());
        assertThrows(IllegalStateException.class, () -> JsValue.of(1.5).asInt());
        assertEquals(3, JsValue.of(3).asInt());
        assertEquals("x", JsValue.of("x").asString());
        assertTrue(JsValue.of(true).asBoolean());
        assertThrows(IllegalStateException.class, () -> JsValue.undefined().asObject());
    }

    @Test
    void nullishCoversUndefinedAndNullOnly() {
        assertTrue(JsValue.undefined().isNullish());
        assertTrue(JsValue.nullValue().isNullish());
        assertFalse(JsValue.of(0).isNullish());
        assertFalse(JsValue.of("").isNullish());
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> JsValue.of((String) null));
        assertThrows(NullPointerException.class, () -> JsValue.of((BigInteger) null));
    }

    @Test
    void symbolsCompareByEngineIdentityNotDescription() {
        Object token = new Object();
        assertEquals(new JsSymbol("a", token), new JsSymbol("b", token));
        assertNotEquals(new JsSymbol("a", new Object()), new JsSymbol("a", new Object()));
        assertEquals("Symbol(a)", new JsSymbol("a", token).toString());
        assertEquals("Symbol()", new JsSymbol(null, token).toString());
    }

    @Test
    void switchOverValuesIsExhaustive() {
        JsValue v = JsValue.of("s");
        String kind = switch (v) {
            case JsUndefined u -> "u";
            case JsNull n -> "n";
            case JsBoolean b -> "b";
            case JsNumber n -> "num";
            case JsBigInt b -> "big";
            case JsString s -> "str";
            case JsSymbol s -> "sym";
            case JsObject o -> "obj";
        };
        assertEquals("str", kind);
    }
}
