package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;

class RhinoOptionsTest {
    private final RhinoRuntimeFactory factory = new RhinoRuntimeFactory();

    /**
     * How deep a recursion gets on a thread with a 512 KB stack: Rhino's interpreter keeps its frames
     * on the heap, compiled code on the thread's stack.
     */
    private String depthReached(RuntimeOptions options) throws InterruptedException {
        String[] out = new String[1];
        Thread t = new Thread(null, () -> {
            try (JsRuntime rt = factory.create(options)) {
                out[0] = rt.evaluate("function f(n) { return n == 0 ? 0 : 1 + f(n - 1); }"
                        + " try { String(f(20000)) } catch (e) { e.name }", "deep.js").toString();
            } catch (JsError e) {
                out[0] = e.name().orElse("no name");
            }
        }, "rhino-depth", 512 * 1024);
        t.start();
        t.join();
        return out[0];
    }

    @Test
    void optimizationLevelMinusOneInterprets() throws InterruptedException {
        assertEquals("20000", depthReached(RuntimeOptions.defaults().with(RhinoOptions.OPTIMIZATION_LEVEL, -1)));
        assertEquals("RangeError", depthReached(RuntimeOptions.defaults()));
        assertEquals("RangeError", depthReached(RuntimeOptions.defaults().with(RhinoOptions.OPTIMIZATION_LEVEL, 9)));
    }

    @Test
    void unknownAndMalformedOptionsNameTheEngineAndTheOptions() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> factory.create(RuntimeOptions.defaults().withEngineOptions(Map.of("rhino.languageVersion", "170"))));
        assertEquals("Unknown engine option 'rhino.languageVersion' for engine rhino; it accepts"
                + " rhino.optimizationLevel (./jsi engines --options lists what each does)", unknown.getMessage());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> factory.create(RuntimeOptions.defaults().withEngineOptions(Map.of("rhino.optimizationLevel", "fast"))));
        assertEquals("Engine option rhino.optimizationLevel=fast for engine rhino: 'fast' is not an integer;"
                + " expected an integer from -1 to 9", malformed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RuntimeOptions.defaults().with(RhinoOptions.OPTIMIZATION_LEVEL, 10));
    }

    @Test
    void optionsOfOtherEnginesAreLeftToThem() {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withEngineOptions(Map.of("v8.flags", "--expose-gc",
                "graal.js.strict", "true")))) {
            assertEquals(JsValue.of(1), rt.evaluate("undeclared = 1", "sloppy.js"));
        }
    }
}
