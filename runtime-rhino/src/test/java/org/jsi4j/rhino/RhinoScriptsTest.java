package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.JsRuntime;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsValue;
import org.jsi4j.PreparedScript;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Test;

/** A script is compiled once per factory and run in every runtime of it, each with its own state. */
class RhinoScriptsTest {
    private static final String BUNDLE = "var counter = 0; function bump() { return ++counter; }\n"
            + "/* " + "padding ".repeat(200) + " */\n";

    @Test
    void laterRuntimesReuseTheCompiledScriptAndKeepTheirOwnState() {
        RhinoRuntimeFactory factory = new RhinoRuntimeFactory();
        try (JsRuntime a = factory.create()) {
            assertEquals(0, reusedBy(factory, () -> a.evaluate(BUNDLE, "bundle.js")));
            assertEquals(JsValue.of(1), a.evaluate("bump()", "a.js"));
            assertEquals(JsValue.of(2), a.evaluate("bump()", "a.js"));
        }
        for (int i = 1; i <= 3; i++) {
            try (JsRuntime b = factory.create()) {
                assertEquals(1, reusedBy(factory, () -> b.evaluate(BUNDLE, "bundle.js")));
                assertEquals(JsValue.of(1), b.evaluate("bump()", "b.js"), "a fresh runtime starts from the script's own state");
            }
        }
        try (JsRuntime c = factory.create()) {
            PreparedScript[] p = new PreparedScript[1];
            assertEquals(1, reusedBy(factory, () -> p[0] = c.prepare(BUNDLE, "bundle.js")), "a prepared script comes from the same cache");
            p[0].run();
            assertEquals(JsValue.of(1), c.evaluate("bump()", "c.js"));
            assertEquals(0, reusedBy(factory, () -> c.evaluate(BUNDLE, "other-name.js")), "another source name is another script");
        }
    }

    @Test
    void compiledModeReusesEvenTinyScripts() {
        // Rhino's bytecode compiler generates a class even for "1": a new runtime's first script would cost a class each time
        RhinoRuntimeFactory factory = new RhinoRuntimeFactory();
        try (JsRuntime a = factory.create()) {
            assertEquals(0, reusedBy(factory, () -> a.evaluate("1", "tiny.js")));
        }
        try (JsRuntime b = factory.create()) {
            assertEquals(1, reusedBy(factory, () -> assertEquals(JsValue.of(1), b.evaluate("1", "tiny.js"))));
        }
        try (JsRuntime interpreted = factory.create(RuntimeOptions.forSnapshotting())) {
            interpreted.evaluate("1", "tiny.js");
            assertEquals(0, reusedBy(factory, () -> interpreted.evaluate("1", "tiny.js")), "interpreting a tiny script is cheaper than caching it");
        }
    }

    private static long reusedBy(RhinoRuntimeFactory factory, Runnable action) {
        long before = factory.reusedScripts();
        action.run();
        return factory.reusedScripts() - before;
    }

    @Test
    void interpretedRuntimesGetInterpretedScriptsAndSyntaxErrorsAreNotCached() {
        RhinoRuntimeFactory factory = new RhinoRuntimeFactory();
        try (JsRuntime compiled = factory.create(); JsRuntime interpreted = factory.create(RuntimeOptions.forSnapshotting())) {
            compiled.evaluate(BUNDLE, "bundle.js");
            interpreted.evaluate(BUNDLE, "bundle.js");
            assertEquals(0, factory.reusedScripts(), "a snapshotting runtime compiles its own interpreted form");
            String broken = BUNDLE + "function (";
            for (int i = 0; i < 2; i++) {
                JsSyntaxError e = assertThrows(JsSyntaxError.class, () -> compiled.evaluate(broken, "broken.js"));
                assertTrue(e.getMessage().contains("broken.js"), e.getMessage());
            }
            assertEquals(0, factory.reusedScripts());
        }
    }

    @Test
    void bigScriptsRunAndOneTooBigForRhinoSaysSo() {
        RhinoRuntimeFactory factory = new RhinoRuntimeFactory();
        try (JsRuntime rt = factory.create()) {
            // past the JVM's class-file limits: Rhino falls back to its interpreter and runs it
            assertEquals(JsValue.of(19_999), rt.evaluate(declarations(20_000), "big.js"));
            org.jsi4j.JsEngineException e = assertThrows(org.jsi4j.JsEngineException.class,
                    () -> rt.evaluate(declarations(70_000), "huge.js"));
            assertTrue(e.getMessage().contains("too large for Rhino") && e.getMessage().contains("Split it"), e.getMessage());
            assertEquals(JsValue.of(2), rt.evaluate("1 + 1", "after.js"), "the runtime goes on");
        }
    }

    private static String declarations(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append("var v").append(i).append(" = ").append(i).append(";\n");
        return b.append("v").append(n - 1).toString();
    }
}
