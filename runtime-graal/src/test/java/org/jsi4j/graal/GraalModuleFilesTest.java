package org.jsi4j.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import org.jsi4j.JsRuntime;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.modules.ModuleLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file system of a GraalJS runtime with modules serves the module texts handed to it and nothing
 * else: scripts gain no file access from it, not even to files under the module root.
 */
class GraalModuleFilesTest {
    private static final GraalRuntimeFactory FACTORY = new GraalRuntimeFactory();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void servesOnlyWhatWasPutReadOnly() throws Exception {
        GraalModuleFiles files = new GraalModuleFiles();
        files.put("/app/lib.mjs", "export const x = 1;");
        files.put("memory:/m.mjs", "export default 2;");
        Path lib = files.parsePath("/app/lib.mjs");
        files.checkAccess(lib, Set.of(AccessMode.READ));
        assertEquals(lib, files.toRealPath(lib));
        try (SeekableByteChannel in = files.newByteChannel(lib, Set.of(StandardOpenOption.READ))) {
            ByteBuffer b = ByteBuffer.allocate(64);
            in.read(b);
            assertEquals("export const x = 1;", new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
        }
        // a name that is not a path: GraalJS parses it as a URI and makes it absolute before reading
        Path memory = files.parsePath(new URI("memory:/m.mjs"));
        files.checkAccess(files.toAbsolutePath(memory), Set.of());
        assertEquals("application/javascript+module", files.getMimeType(files.parsePath("/app/lib.mjs")));
        assertThrows(AccessDeniedException.class, () -> files.checkAccess(lib, Set.of(AccessMode.WRITE)));
        assertThrows(AccessDeniedException.class, () -> files.newByteChannel(lib, Set.of(StandardOpenOption.WRITE)));
        assertThrows(AccessDeniedException.class, () -> files.newByteChannel(lib, Set.of(StandardOpenOption.APPEND)));
        assertThrows(AccessDeniedException.class, () -> files.newDirectoryStream(files.parsePath("/app"), p -> true));
        assertThrows(AccessDeniedException.class, () -> files.delete(lib));
        assertThrows(AccessDeniedException.class, () -> files.createDirectory(files.parsePath("/app/new")));
        for (String other : new String[] {"/etc/passwd", "/app", "/app/../app/lib.mjs", "lib.mjs", "/app/lib.mjs/"}) {
            Path p = files.parsePath(other);
            if (p.equals(lib)) continue;   // "/app/lib.mjs/" is that path
            assertThrows(NoSuchFileException.class, () -> files.checkAccess(p, Set.of(AccessMode.READ)), other);
            assertThrows(NoSuchFileException.class, () -> files.newByteChannel(p, Set.of()), other);
            assertThrows(NoSuchFileException.class, () -> files.toRealPath(p), other);
            assertNull(files.getMimeType(p), other);
        }
        // an alias as wide as the specifier it replaces: read as the module, canonical path the module's
        String alias = files.alias("memory:/m.mjs", 9);
        assertEquals(9, alias.length());
        assertTrue(alias.startsWith("/~"), alias);
        assertEquals(memory, files.toRealPath(files.parsePath(alias)));
        assertEquals(alias, files.alias("memory:/m.mjs", 9));
        assertEquals("memory:/m.mjs", files.alias("memory:/m.mjs", 2), "too narrow for an alias: the name");
        assertThrows(NoSuchFileException.class, () -> files.toRealPath(files.parsePath("/~9~~~~~~")));
        files.remove("/app/lib.mjs");
        assertThrows(NoSuchFileException.class, () -> files.checkAccess(lib, Set.of()));
    }

    @Test
    void scriptsReachNoFileThroughARuntimeWithModules(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("secret.mjs"), "export const secret = 'read';");
        Files.writeString(root.resolve("data.txt"), "text");
        Path outside = Files.createTempFile("jsi4j-outside", ".mjs");
        Files.writeString(outside, "export const secret = 'read';");
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.defaults().withModules(ModuleLoader.directory(root)))) {
            rt.evaluate("var seen = []; function tryImport(s) { import(s).then(function (m) { seen.push(s + ' read ' + m.secret); },"
                    + " function (e) { seen.push(s + ' ' + e.name + ': ' + e.message); }); }", "try.js");
            for (String s : new String[] {root.resolve("secret.mjs").toString(), root.resolve("secret.mjs").toUri().toString(),
                    "./secret.mjs", "secret.mjs", outside.toString(), "/etc/passwd", "../../../../etc/passwd",
                    "jsi4j-registry:synthetic2", "http://localhost:1/x.mjs"}) {
                rt.evaluate("tryImport(" + quoted(s) + ")", "t.js");
            }
            rt.drainMicrotasks();
            String seen = rt.evaluate("seen.join('\\n')", "seen.js").asString();
            assertFalse(seen.contains(" read "), seen);
            assertEquals(9, seen.split("\n").length, seen);
            // no built-in reads files either
            assertEquals("undefined,undefined,undefined,undefined,undefined", rt.evaluate(
                    "[typeof load, typeof Java, typeof Polyglot, typeof require, typeof loadWithNewGlobal].join()", "g.js").asString());
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void runtimesWithoutModulesGetNoFileSystem() {
        try (JsRuntime rt = FACTORY.create()) {
            assertNull(rt.nativeModules(), "no module loader, no module files");
        }
        try (JsRuntime rt = FACTORY.create(RuntimeOptions.defaults().withModules(ModuleLoader.inMemory(Map.of())))) {
            assertNotNull(rt.nativeModules());
            assertTrue(rt.nativeModules().importsByName());
        }
    }

    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
