package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsErrorTest {
    @Test
    void hostMadeErrorsCarryTypeAndMessageButNoValue() {
        JsError e = JsError.of(JsErrorType.TYPE_ERROR, "bad argument");
        assertTrue(e.isHostMade());
        assertEquals(JsErrorType.TYPE_ERROR, e.hostType().orElseThrow());
        assertEquals("TypeError: bad argument", e.getMessage());
        assertEquals("TypeError", e.name().orElseThrow());
        assertThrows(IllegalStateException.class, e::value);
    }

    @Test
    void thrownErrorsDescribeNameMessageAndLocation() {
        JsError e = new JsError(JsValue.of("boom"), null, "boom", null, new SourceLocation("app.js", 3, 7), null);
        assertEquals("Uncaught boom (app.js:3:7)", e.getMessage());
        JsError typed = new JsError(JsValue.of("x"), "RangeError", "too deep", null, null, null);
        assertEquals("RangeError: too deep", typed.getMessage());
    }

    @Test
    void syntaxErrorsLeadWithTheirLocation() {
        JsSyntaxError e = new JsSyntaxError("missing ; before statement", new SourceLocation("bad.js", 2, 5));
        assertEquals("bad.js:2:5: SyntaxError: missing ; before statement", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(5, e.column());
        assertEquals("bad.js", e.sourceName());
    }

    @Test
    void locationsOmitWhatIsUnknown() {
        assertEquals("a.js", new SourceLocation("a.js", 0, 0).toString());
        assertEquals("a.js:4", new SourceLocation("a.js", 4, 0).toString());
        assertEquals("<unknown>:4:2", new SourceLocation(null, 4, 2).toString());
    }
}
