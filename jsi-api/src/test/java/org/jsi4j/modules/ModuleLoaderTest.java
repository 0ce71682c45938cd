package org.jsi4j.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleLoaderTest {
    @TempDir
    Path dir;

    private Path write(String relative, String text) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void directoryRootResolvesRelativeExtensionsIndexAndPackages() throws Exception {
        Path root = dir.resolve("app");
        write("app/main.mjs", "");
        write("app/lib/util.js", "");
        write("app/lib/index.js", "");
        write("app/node_modules/pkg/package.json", "{\"name\": \"pkg\", \"type\": \"module\", \"exports\": {"
                + "\".\": {\"require\": \"./cjs/index.cjs\", \"import\": \"./esm/index.js\"}, \"./feature/*\": \"./esm/f/*.js\"}}");
        write("app/node_modules/pkg/esm/index.js", "");
        write("app/node_modules/pkg/cjs/index.cjs", "");
        write("app/node_modules/pkg/esm/f/one.js", "");
        write("app/node_modules/old/package.json", "{\"main\": \"lib/entry\"}");
        write("app/node_modules/old/lib/entry.js", "");
        ModuleLoader loader = ModuleLoader.directory(root);
        ResolvedModule main = loader.resolve("./main.mjs", null, ResolveMode.IMPORT);
        assertEquals(ModuleKind.ESM, main.kind());
        assertTrue(main.id().startsWith("file:") && main.id().endsWith("/app/main.mjs"), main.id());
        assertTrue(loader.resolve("./lib/util", main.id(), ResolveMode.IMPORT).id().endsWith("/app/lib/util.js"));
        assertTrue(loader.resolve("./lib", main.id(), ResolveMode.IMPORT).id().endsWith("/app/lib/index.js"));
        ResolvedModule pkg = loader.resolve("pkg", main.id(), ResolveMode.IMPORT);
        assertTrue(pkg.id().endsWith("/node_modules/pkg/esm/index.js"), pkg.id());
        assertEquals(ModuleKind.ESM, pkg.kind());
        ResolvedModule required = loader.resolve("pkg", main.id(), ResolveMode.REQUIRE);
        assertTrue(required.id().endsWith("/node_modules/pkg/cjs/index.cjs"), required.id());
        assertEquals(ModuleKind.COMMONJS, required.kind());
        assertTrue(loader.resolve("pkg/feature/one", main.id(), ResolveMode.IMPORT).id().endsWith("/esm/f/one.js"));
        ResolvedModule old = loader.resolve("old", main.id(), ResolveMode.REQUIRE);
        assertTrue(old.id().endsWith("/node_modules/old/lib/entry.js"), old.id());
        assertEquals(ModuleKind.JAVASCRIPT, old.kind());
        ModuleResolutionException notExported = assertThrows(ModuleResolutionException.class,
                () -> loader.resolve("pkg/secret", main.id(), ResolveMode.IMPORT));
        assertTrue(notExported.getMessage().contains("does not export './secret'"), notExported.getMessage());
    }

    @Test
    void nothingEscapesTheDirectoryRoot() throws Exception {
        Path root = dir.resolve("app");
        write("app/main.mjs", "");
        write("secret.js", "");
        Files.createSymbolicLink(root.resolve("link.js"), dir.resolve("secret.js"));
        ModuleLoader loader = ModuleLoader.directory(root);
        String main = loader.resolve("./main.mjs", null, ResolveMode.IMPORT).id();
        ModuleResolutionException up = assertThrows(ModuleResolutionException.class,
                () -> loader.resolve("../secret.js", main, ResolveMode.IMPORT));
        assertTrue(up.getMessage().contains("outside the module root") && up.getMessage().contains(main), up.getMessage());
        ModuleResolutionException link = assertThrows(ModuleResolutionException.class,
                () -> loader.resolve("./link.js", main, ResolveMode.IMPORT));
        assertTrue(link.getMessage().contains("link that leads outside the module root"), link.getMessage());
        ModuleResolutionException absolute = assertThrows(ModuleResolutionException.class,
                () -> loader.resolve(dir.resolve("secret.js").toUri().toString(), main, ResolveMode.IMPORT));
        assertTrue(absolute.getMessage().contains("outside the module root"), absolute.getMessage());
        // a root-absolute path stays under the root
        ModuleResolutionException rooted = assertThrows(ModuleResolutionException.class,
                () -> loader.resolve("/etc/passwd", main, ResolveMode.IMPORT));
        assertTrue(rooted.getMessage().contains("Cannot find module '/etc/passwd' from " + main), rooted.getMessage());
        assertThrows(ModuleResolutionException.class, () -> loader.load(new ResolvedModule("file:///etc/passwd", ModuleKind.ESM)));
    }

    @Test
    void inMemoryAndClassPathLoaders() {
        ModuleLoader memory = ModuleLoader.inMemory(Map.of("/a.mjs", "export const a = 1;", "b/index.cjs", "x"));
        ResolvedModule a = memory.resolve("./a.mjs", null, ResolveMode.IMPORT);
        assertEquals("memory:/a.mjs", a.id());
        assertEquals("export const a = 1;", memory.load(a));
        assertEquals("memory:/b/index.cjs", memory.resolve("./b", a.id(), ResolveMode.REQUIRE).id());
        assertThrows(IllegalArgumentException.class, () -> ModuleLoader.inMemory(Map.of("/x/../y.js", "")));
        ModuleResolutionException none = assertThrows(ModuleResolutionException.class,
                () -> ModuleLoader.none().resolve("lodash", null, ResolveMode.IMPORT));
        assertTrue(none.getMessage().contains("/node_modules/lodash"), none.getMessage());
        ModuleLoader cp = ModuleLoader.classPath("org/jsi4j");
        ResolvedModule found = cp.resolve("./modules/ModuleLoaderTest.class", null, ResolveMode.IMPORT);
        assertEquals("classpath:/org/jsi4j/modules/ModuleLoaderTest.class", found.id());
        assertThrows(ModuleResolutionException.class, () -> cp.resolve("../../META-INF/x", found.id(), ResolveMode.IMPORT));
    }
}
