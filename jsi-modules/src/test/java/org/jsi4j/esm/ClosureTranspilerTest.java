package org.jsi4j.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.spi.ScriptTranspiler;
import org.junit.jupiter.api.Test;

/** The transpiler itself; every engine runs its output in conformance-tests TranspileTest. */
class ClosureTranspilerTest {
    private final ClosureTranspiler transpiler = new ClosureTranspiler();

    /** The shipped helpers are what this Closure Compiler makes; {@code -Djsi4j.closure.writeHelpers=true} rewrites them. */
    @Test
    void shippedHelpersAreCurrent() throws Exception {
        String made = ClosureTranspiler.compileHelpers();
        if (Boolean.getBoolean("jsi4j.closure.writeHelpers")) {
            Files.writeString(Path.of("src/main/resources/org/jsi4j/esm", ClosureTranspiler.HELPERS_RESOURCE), made);
        }
        assertTrue(made.contains("$jscomp.inherits") && made.contains("$jscomp.asyncExecutePromiseGeneratorProgram"), made);
        // the only polyfills: Symbol's well-known symbols, each kept where the engine has it (Rhino lacks asyncIterator)
        assertEquals(List.of("Symbol", "Symbol.iterator", "Symbol.asyncIterator", "Symbol.toStringTag"),
                java.util.regex.Pattern.compile("\\$jscomp\\.polyfill\\(\"([^\"]+)\"").matcher(made).results()
                        .map(m -> m.group(1)).toList());
        assertEquals(made, transpiler.helpers(), "src/main/resources/org/jsi4j/esm/" + ClosureTranspiler.HELPERS_RESOURCE
                + " is not what this Closure Compiler makes: run this test with -Djsi4j.closure.writeHelpers=true");
    }

    @Test
    void modernSyntaxBecomesEs5OnTheSameLines() {
        String source = """
                // a comment
                class Shape {
                  constructor(n) { this.n = n; }
                  get twice() { return this.n * 2; }
                }

                const areas = [1, 2].map(x => new Shape(x).twice);
                async function load() { await null; return 'marker7'; }   // line 8
                for (let i = 0; i < 3; i++) setTimeout(() => i);
                const s = `t${areas[0]}marker10`;                         // line 10
                """;
        ScriptTranspiler.Result out = transpiler.transpile(source, "shape.js");
        assertTrue(out.needsHelpers());
        for (String es6 : List.of("class ", "=>", "async ", "await ", "let ", "const ", "`")) {
            assertFalse(out.code().contains(es6), () -> "no '" + es6 + "' left in:\n" + out.code());
        }
        List<String> lines = out.code().lines().toList();
        assertTrue(lines.get(8 - 1).contains("\"marker7\""), () -> "line 8: " + out.code());
        assertTrue(lines.get(10 - 1).contains("marker10"), () -> "line 10: " + out.code());
        assertSame(out, transpiler.transpile(source, "other.js"), "cached by source text");
    }

    @Test
    void aSyntaxErrorNamesTheOriginalFileLineAndColumn() {
        JsSyntaxError e = assertThrows(JsSyntaxError.class,
                () -> transpiler.transpile("const a = 1;\n\nclass X { m() { return a + ; } }\n", "bad.js"));
        assertEquals("bad.js", e.location().sourceName());
        assertEquals(3, e.location().line());
        assertTrue(e.location().column() >= 27 && e.location().column() <= 30, () -> "column " + e.location().column());
    }

    @Test
    void codeClosureCannotLowerIsLeftToTheEngine() {
        String source = "class Counter { #n = 0; inc() { return ++this.#n; } }\nnew Counter().inc();\n";
        ScriptTranspiler.Result out = transpiler.transpile(source, "private.js");
        assertSame(source, out.code());
        assertFalse(out.needsHelpers());
    }
}
