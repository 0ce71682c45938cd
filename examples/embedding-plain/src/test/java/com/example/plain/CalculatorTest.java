package com.example.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.junit.jupiter.api.Test;

class CalculatorTest {
    @Test
    void everyEngineFromTheBomRuns() {
        assertEquals(java.util.List.of("graal", "rhino", "v8"), JsEngines.ids());
        for (String id : JsEngines.ids()) {
            assertEquals(10.0, new Calculator(id).evaluate("sq(x) + 1", 3), id);
            assertThrows(JsError.class, () -> new Calculator(id).evaluate("nope(x)", 1), id);
        }
    }

    @Test
    void noGuiceAndNoGuavaReachAnApplicationThatDoesNotAskForThem() {
        for (String type : new String[] {"com.google.inject.Guice", "com.google.common.collect.ImmutableList", "org.jsi4j.guice.EnginesModule"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(type), type + " is on the class path");
        }
    }

    /** The recipe of runtime-graal/README.md, applied by this pom's graal-jit profile when the JDK matches the compiler. */
    @Test
    void graalJsRunsWithItsJitWhenTheRecipeIsApplied() {
        boolean expected = "expected".equals(System.getProperty("example.jit"));
        assertEquals(expected, JsEngines.factory("graal").capabilities().jit(), new Calculator("graal").describe());
        assertTrue(new Calculator("graal").describe().endsWith(expected ? "JIT active" : "JIT inactive"));
    }
}
