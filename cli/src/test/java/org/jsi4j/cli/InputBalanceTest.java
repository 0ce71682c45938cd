package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSyntaxError;
import org.junit.jupiter.api.Test;

/**
 * The REPL's "needs another line" check: brackets inside regular expression literals, strings,
 * templates and comments do not count; each verdict is checked against V8's own parser (what
 * needs more input does not compile yet, what is complete compiles).
 */
class InputBalanceTest {
    /** Complete, valid JavaScript whose brackets do not balance outside its tokens. */
    private static final List<String> COMPLETE = List.of(
            "let r = /[/]/; r.test('/')",
            "'a(b'.match(/[(]/)",
            "x = /{/",
            "const re = /\\//g, s = '[', t = \"{\"",
            "if (true) { /[(]/.test('(') }",
            "function f() { return /[}]/.source }",
            "1 / 2 / 3",
            "let a = 4, b = 2; (a) / b / 1",
            "`${'{'}` + `}`",
            "`outer ${`inner ${1 + 1}`} done`",
            "/* ( [ { */ 1",
            "// ( [ {\n2",
            "typeof /[[]/",
            "[1, 2].map(x => x / 2)",
            "({ case: 1 }).case / 1");
    /** Unfinished input: one more line is needed. */
    private static final List<String> INCOMPLETE = List.of(
            "function f() {",
            "let r = /[)]/; if (r.test(')')) {",
            "[1, /]/.source,",
            "`template ${ 1 +",
            "`open template",
            "/* open comment",
            "foo(/[(]/, '(',");

    @Test
    void bracketsInsideTokensDoNotCountAndTheEngineAgrees() {
        try (JsRuntime rt = JsEngines.factory("v8").create()) {
            for (String code : COMPLETE) {
                assertFalse(InputBalance.incomplete(code), "complete, yet asked for more: " + code);
                rt.prepare(code, "complete.js");
            }
            for (String code : INCOMPLETE) {
                assertTrue(InputBalance.incomplete(code), "unfinished, yet sent to the engine: " + code);
                assertThrows(JsSyntaxError.class, () -> rt.prepare(code, "incomplete.js"), code);
            }
        }
    }

    @Test
    void anUnterminatedRegexOrStringGoesToTheEngineToBeReported() {
        for (String code : List.of("/[/", "x = /abc", "'abc", "a = [1, /(")) {
            assertFalse(InputBalance.incomplete(code), code);
        }
    }
}
