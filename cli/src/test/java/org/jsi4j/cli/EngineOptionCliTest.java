package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineOptionCliTest {
    @TempDir
    Path dir;

    private Path script(String source) throws IOException {
        return Files.writeString(dir.resolve("s.js"), source);
    }

    @Test
    void anEngineOptionReachesTheRuntimeBeforeOrAfterTheSubcommand() throws IOException {
        Path s = script("try { undeclared = 1; console.log('sloppy') } catch (e) { console.log(e.name) }");
        assertEquals("ReferenceError", JsiTest.jsi("run", "--engine", "graal", "--engine-option", "graal.js.strict=true",
                s.toString()).out().strip());
        assertEquals("ReferenceError", JsiTest.jsi("--engine-option", "graal.js.strict=true", "run", "--engine", "graal",
                s.toString()).out().strip());
        assertEquals("sloppy", JsiTest.jsi("run", "--engine", "graal", s.toString()).out().strip());
    }

    @Test
    void badEngineOptionsAreOneLineUsageErrors() throws IOException {
        Path s = script("1");
        JsiTest.Result unknown = JsiTest.jsi("run", "--engine", "rhino", "--engine-option", "rhino.fast=yes", s.toString());
        assertEquals(Jsi.USAGE, unknown.code());
        assertEquals("jsi: Unknown engine option 'rhino.fast' for engine rhino; it accepts rhino.optimizationLevel"
                + " (./jsi engines --options lists what each does)", unknown.err().strip());
        JsiTest.Result malformed = JsiTest.jsi("run", "--engine", "rhino", "--engine-option", "rhino.optimizationLevel=99", s.toString());
        assertEquals(Jsi.USAGE, malformed.code());
        assertEquals("jsi: Engine option rhino.optimizationLevel=99 for engine rhino: 99 is out of range;"
                + " expected an integer from -1 to 9", malformed.err().strip());
        JsiTest.Result noKey = JsiTest.jsi("run", "--engine-option", "=1", s.toString());
        assertEquals(Jsi.USAGE, noKey.code());
        assertTrue(noKey.err().startsWith("jsi: An engine option is ENGINE.NAME=VALUE"), noKey.err());
    }

    @Test
    void enginesListsTheOptions() {
        JsiTest.Result r = JsiTest.jsi("engines", "--options");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("    rhino.optimizationLevel (an integer from -1 to 9): -1 interprets scripts"), r.out());
        assertTrue(r.out().contains("    graal.js.strict (true or false): "), r.out());
        assertTrue(r.out().contains("    v8.flags (V8 flags, each --name or --name=value, space-separated, per process): "), r.out());
    }
}
