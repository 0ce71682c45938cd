package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.exceptions.JavetExecutionException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8ValueGlobalObject;
import com.caoccao.javet.values.reference.V8ValueObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The capture on a bare Javet runtime: what Javet 5.0.6 drops, and that nothing else is caught. */
class V8ThrowCaptureTest {
    private final V8Runtime rt = V8Platform.newRuntime();
    private final V8ThrowCapture capture = V8ThrowCapture.install(rt);

    @AfterEach
    void close() throws JavetException {
        rt.close();
    }

    @Test
    void installsOnThePinnedJavetVersion() {
        // if a Javet upgrade renames the reference map, this fails instead of silently degrading errors
        assertTrue(capture.installed(), "V8Runtime.referenceMap is no longer a HashMap field");
    }

    @Test
    void javetAloneLosesTheThrownObject() throws JavetException {
        JavetExecutionException e = assertThrows(JavetExecutionException.class,
                () -> rt.getExecutor("var thrown = {code: 7}; throw thrown;").executeVoid());
        assertEquals(Map.of("code", 7), e.getScriptingError().getContext(), "Javet reports a copy");
        assertNull(capture.take(), "outside an entry nothing is captured");
    }

    @Test
    void keepsTheThrownObjectWithinAnEntry() throws JavetException {
        boolean outer = capture.enter();
        try {
            assertThrows(JavetExecutionException.class,
                    () -> rt.getExecutor("var thrown = {code: 7}; throw thrown;").executeVoid());
        } finally {
            capture.leave(outer);
        }
        try (V8Value taken = capture.take(); V8ValueGlobalObject g = rt.getGlobalObject();
             V8Value original = g.get("thrown")) {
            assertInstanceOf(V8ValueObject.class, taken);
            assertTrue(taken.strictEquals(original), "the very object, not a copy");
        }
        assertNull(capture.take(), "taken once");
    }

    @Test
    void keepsNothingForAThrownPrimitiveOrAHandleMadeEarlier() throws JavetException {
        try (V8ValueObject made = rt.createV8ValueObject()) {
            boolean outer = capture.enter();
            try {
                rt.getExecutor("({early: true})").execute().close();  // registered and closed: not thrown
                assertThrows(JavetExecutionException.class, () -> rt.getExecutor("throw 42").executeVoid());
            } finally {
                capture.leave(outer);
            }
            assertNull(capture.take());
            assertTrue(!made.isClosed());
        }
    }

    @Test
    void countsNoHandleOnceTaken() throws JavetException {
        int before = rt.getReferenceCount();
        for (int i = 0; i < 100; i++) {
            boolean outer = capture.enter();
            try {
                assertThrows(JavetExecutionException.class, () -> rt.getExecutor("throw new Error('x')").executeVoid());
            } finally {
                capture.leave(outer);
            }
            capture.take().close();
        }
        assertEquals(before, rt.getReferenceCount());
    }
}
