package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsi4j.cli.CliProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsi run --transpile}: modern syntax on Rhino, errors at the file's own lines. */
class RunTranspileTest {
    @TempDir
    Path dir;

    private static Result jsi(String... args) {
        return CliProcess.inProcess(args);
    }

    @Test
    void classesAndAsyncRunOnRhinoWithTheSameOutputAsV8() throws IOException {
        Path app = Files.writeString(dir.resolve("app.js"), """
                class Greeter {
                  constructor(name) { this.name = name; }
                  get greeting() { return `hello ${this.name}`; }
                }
                const wait = v => new Promise(resolve => setTimeout(() => resolve(v), 5));
                (async () => {
                  const names = await wait(['Ada', 'Alan']);
                  for (const n of names) console.log(new Greeter(n).greeting);
                })();
                """);
        Result v8 = jsi("run", "--engine", "v8", "--transpile", app.toString());
        Result rhino = jsi("run", "--engine", "rhino", "--transpile", app.toString());
        assertEquals(0, rhino.code(), rhino.err());
        assertEquals("hello Ada\nhello Alan", rhino.out().strip().replace("\r\n", "\n"));
        assertEquals(v8.out(), rhino.out());
        Result plain = jsi("run", "--engine", "rhino", app.toString());
        assertEquals(1, plain.code(), "without --transpile Rhino refuses the class");
    }

    @Test
    void errorsNameTheFilesOwnLines() throws IOException {
        Path thrower = Files.writeString(dir.resolve("thrower.js"),
                "// one\nclass Box {\n  open() {\n    return this.lid.color;\n  }\n}\nnew Box().open();\n");
        Result r = jsi("run", "--engine", "rhino", "--transpile", thrower.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().startsWith(thrower + ":4"), r.err());
        assertTrue(r.err().contains("TypeError") && r.err().contains(thrower + ":7"), r.err());
        Path bad = Files.writeString(dir.resolve("bad.js"), "const a = 1;\nclass X {\n  m() { return a + ; }\n}\n");
        Result syntax = jsi("run", "--engine", "rhino", "--transpile", bad.toString());
        assertEquals(1, syntax.code());
        assertTrue(syntax.err().startsWith(bad + ":3"), syntax.err());
        assertTrue(syntax.err().contains("SyntaxError"), syntax.err());
    }
}
