package org.jsi4j.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.jsi4j.JsTerminatedException.Reason;
import org.junit.jupiter.api.Test;

/** Expectations match exactly what they name, so a case fails when the behaviour regresses. */
class ExpectationTest {
    private static Observation threw(String type, String jsName, String reason, String message, String jsMessage, String cause) {
        return new Observation(Observation.Kind.THREW, type, jsName, reason, message, jsMessage, cause, 1, null, null);
    }

    @Test
    void aJsErrorMustHaveTheNameAndMessage() {
        Observation rangeError = threw("org.jsi4j.JsError", "RangeError", null, "RangeError: x", "x", null);
        assertEquals(Optional.empty(), Expect.jsError("RangeError").jsMessage("x").mismatch(rangeError));
        assertEquals(Optional.of("expected name TypeError"), Expect.jsError("TypeError").mismatch(rangeError));
        assertTrue(Expect.jsErrorWithoutName().mismatch(rangeError).isPresent());
        assertEquals(Optional.empty(), Expect.jsErrorAnyName().mismatch(rangeError));
        assertTrue(Expect.jsError("RangeError").jsMessage("y").mismatch(rangeError).isPresent());
        assertTrue(Expect.syntaxError().mismatch(rangeError).isPresent());
    }

    @Test
    void misuseMustBeTheExactTypeMentioningTheWords() {
        Observation foreign = threw(IllegalArgumentException.class.getName(), null, null,
                "A handle from another runtime (v8) was passed", null, null);
        assertEquals(Optional.empty(), Expect.illegalArgument().mentioning("Another Runtime").mismatch(foreign));
        assertTrue(Expect.illegalArgument().mentioning("closed").mismatch(foreign).isPresent());
        assertTrue(Expect.illegalState().mismatch(foreign).isPresent());
    }

    @Test
    void crashesHangsAndReturnsMeetNoExpectation() {
        Observation crash = new Observation(Observation.Kind.CRASH, null, null, null, "exit 139 (SIGSEGV)", null, null, 1,
                null, null);
        Observation returned = new Observation(Observation.Kind.RETURNED, null, null, null, "42", null, null, 1, null, null);
        Expectation any = Expect.anyOf(Expect.terminated(Reason.TIME_LIMIT), Expect.jsErrorAnyName());
        assertTrue(any.mismatch(crash).isPresent());
        assertTrue(any.mismatch(returned).isPresent());
        assertEquals(Optional.empty(), any.mismatch(threw("org.jsi4j.JsTerminatedException", null, "TIME_LIMIT", "m", null, null)));
        assertTrue(any.mismatch(threw("org.jsi4j.JsTerminatedException", null, "INTERRUPTED", "m", null, null)).isPresent());
    }

    @Test
    void loneSurrogatesAreComparedEscaped() {
        assertEquals("a\\udc00b", Text.escape("a\uDC00b"));
        Observation o = threw("org.jsi4j.JsError", "Error", null, "Error: a\\udc00b", Text.escape("a\uDC00b"), null);
        assertEquals(Optional.empty(), Expect.jsError("Error").jsMessage("a\uDC00b").mismatch(o));
    }
}
