package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsi4j.cli.CliProcess.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsi snapshot create} with init scripts that load modules, restored by {@code jsi run --snapshot} on every engine. */
class SnapshotModulesCommandTest {
    private static final List<String> ENGINES = List.of("rhino", "graal", "v8");

    @TempDir
    Path dir;

    private static Result jsi(String... args) {
        return CliProcess.inProcess(args);
    }

    private Result create(String engine, Path init) {
        return jsi("snapshot", "create", "--engine", engine, "--key", dir.resolve("k").toString(),
                "--out", dir.resolve(engine + ".snap").toString(), init.toString());
    }

    private Result run(String restoreOn, String takenOn, String code) {
        return jsi("run", "--engine", restoreOn, "--snapshot", dir.resolve(takenOn + ".snap").toString(),
                "--key", dir.resolve("k").toString(), "--module-root", dir.toString(), "--eval", code);
    }

    @Test
    void anInitModuleRestoresOnEveryEnginePair() throws IOException {
        Files.writeString(dir.resolve("util.mjs"), "export const double = x => x * 2;\n");
        Files.writeString(dir.resolve("counter.cjs"), "var n = 0; module.exports = { next: function () { return ++n; } };\n");
        Path init = Files.writeString(dir.resolve("init.mjs"), """
                import { double } from './util.mjs';
                import counter from './counter.cjs';
                globalThis.ready = double(21) + ':' + counter.next();
                """);
        Path classic = Files.writeString(dir.resolve("init2.js"), """
                var counterAgain = require('./counter.cjs');
                var log = require('console');
                log.log('init2 ran', counterAgain.next());
                """);
        for (String takenOn : ENGINES) {
            Result made = jsi("snapshot", "create", "--engine", takenOn, "--key", dir.resolve("k").toString(),
                    "--out", dir.resolve(takenOn + ".snap").toString(), init.toString(), classic.toString());
            assertEquals(0, made.code(), made.err());
            assertTrue(made.out().contains("init2 ran 2"), made.out());
            if (!takenOn.equals("graal")) {
                assertTrue(made.err().contains("required or imported modules") && made.err().contains("replaying"), made.err());
            }
            for (String restoreOn : ENGINES) {
                Result r = run(restoreOn, takenOn, "console.log(ready, counterAgain.next(), require('./counter.cjs') === counterAgain)");
                assertEquals(0, r.code(), takenOn + " -> " + restoreOn + ": " + r.err());
                assertEquals("42:1 3 true", r.out().strip(), takenOn + " -> " + restoreOn);
            }
        }
    }

    @Test
    void initScriptsRequireWhatJsiRunRequires() throws IOException {
        Path init = Files.writeString(dir.resolve("init.js"),
                "var same = require('console') === console && typeof require('timers').setTimeout === 'function';\n");
        Result made = create("rhino", init);
        assertEquals(0, made.code(), made.err());
        Result r = run("rhino", "rhino", "console.log(same)");
        assertEquals("true", r.out().strip(), r.err());
    }

    @Test
    void aRestoreWhoseModuleIsGoneSaysWhichStepFailed() throws IOException {
        Files.writeString(dir.resolve("util.mjs"), "export const double = x => x * 2;\n");
        Path init = Files.writeString(dir.resolve("init.mjs"), "import { double } from './util.mjs'; globalThis.d = double;\n");
        assertEquals(0, create("graal", init).code());
        Files.delete(dir.resolve("util.mjs"));
        Result r = run("graal", "graal", "console.log(d(1))");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("replaying setup step") && r.err().contains("import of '/init.mjs'")
                && r.err().contains("util.mjs"), r.err());
    }
}
