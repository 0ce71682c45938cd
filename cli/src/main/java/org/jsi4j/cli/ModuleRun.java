package org.jsi4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.modules.ModuleKind;
import org.jsi4j.modules.ModuleLoader;
import org.jsi4j.modules.ResolveMode;
import org.jsi4j.modules.ResolvedModule;

/**
 * How {@code jsi run} runs its file: as an ES module ({@code .mjs}, {@code .ts}, {@code .mts}, a
 * {@code .js} under a package.json of {@code "type": "module"}, or a directory, by its package.json
 * {@code main}) imported through a module loader rooted at {@code --module-root} (by default the
 * file's directory, or the directory itself), or as a classic script whose {@code require} also
 * loads files from that root.
 *
 * @param root the module root
 * @param entry the module to import, or {@code null} to evaluate the file as a classic script
 */
record ModuleRun(Path root, ResolvedModule entry) {
    /**
     * Decides for {@code file}.
     *
     * @throws RunCommand.BadInput when the root is not a directory, the file is outside it, or a
     *     directory has no entry module
     */
    static ModuleRun of(Path file, Path moduleRoot) throws RunCommand.BadInput {
        Path target = file.toAbsolutePath().normalize();
        boolean directory = Files.isDirectory(target);
        Path root = moduleRoot != null ? moduleRoot.toAbsolutePath().normalize()
                : directory ? target : target.getParent();
        if (!Files.isDirectory(root)) throw new RunCommand.BadInput("--module-root " + moduleRoot + " is not a directory");
        if (!target.startsWith(root)) {
            throw new RunCommand.BadInput("cannot run " + file + ": it is outside the module root " + root);
        }
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean moduleFile = name.endsWith(".mjs") || name.endsWith(".ts") || name.endsWith(".mts") || name.endsWith(".js");
        if (!directory && !moduleFile) return new ModuleRun(root, null);
        if (!directory && !Files.isRegularFile(target)) throw new RunCommand.BadInput("cannot run " + file + ": no such file");
        String specifier = "/" + root.relativize(target).toString().replace('\\', '/');
        try {
            ResolvedModule entry = ModuleLoader.directory(root).resolve(specifier.equals("/") ? "./" : specifier, null,
                    ResolveMode.IMPORT);
            boolean esm = entry.kind() == ModuleKind.ESM || entry.kind() == ModuleKind.TYPESCRIPT
                    || directory && entry.kind() != ModuleKind.JSON;
            return new ModuleRun(root, esm ? entry : null);
        } catch (IllegalArgumentException e) {
            if (directory) {
                throw new RunCommand.BadInput("cannot run " + file + ": it is a directory without a package.json main"
                        + " or an index file to start from");
            }
            throw new RunCommand.BadInput("cannot run " + file + ": " + e.getMessage());
        }
    }

    /**
     * For code that comes from no file ({@code --eval}, {@code --print}, standard input): a classic
     * script whose {@code require} loads files from {@code moduleRoot}, by default the current directory.
     *
     * @throws RunCommand.BadInput when the root is not a directory
     */
    static ModuleRun classic(Path moduleRoot) throws RunCommand.BadInput {
        Path root = (moduleRoot != null ? moduleRoot : Path.of("")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new RunCommand.BadInput("--module-root " + moduleRoot + " is not a directory");
        return new ModuleRun(root, null);
    }

    /** {@code options} with this run's module loader. */
    RuntimeOptions apply(RuntimeOptions options) {
        return options.withModules(ModuleLoader.directory(root));
    }
}
