package org.jsi4j.cli;

import static org.jsi4j.cli.JsiTest.assertNoJavaStack;
import static org.jsi4j.cli.JsiTest.jsi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jsi4j.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jsi snapshot create} and {@code jsi run --snapshot}, on real engines. */
class SnapshotCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source);
    }

    /** A snapshot of two setup scripts taken on {@code engine}. */
    private Path create(String engine) throws IOException {
        Path lib = file("lib.js", "var greetings = 0;\nfunction greet(who) { greetings++; return 'hello ' + who + ' #' + greetings; }\n"
                + "console.log('lib loaded');\n");
        Path app = file("app.js", "var app = { greet: greet, tell: function (m) { console.log(m); } };\ngreet('setup');\n");
        Path blob = dir.resolve(engine + ".snap");
        JsiTest.Result r = jsi("snapshot", "create", "--engine", engine, "--out", blob.toString(), lib.toString(), app.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("lib loaded", r.out().lines().findFirst().orElseThrow());
        assertTrue(r.out().contains("wrote " + blob), r.out());
        return blob;
    }

    @ParameterizedTest
    @MethodSource("org.jsi4j.cli.JsiTest#engines")
    void runStartsFromTheSnapshotOnItsOwnEngine(String engine) throws IOException {
        Path blob = create(engine);
        assertEquals(engine, Snapshot.parse(Files.readAllBytes(blob)).engineId());
        Path main = file("main.js", "app.tell(app.greet('main') + ' on ' + jsi.engine + ' ' + jsi.args.join())");
        JsiTest.Result r = jsi("run", "--snapshot", blob.toString(), main.toString(), "x", "y");
        assertEquals(0, r.code(), r.err());
        assertEquals("hello main #2 on " + engine + " x,y", r.out().lines().reduce((a, b) -> b).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("org.jsi4j.cli.JsiTest#engines")
    void engineOverridesTheBlobsOwn(String engine) throws IOException {
        Path blob = create("rhino");
        Path main = file("main.js", "console.log(app.greet('there') + ' on ' + jsi.engine)");
        JsiTest.Result r = jsi("run", "--snapshot", blob.toString(), "--engine", engine, main.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("hello there #2 on " + engine, r.out().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void aBadBlobIsOneClearLineAndExit1() throws IOException {
        Path main = file("main.js", "console.log('never')");
        Path garbage = file("garbage.snap", "this is not a snapshot");
        JsiTest.Result r = jsi("run", "--snapshot", garbage.toString(), main.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(garbage + ": Refusing this snapshot blob: it carries no authentication tag"), r.err());
        assertNoJavaStack(r);

        byte[] good = Files.readAllBytes(create("rhino"));
        Path truncated = dir.resolve("truncated.snap");
        Files.write(truncated, Arrays.copyOf(good, good.length - 10));
        r = jsi("run", "--snapshot", truncated.toString(), main.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("no authentication tag"), r.err());
        assertEquals("", r.out());

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 4;
        Files.write(truncated, flipped);
        r = jsi("run", "--snapshot", truncated.toString(), main.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("its authentication tag does not match the key"), r.err());
        assertNoJavaStack(r);
    }

    @Test
    void aBlobRestoresOnlyWithTheKeyFileItWasMadeWith() throws IOException {
        Path key = dir.resolve("keys/app.key");
        Path lib = file("klib.js", "var app = {greet: function (n) { return 'hi ' + n; }};");
        Path blob = dir.resolve("keyed.snap");
        JsiTest.Result r = jsi("snapshot", "create", "--engine", "rhino", "--key", key.toString(), "--out", blob.toString(),
                lib.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)),
                "the key file was made owner-only");
        Path main = file("kmain.js", "console.log(app.greet('key'))");
        r = jsi("run", "--snapshot", blob.toString(), "--key", key.toString(), main.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("hi key", r.out().strip());
        r = jsi("run", "--snapshot", blob.toString(), main.toString());
        assertEquals(1, r.code(), "the default key did not make this blob");
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("does not match the key"), r.err());
        assertNoJavaStack(r);
    }

    @Test
    void aMissingSnapshotFileIsAUsageError() throws IOException {
        Path main = file("main.js", "1");
        JsiTest.Result r = jsi("run", "--snapshot", dir.resolve("nope.snap").toString(), main.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void aFailingSetupScriptWritesNoSnapshot() throws IOException {
        Path bad = file("bad.js", "var a = 1;\nnull.x;\n");
        Path blob = dir.resolve("bad.snap");
        JsiTest.Result r = jsi("snapshot", "create", "--engine", "rhino", "--out", blob.toString(), bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith(bad + ":2"), r.err());
        assertTrue(Files.notExists(blob));
        assertNoJavaStack(r);
    }
}
