package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jsi4j.SourceLocation;
import org.junit.jupiter.api.Test;

/** The stacks below are the ones V8 (Javet 5.0.6) gives, copied from runs of each case. */
class V8RunTimeSyntaxErrorsTest {
    private static final SourceLocation THROW = new SourceLocation("t.js", 1, 32);

    @Test
    void codeGeneratingBuiltInsMakeOnlyParserErrors() {
        SourceLocation f = V8RunTimeSyntaxErrors.madeBy("SyntaxError: Unexpected token ']'\n    at new Function (<anonymous>)\n"
                + "    at t.js:4:20\n    at show (t.js:1:26)", THROW, null);
        assertEquals(new SourceLocation("t.js", 4, 20), f, "placed at the call that compiled the code");
        assertNotNull(V8RunTimeSyntaxErrors.madeBy("SyntaxError: x\n    at eval (<anonymous>)\n    at t.js:3:29", THROW, null));
        assertNull(V8RunTimeSyntaxErrors.madeBy("SyntaxError: Unexpected end of JSON input\n    at JSON.parse (<anonymous>)\n"
                + "    at t.js:6:25", THROW, null), "JSON.parse makes its own SyntaxError");
        assertNull(V8RunTimeSyntaxErrors.madeBy("SyntaxError: Invalid regular expression: /(/\n    at new RegExp (<anonymous>)",
                THROW, null));
    }

    @Test
    void aDirectEvalIsRecognisedOnTheLineOfTheThrow() {
        String line = "try { eval('('); } catch (e) { throw e; }";
        String stack = "SyntaxError: Unexpected end of input\n    at t.js:1:7";
        assertEquals(new SourceLocation("t.js", 1, 7), V8RunTimeSyntaxErrors.madeBy(stack, THROW, line));
        String own = "try { new SyntaxError('x'); } catch (e) { throw e; }";
        assertNull(V8RunTimeSyntaxErrors.madeBy(stack, THROW, own), "a script's own SyntaxError at that place");
        assertNull(V8RunTimeSyntaxErrors.madeBy(stack, new SourceLocation("t.js", 3, 1), line), "another line: unknown text");
        assertNull(V8RunTimeSyntaxErrors.madeBy(stack, new SourceLocation("u.js", 1, 32), line), "another script");
        assertNull(V8RunTimeSyntaxErrors.madeBy("SyntaxError: x\n    at t.js:1:99", THROW, line), "past the line's end");
        assertNull(V8RunTimeSyntaxErrors.madeBy("replaced by the script", THROW, line));
        assertNull(V8RunTimeSyntaxErrors.madeBy(null, THROW, line));
    }
}
