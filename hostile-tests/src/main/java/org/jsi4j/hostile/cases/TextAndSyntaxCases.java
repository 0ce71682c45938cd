package org.jsi4j.hostile.cases;

import static org.jsi4j.hostile.Expect.jsError;
import static org.jsi4j.hostile.Expect.jsErrorWithoutName;
import static org.jsi4j.hostile.Expect.syntaxError;

import java.util.List;
import org.jsi4j.JsValue;
import org.jsi4j.hostile.CaseList;
import org.jsi4j.hostile.HostileCase;

/**
 * Lone surrogates crossing the boundary in both directions, and syntax errors raised by nested
 * {@code eval} and {@code new Function}, which must reach the caller as {@code JsSyntaxError}.
 */
public final class TextAndSyntaxCases {
    private TextAndSyntaxCases() {
    }

    /** The cases. */
    public static List<HostileCase> cases() {
        return new CaseList("text")
                .script("thrown-lone-high-surrogate", "throw '\\uD800'", jsErrorWithoutName().jsMessage("\uD800"))
                .script("error-lone-low-surrogate", "throw new Error('a\\uDC00b')", jsError("Error").jsMessage("a\uDC00b"))
                .script("error-reversed-pair", "throw new TypeError('\\uDC00\\uD800')",
                        jsError("TypeError").jsMessage("\uDC00\uD800"))
                .script("well-formed-json-stringify", "var o = {}; o['\\uD800'] = '\\uDFFF'; throw new SyntaxError(JSON.stringify(o))",
                        jsError("SyntaxError").jsMessage("{\"\\ud800\":\"\\udfff\"}"))
                .scripted("lone-surrogate-from-java", jsError("RangeError").jsMessage("3:\uD800x\uDBFF"), ctx -> {
                    var rt = ctx.runtime();
                    rt.global().set("s", JsValue.of("\uD800x\uDBFF"));
                    return rt.evaluate("throw new RangeError(s.length + ':' + s)", "text.js");
                })
                .script("lone-surrogate-in-source", "var \uD800 = 1", syntaxError())
                .build();
    }

    /** Syntax errors from nested evaluation. */
    public static List<HostileCase> syntaxCases() {
        return new CaseList("syntax")
                .script("top-level", "var x = ;", syntaxError())
                .script("eval", "eval('var = ;')", syntaxError())
                .script("new-function", "new Function('return ]')", syntaxError())
                .script("nested-eval", "eval(\"eval('}')\")", syntaxError())
                .script("new-function-in-eval", "(function () { return eval('new Function(\"a b c\")'); })()", syntaxError())
                .script("eval-error-rethrown", "try { eval('('); } catch (e) { throw e; }", syntaxError())
                .script("json-parse-is-not-source", "JSON.parse('{')", jsError("SyntaxError"))
                .build();
    }
}
