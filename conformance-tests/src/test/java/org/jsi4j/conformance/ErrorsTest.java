package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jsi4j.EsFeature;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsString;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsValue;
import org.jsi4j.SourceLocation;

/** Errors crossing between JavaScript and Java, both ways. */
@Area("errors")
class ErrorsTest {
    @EngineTest
    void thrownTypeErrorCarriesNameMessageStackAndLocation(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("var a = 1;\nvar b = 2;\nthrow new TypeError('bad type');",
                "err.js"));
        assertEquals("TypeError", e.name().orElseThrow());
        assertEquals("bad type", e.jsMessage());
        SourceLocation where = e.location().orElseThrow();
        assertEquals("err.js", where.sourceName());
        assertEquals(3, where.line());
        assertTrue(e.jsStack().orElseThrow().contains("err.js"), e.jsStack().orElseThrow());
        assertTrue(e.getMessage().startsWith("TypeError: bad type"), e.getMessage());
        JsObject value = e.value().asObject();
        assertTrue(value.instanceOf(rt.global().get("TypeError").asFunction()));
        assertEquals(JsValue.of("bad type"), value.get("message"));
    }

    /**
     * A script big enough for an engine's code cache (V8 caches sources of 1 KB or more from their
     * second sighting) keeps its thrown object in every runtime: the first compiles it, the second
     * makes cached code, the third runs from it.
     */
    @EngineTest
    void aLargeScriptKeepsItsThrownObjectWhenItsCodeIsCached(JsRuntimeFactory factory) {
        String source = "// " + "x".repeat(2_000) + "\nvar padding = 1;\nthrow new TypeError('big script');";
        for (int round = 1; round <= 3; round++) {
            try (JsRuntime rt = factory.create()) {
                JsError e = assertThrows(JsError.class, () -> rt.evaluate(source, "big.js"));
                assertEquals("TypeError", e.name().orElseThrow(), "round " + round);
                JsObject value = e.value().asObject();
                assertTrue(value.instanceOf(rt.global().get("TypeError").asFunction()), "round " + round);
                assertEquals(JsValue.of("big script"), value.get("message"), "round " + round);
                assertEquals(3, e.location().orElseThrow().line(), "round " + round);
            }
        }
    }

    @EngineTest
    void engineRaisedErrorsHaveStandardNames(JsRuntime rt) {
        assertEquals("TypeError", assertThrows(JsError.class, () -> rt.evaluate("null.x", "t.js")).name().orElseThrow());
        assertEquals("ReferenceError", assertThrows(JsError.class,
                () -> rt.evaluate("notDeclaredAnywhere + 1", "r.js")).name().orElseThrow());
        assertEquals("RangeError", assertThrows(JsError.class, () -> rt.evaluate("new Array(-1)", "g.js")).name().orElseThrow());
        assertEquals("TypeError", assertThrows(JsError.class, () -> rt.evaluate("var n = 1; n()", "c.js")).name().orElseThrow());
    }

    @EngineTest
    void referenceErrorLocation(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("\n\nvar x = missingName;", "ref.js"));
        assertEquals("ReferenceError", e.name().orElseThrow());
        assertEquals(3, e.location().orElseThrow().line());
        assertEquals("ref.js", e.location().orElseThrow().sourceName());
    }

    @EngineTest
    void throwingAStringKeepsTheValue(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("throw 'just a string'", "s.js"));
        assertTrue(e.name().isEmpty(), "a thrown string has no error name");
        assertEquals(new JsString("just a string"), e.value());
        assertEquals("just a string", e.jsMessage());
    }

    @EngineTest
    void throwingANumberKeepsTheValue(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("throw 42", "n.js"));
        assertEquals(new JsNumber(42), e.value());
        assertTrue(e.name().isEmpty());
        assertTrue(assertThrows(JsError.class, () -> rt.evaluate("throw null", "null.js")).value().isNull());
        assertTrue(assertThrows(JsError.class, () -> rt.evaluate("throw undefined", "u.js")).value().isUndefined());
    }

    @EngineTest
    void throwingAnObjectKeepsItsIdentity(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("var thrown = {code: 7}; throw thrown;", "o.js"));
        JsObject value = e.value().asObject();
        assertTrue(value.strictEquals(rt.global().get("thrown")));
        assertEquals(JsValue.of(7), value.get("code"));
    }

    @EngineTest
    void errorKeepsCustomProperties(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate(
                "var err = new Error('with extras'); err.code = 'E_FAIL'; err.details = {retry: true}; throw err;", "x.js"));
        JsObject value = e.value().asObject();
        assertEquals(JsValue.of("E_FAIL"), value.get("code"));
        assertEquals(JsValue.of(true), value.get("details").asObject().get("retry"));
        assertEquals("with extras", e.jsMessage());
    }

    @EngineTest
    void customErrorNames(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate(
                "function ValidationError(m) { this.message = m; }"
                + " ValidationError.prototype = Object.create(Error.prototype);"
                + " ValidationError.prototype.name = 'ValidationError';"
                + " throw new ValidationError('field x');", "custom.js"));
        assertEquals("ValidationError", e.name().orElseThrow());
        assertEquals("field x", e.jsMessage());
    }

    @EngineTest
    @RequiresFeature(value = EsFeature.CLASSES, transpilable = true)
    void errorSubclasses(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate(
                "class HttpError extends Error { constructor(status) { super('status ' + status);"
                + " this.name = 'HttpError'; this.status = status; } }\nthrow new HttpError(404);", "class-err.js"));
        assertEquals("HttpError", e.name().orElseThrow());
        assertEquals("status 404", e.jsMessage());
        assertEquals(JsValue.of(404), e.value().asObject().get("status"));
        assertEquals(2, e.location().orElseThrow().line());
    }

    @EngineTest
    void syntaxErrorsCarrySourceLineAndColumn(JsRuntime rt) {
        String source = "var ok = 1;\nvar broken = ;\n";
        JsSyntaxError e = assertThrows(JsSyntaxError.class, () -> rt.evaluate(source, "bad.js"));
        assertEquals("bad.js", e.sourceName());
        assertEquals(2, e.line());
        assertTrue(e.column() >= 0 && e.column() <= "var broken = ;".length() + 1, "column " + e.column());
        assertFalse(e.reason().isBlank());
        assertTrue(e.getMessage().startsWith("bad.js:2"), e.getMessage());
        assertEquals(JsValue.of("undefined"), rt.evaluate("typeof ok", "check.js"), "a script that does not parse does not run");
    }

    @EngineTest
    void syntaxErrorsOfManyShapes(JsRuntime rt) {
        for (String bad : List.of("function (", "var 1x = 2;", "{", "return 5 +", "'unterminated", "a b")) {
            JsSyntaxError e = assertThrows(JsSyntaxError.class, () -> rt.evaluate(bad, "shape.js"), bad);
            assertEquals("shape.js", e.sourceName(), bad);
            assertEquals(1, e.line(), bad);
        }
    }

    @EngineTest
    void syntaxErrorsFromEvalAreCatchableJavaScriptErrors(JsRuntime rt) {
        assertEquals(JsValue.of("SyntaxError,SyntaxError"), rt.evaluate("var names = [];"
                + " try { eval('var = ;'); } catch (e) { names.push(e.name); }"
                + " try { new Function('return ('); } catch (e) { names.push(e.name); } names.join()", "eval.js"));
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("JSON.parse('{bad json')", "json.js"));
        assertEquals("SyntaxError", e.name().orElseThrow());
    }

    /**
     * A SyntaxError the engine's parser raised for code compiled at run time is a
     * {@link JsSyntaxError} in Java, also when a script caught it and threw the same object again;
     * a SyntaxError a script makes, or one from {@code JSON.parse} or a {@code RegExp}, stays a
     * {@link JsError} with its value.
     */
    @EngineTest
    void aSyntaxErrorFromEvalOrNewFunctionIsAJsSyntaxErrorAlsoWhenRethrown(JsRuntime rt) {
        for (String script : List.of("eval('var = ;')", "new Function('return ]')", "eval(\"eval('}')\")",
                "try { eval('('); } catch (e) { throw e; }",
                "try { new Function('a b'); } catch (e) { throw e; }",
                "var kept;\ntry { (0, eval)('}'); } catch (e) { kept = e; }\nthrow kept;")) {
            JsSyntaxError e = assertThrows(JsSyntaxError.class, () -> rt.evaluate(script, "rethrow.js"), script);
            assertFalse(e.reason().isBlank(), script);
        }
        for (String script : List.of("JSON.parse('{')", "try { JSON.parse('{'); } catch (e) { throw e; }",
                "throw new SyntaxError('Unexpected end of input')", "new RegExp('(')",
                "try { new RegExp('('); } catch (e) { throw e; }")) {
            JsError e = assertThrows(JsError.class, () -> rt.evaluate(script, "own.js"), script);
            assertEquals("SyntaxError", e.name().orElseThrow(), script);
        }
    }

    /** As above, for a direct {@code eval} whose error is thrown again on another line. */
    @EngineTest
    void aSyntaxErrorFromDirectEvalRethrownOnAnotherLineIsAJsSyntaxError(JsRuntime rt) {
        assertThrows(JsSyntaxError.class, () -> rt.evaluate("var kept;\ntry { eval('}'); } catch (e) { kept = e; }\nthrow kept;",
                "rethrow.js"));
    }

    @EngineTest
    void errorsFromNestedCallsReportWhereTheyWereThrown(JsRuntime rt) {
        JsError e = assertThrows(JsError.class, () -> rt.evaluate(
                "function outer() { return middle(); }\n"
                + "function middle() { return inner(); }\n"
                + "function inner() { throw new RangeError('deep'); }\n"
                + "outer();", "nested.js"));
        assertEquals("RangeError", e.name().orElseThrow());
        assertEquals(3, e.location().orElseThrow().line());
        String stack = e.jsStack().orElseThrow();
        assertTrue(stack.contains("nested.js"), stack);
    }

    @EngineTest
    void errorsThrownAcrossScriptsReportTheirOwnFile(JsRuntime rt) {
        rt.evaluate("function explode() {\n  throw new Error('from lib');\n}", "lib.js");
        JsError e = assertThrows(JsError.class, () -> rt.evaluate("explode();", "main.js"));
        assertEquals("lib.js", e.location().orElseThrow().sourceName());
        assertEquals(2, e.location().orElseThrow().line());
        assertTrue(e.jsStack().orElseThrow().contains("lib.js"));
    }

    @EngineTest
    void hostExceptionCaughtAndWrappedInJavaScript(JsRuntime rt) {
        rt.global().set("fail", rt.function("fail", 0, (r, self, args) -> {
            throw new IllegalStateException("inner cause");
        }));
        JsError e = assertThrows(JsError.class, () -> rt.evaluate(
                "try { fail(); } catch (e) { throw new TypeError('wrapped: ' + e.message); }", "wrap.js"));
        assertEquals("TypeError", e.name().orElseThrow());
        assertEquals("wrapped: inner cause", e.jsMessage());
        assertNull(e.getCause(), "a new JavaScript error has no Java cause");
    }

    @EngineTest
    void hostExceptionRethrownByJavaScriptKeepsItsCause(JsRuntime rt) {
        UncheckedIOException original = new UncheckedIOException(new IOException("disk full"));
        rt.global().set("save", rt.function("save", 0, (r, self, args) -> {
            throw original;
        }));
        JsError e = assertThrows(JsError.class, () -> rt.evaluate(
                "try { save(); } catch (e) { e.seenByJs = true; throw e; }", "rethrow.js"));
        assertSame(original, e.getCause());
        assertEquals(JsValue.of(true), e.value().asObject().get("seenByJs"));
    }

    @EngineTest
    void errorAtTheInnermostLevelReachesTheOutermostJavaWithItsCause(JsRuntime rt) {
        IllegalStateException original = new IllegalStateException("innermost failure");
        List<String> passed = new ArrayList<>();
        rt.global().set("javaOuter", rt.function("javaOuter", 0, (r, self, args) -> {
            passed.add("javaOuter");
            return r.global().get("jsInner").asFunction().call();
        }));
        rt.global().set("javaInnermost", rt.function("javaInnermost", 0, (r, self, args) -> {
            passed.add("javaInnermost");
            throw original;
        }));
        rt.evaluate("function jsInner() { return javaInnermost(); }\nfunction jsOuter() { return javaOuter(); }", "chain.js");
        JsError e = assertThrows(JsError.class, () -> rt.global().get("jsOuter").asFunction().call());
        assertSame(original, e.getCause(), "the original exception crosses every level");
        assertEquals("innermost failure", e.jsMessage());
        assertEquals(List.of("javaOuter", "javaInnermost"), passed);
        assertEquals(JsValue.of(1), rt.evaluate("1", "after.js"), "the runtime is usable afterwards");
    }

    @EngineTest
    void javaSeesJavaScriptErrorsInsideHostCallbacks(JsRuntime rt) {
        rt.global().set("tryIt", rt.function("tryIt", 1, (r, self, args) -> {
            try {
                args.get(0).asFunction().call();
                return JsValue.of("no error");
            } catch (JsError e) {
                return JsValue.of("caught " + e.name().orElse("?") + ": " + e.jsMessage());
            }
        }));
        assertEquals(JsValue.of("caught RangeError: inner"),
                rt.evaluate("tryIt(function () { throw new RangeError('inner'); })", "catch.js"));
        assertEquals(JsValue.of("no error"), rt.evaluate("tryIt(function () {})", "catch.js"));
    }

    @EngineTest
    void everyEngineFailureIsAJsException(JsRuntime rt) {
        for (String source : List.of("throw new Error('x')", "null.f()", "(", "undefinedFn()", "throw {}")) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> rt.evaluate(source, "any.js"), source);
            assertInstanceOf(JsException.class, e, source + " threw " + e.getClass().getName());
        }
    }
}
