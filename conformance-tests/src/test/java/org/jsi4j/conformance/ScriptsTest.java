package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsi4j.EsFeature;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsValue;
import org.jsi4j.PreparedScript;

/** Evaluating and preparing scripts: completion values, modes, source names. */
@Area("scripts")
class ScriptsTest {
    @EngineTest
    void preparedScriptRunsManyTimesAndStateAccumulates(JsRuntime rt) {
        PreparedScript script = rt.prepare("var counter = (typeof counter === 'number' ? counter : 0) + 1; counter",
                "counter.js");
        assertEquals("counter.js", script.sourceName());
        assertEquals(JsValue.of(1), script.run());
        assertEquals(JsValue.of(2), script.run());
        assertEquals(JsValue.of(3), script.run());
        assertEquals(JsValue.of(3), rt.global().get("counter"));
    }

    @EngineTest
    void preparingDoesNotRun(JsRuntime rt) {
        PreparedScript script = rt.prepare("var ran = true; 'ran'", "lazy.js");
        assertEquals(JsValue.of("undefined"), rt.evaluate("typeof ran", "check.js"));
        assertEquals(JsValue.of("ran"), script.run());
        assertEquals(JsValue.of(true), rt.global().get("ran"));
    }

    @EngineTest
    void preparedScriptSeesLaterGlobals(JsRuntime rt) {
        PreparedScript script = rt.prepare("input * 2", "double.js");
        rt.global().set("input", 4);
        assertEquals(JsValue.of(8), script.run());
        rt.global().set("input", 21);
        assertEquals(JsValue.of(42), script.run());
    }

    @EngineTest
    void preparedScriptSyntaxErrorAtPrepareTime(JsRuntime rt) {
        JsSyntaxError e = assertThrows(JsSyntaxError.class,
                () -> rt.prepare("var fine = 1;\nvar alsoFine = 2;\nvar broken = );", "prepared.js"));
        assertEquals("prepared.js", e.sourceName());
        assertEquals(3, e.line());
        assertTrue(e.column() >= 0 && e.column() <= "var broken = );".length() + 1, "column " + e.column());
        assertEquals(JsValue.of("undefined"), rt.evaluate("typeof fine", "check.js"));
    }

    @EngineTest
    void preparedScriptErrorsReportItsSourceName(JsRuntime rt) {
        PreparedScript script = rt.prepare("var x = 1;\nif (fail) throw new Error('as asked');\nx", "prep-err.js");
        rt.global().set("fail", false);
        assertEquals(JsValue.of(1), script.run());
        rt.global().set("fail", true);
        JsError e = assertThrows(JsError.class, script::run);
        assertEquals("prep-err.js", e.location().orElseThrow().sourceName());
        assertEquals(2, e.location().orElseThrow().line());
        rt.global().set("fail", false);
        assertEquals(JsValue.of(1), script.run(), "a failed run does not spoil the script");
    }

    @EngineTest
    void completionValues(JsRuntime rt) {
        assertEquals(JsValue.of(3), rt.evaluate("1; 2; 3", "c.js"));
        assertTrue(rt.evaluate("var declared = 5", "c.js").isUndefined());
        assertEquals(JsValue.of(7), rt.evaluate("declared = 7", "c.js"));
        assertEquals(JsValue.of("then"), rt.evaluate("if (declared > 1) { 'then' } else { 'else' }", "c.js"));
        assertEquals(JsValue.of(4), rt.evaluate("var i = 0; while (i < 4) { ++i; }", "c.js"));
        assertTrue(rt.evaluate("", "empty.js").isUndefined());
        assertTrue(rt.evaluate("// only a comment", "comment.js").isUndefined());
        assertTrue(rt.evaluate("function onlyADeclaration() {}", "decl.js").isUndefined());
        assertEquals(JsValue.of("last"), rt.evaluate("'first';\n\n'last'\n", "lines.js"));
    }

    @EngineTest
    void scriptsShareTheGlobalScope(JsRuntime rt) {
        rt.evaluate("var shared = 1; function bump() { return ++shared; }", "a.js");
        assertEquals(JsValue.of(2), rt.evaluate("bump()", "b.js"));
        assertEquals(JsValue.of(2), rt.prepare("shared", "c.js").run());
    }

    @EngineTest
    @RequiresFeature(EsFeature.LET_CONST)
    void topLevelLetAndConstAreSeenByLaterScripts(JsRuntime rt) {
        rt.evaluate("let lexical = 'let'; const constant = 'const';", "a.js");
        assertEquals(JsValue.of("let const"), rt.evaluate("lexical + ' ' + constant", "b.js"));
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("'use strict'; constant = 2;", "c.js"));
        assertEquals("TypeError", e.name().orElseThrow());
    }

    @EngineTest
    void sloppyModeByDefaultThisIsGlobal(JsRuntime rt) {
        assertTrue(rt.evaluate("this", "this.js").asObject().strictEquals(rt.global()));
    }

    @EngineTest
    void sloppyModeByDefaultWithStatementWorks(JsRuntime rt) {
        assertEquals(JsValue.of(3), rt.evaluate("var o = {a: 1, b: 2}; with (o) { a + b }", "with.js"));
    }

    @EngineTest
    void sloppyModeByDefaultUndeclaredAssignmentCreatesGlobal(JsRuntime rt) {
        rt.evaluate("(function () { implicitGlobal = 'made'; })();", "implicit.js");
        assertEquals(JsValue.of("made"), rt.global().get("implicitGlobal"));
        assertTrue(rt.global().has("implicitGlobal"));
    }

    @EngineTest
    void useStrictIsHonoured(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("'use strict';\nstrictUndeclared = 1;", "strict.js"));
        assertEquals("ReferenceError", e.name().orElseThrow());
        assertThrows(JsSyntaxError.class, () -> rt.evaluate("'use strict'; with ({}) {}", "strict.js"));
        assertThrows(JsSyntaxError.class, () -> rt.evaluate("'use strict'; var x = 010;", "strict.js"));
        assertEquals(JsValue.of("TypeError"), rt.evaluate(
                "(function () { 'use strict'; try { Object.freeze({a: 1}).a = 2; } catch (e) { return e.name; } })()",
                "strict.js"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.STRICT_MODE_THIS)
    void useStrictGivesFunctionsAnUndefinedThis(JsRuntime rt) {
        assertTrue(rt.evaluate("'use strict'; (function () { return this; })()", "strict.js").isUndefined());
    }

    @EngineTest
    void strictnessDoesNotLeakIntoLaterScripts(JsRuntime rt) {
        rt.evaluate("'use strict'; var s = 1;", "strict.js");
        rt.evaluate("leakedGlobal = 5;", "sloppy.js");
        assertEquals(JsValue.of(5), rt.global().get("leakedGlobal"));
        assertEquals(JsValue.of(1), rt.evaluate("Object.freeze({a: 1}).a = 1", "sloppy.js"),
                "sloppy write to a frozen object fails silently");
    }

    @EngineTest
    void sourceNamesAppearInStackTraces(JsRuntime rt) {
        rt.evaluate("function helper() {\n  throw new Error('in helper');\n}", "helper-lib.js");
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("\nhelper();", "calling-script.js"));
        String stack = e.jsStack().orElseThrow();
        assertTrue(stack.contains("helper-lib.js"), stack);
        assertTrue(stack.contains("calling-script.js"), stack);
        assertEquals("helper-lib.js", e.location().orElseThrow().sourceName());
    }

    @EngineTest
    void unusualSourceNamesAreKept(JsRuntime rt) {
        for (String name : new String[] {"dir/sub dir/file name.js", "https://example.com/app.js?v=1", "ünïcødé.js", "<eval>"}) {
            JsError e = assertThrows(JsError.class, () -> rt.evaluate("throw new Error('x')", name));
            assertEquals(name, e.location().orElseThrow().sourceName(), name);
            JsSyntaxError s = assertThrows(JsSyntaxError.class, () -> rt.evaluate("(", name));
            assertEquals(name, s.sourceName(), name);
        }
    }

    @EngineTest
    void largeScriptsEvaluate(JsRuntime rt) {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 5000; i++) source.append("var v").append(i).append(" = ").append(i).append(";\n");
        source.append("v4999 + v0");
        assertEquals(JsValue.of(4999), rt.evaluate(source.toString(), "large.js"));
    }

    @EngineTest
    void nullArgumentsAreRefusedClearly(JsRuntime rt) {
        NullPointerException e = assertThrows(NullPointerException.class, () -> rt.evaluate(null, "x.js"));
        assertTrue(e.getMessage().contains("source"), e.getMessage());
        assertThrows(NullPointerException.class, () -> rt.evaluate("1", null));
        assertThrows(NullPointerException.class, () -> rt.prepare(null, "x.js"));
    }
}
