package org.jsi4j.compare;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.RuntimeOptions;
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
    private static final Set<JsRuntimeFactory> WARM = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private final ModuleLoader files;

    /** The modules of the directory holding {@code test}. */
    Test262Modules(Path test) {
        Path dir = test.toAbsolutePath().getParent();
        this.files = ModuleLoader.directory(dir == null ? Path.of(".") : dir);
    }

    /**
     * Imports a tiny module once per factory, outside any time limit: the first import of a JVM loads
     * and warms the module translator (swc4j's native library), which a test's time limit must not pay.
     */
    static void warm(JsRuntimeFactory factory) {
        if (WARM.contains(factory)) return;
        // one warm-up at a time: a second lane of the worker waits for it here, outside its time limit
        synchronized (WARM) {
            if (WARM.contains(factory)) return;
            try (JsRuntime rt = factory.create(RuntimeOptions.defaults()
                    .withModules(ModuleLoader.inMemory(Map.of("/warm.js", "export default 1;"))))) {
                rt.importModule("./warm.js");
            } catch (RuntimeException e) {
                // no module system that works: the test's own import says why, as its failure
            }
            WARM.add(factory);
        }
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
