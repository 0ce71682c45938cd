package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jsi4j.cli.JsiTest.assertNoJavaStack;
import static org.jsi4j.cli.JsiTest.jsi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsi4j.cli.JsiTest.Result;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jsi run} of ES modules, TypeScript and directories, and its module errors, on every engine. */
class RunModulesTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @ParameterizedTest
    @MethodSource("org.jsi4j.cli.JsiTest#engines")
    void runsModulesTypeScriptAndDirectoriesAlike(String engine) throws IOException {
        file("app/lib.cjs", "module.exports = { twice: function (x) { return x * 2; } };");
        file("app/util.ts", "export const label: string = 'sum';");
        Path main = file("app/main.mjs", "import { twice } from './lib.cjs'; import { label } from './util.ts';\n"
                + "console.log(label, twice(21), import.meta.url.endsWith('/app/main.mjs'));");
        file("app/package.json", "{\"main\": \"main.mjs\"}");
        Result r = jsi("run", "--engine", engine, main.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("sum 42 true" + System.lineSeparator(), r.out());
        Result viaDirectory = jsi("run", "--engine", engine, dir.resolve("app").toString());
        assertEquals(r.out(), viaDirectory.out(), viaDirectory.err());
        Path ts = file("app/run.ts", "import { label } from './util.ts';\nconst n: number = 1;\nconsole.log(label + n);");
        assertEquals("sum1" + System.lineSeparator(), jsi("run", "--engine", engine, ts.toString()).out());
        // a classic script's require loads files from the module root, native modules first
        Path classic = file("app/classic.js", "var lib = require('./lib.cjs'); console.log(lib.twice(4), typeof require('console').log);");
        Result c = jsi("run", "--engine", engine, classic.toString());
        assertEquals("8 function" + System.lineSeparator(), c.out(), c.err());
    }

    @ParameterizedTest
    @MethodSource("org.jsi4j.cli.JsiTest#engines")
    void moduleErrorsAreOneLineWithTheirPlace(String engine) throws IOException {
        Path unknown = file("unknown.mjs", "import { x } from './nope.mjs';");
        Result r = jsi("run", "--engine", engine, unknown.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("jsi: Cannot find module './nope.mjs' from ") && r.err().contains("searched /nope.mjs"), r.err());
        assertNoJavaStack(r);
        Path bad = file("bad.mjs", "export const a = 1;\nlet = = ;\n");
        r = jsi("run", "--engine", engine, bad.toString());
        assertEquals(1, r.code());
        assertEquals(bad + ":2", r.errLines().get(0), r.err());
        assertEquals("SyntaxError: Expression expected", r.errLines().get(r.errLines().size() - 1), r.err());
        file("lib.mjs", "export const a = 1;");
        Path missing = file("missing.mjs", "\nimport { b } from './lib.mjs';");
        r = jsi("run", "--engine", engine, missing.toString());
        assertEquals(missing + ":2", r.errLines().get(0), r.err());
        assertEquals("SyntaxError: The requested module './lib.mjs' does not provide an export named 'b'",
                r.errLines().get(r.errLines().size() - 1), r.err());
        Path escape = file("sub/escape.mjs", "import x from '../lib.mjs';");
        r = jsi("run", "--engine", engine, "--module-root", dir.resolve("sub").toString(), escape.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("leads outside the module root"), r.err());
        r = jsi("run", "--engine", engine, "--module-root", dir.resolve("sub").toString(), missing.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("outside the module root"), r.err());
    }
}
