package org.jsi4j.compare;

import java.nio.file.Path;
import org.jsi4j.modules.ModuleKind;
import org.jsi4j.modules.ModuleLoader;
import org.jsi4j.modules.ResolveMode;
import org.jsi4j.modules.ResolvedModule;

/**
 * The module loader of a test262 {@code module} test, as test262's INTERPRETING.md says: a
 * specifier ({@code ./x_FIXTURE.js}) names a file in the test's own directory, and every
 * {@code .js} file is module code, whatever its syntax (a test without an {@code import} or
 * {@code export} is still a module: strict, {@code this} undefined). Nothing outside the directory
 * is read (the stock {@link ModuleLoader#directory} refuses it).
 */
final class Test262Modules implements ModuleLoader {
    private final ModuleLoader files;

    /** The modules of the directory holding {@code test}. */
    Test262Modules(Path test) {
        Path dir = test.toAbsolutePath().getParent();
        this.files = ModuleLoader.directory(dir == null ? Path.of(".") : dir);
    }

    @Override
    public ResolvedModule resolve(String specifier, String referrer, ResolveMode mode) {
        ResolvedModule found = files.resolve(specifier, referrer, mode);
        boolean script = found.kind() == ModuleKind.JAVASCRIPT || found.kind() == ModuleKind.COMMONJS;
        return script && found.id().endsWith(".js") ? new ResolvedModule(found.id(), ModuleKind.ESM) : found;
    }

    @Override
    public String load(ResolvedModule module) {
        return files.load(module);
    }
}
