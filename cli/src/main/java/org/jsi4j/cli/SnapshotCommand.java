package org.jsi4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.jsi4j.SnapshotKey;
import org.jsi4j.SourceLocation;
import org.jsi4j.Capabilities;
import org.jsi4j.host.ConsoleSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jsi snapshot create [--engine ID] --out FILE INIT.js...}: runs the setup scripts in a
 * runtime made for snapshotting, with {@code console} and {@code jsi} as named externals, and
 * writes its snapshot blob. {@code jsi run --snapshot FILE MAIN.js} starts from it.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Startup snapshots: 'jsi snapshot create --out FILE INIT.js...', then 'jsi run --snapshot FILE MAIN.js'.",
        subcommands = SnapshotCommand.Create.class)
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Jsi.USAGE;
    }

    /** {@code jsi snapshot create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Runs the setup scripts in order and writes the runtime's snapshot to FILE.",
                    "The blob restores on any engine: from its native image on the same engine, by replay elsewhere."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-e", "--engine"}, paramLabel = "ID",
                description = "The engine to take the snapshot on. Default: -Djsi.engine, else JSI_ENGINE, else v8, graal, rhino, the first found.")
        String engine;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "Where to write the snapshot.")
        Path out;

        @Parameters(index = "0..*", arity = "1..*", paramLabel = "INIT.js",
                description = "The setup scripts, run in order; an ES module (.mjs, .ts, or .js with import/export) is imported.")
        List<Path> scripts = new ArrayList<>();

        @Option(names = "--key", paramLabel = "FILE", description = KEY_HELP)
        Path key;

        @Option(names = "--module-root", paramLabel = "DIR",
                description = "Where the init scripts' require and import() find files (give 'jsi run --snapshot' the same root)."
                        + " Default: the first init script's directory.")
        Path moduleRoot;

        @Option(names = "--transpile", description = "Transpile the init scripts and their modules where the engine lacks"
                + " modern syntax, as 'jsi run --transpile' (the snapshot holds them transpiled).")
        boolean transpile;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<String> sources = new ArrayList<>();
            JsRuntimeFactory factory;
            try {
                for (Path script : scripts) sources.add(RunCommand.read(script));
                factory = JsEngines.factory(engine != null ? engine : JsEngines.selectedId());
            } catch (RunCommand.BadInput | IllegalArgumentException | IllegalStateException e) {
                return fail(err, Jsi.USAGE, "jsi: " + e.getMessage(), e);
            }
            Snapshot snapshot;
            RuntimeOptions options;
            List<String> modules = new ArrayList<>();   // for each init file: its specifier from the root when an ES module, else null
            try {
                ModuleRun root = ModuleRun.classic(moduleRoot != null ? moduleRoot : rootOf(scripts.get(0)));
                options = root.apply(RuntimeOptions.forSnapshotting().withTranspile(transpile));
                for (Path script : scripts) {
                    ModuleRun run = ModuleRun.of(script, root.root());
                    modules.add(run.entry() == null ? null
                            : "/" + root.root().relativize(script.toAbsolutePath().normalize()).toString().replace('\\', '/'));
                }
            } catch (RunCommand.BadInput e) {
                return fail(err, Jsi.USAGE, "jsi: " + e.getMessage(), e);
            }
            boolean modulesUsed;
            try (JsRuntime runtime = factory.create(options)) {
                Map<String, Object> externals = CliExternals.of(ConsoleSink.of(stdout, err), List.of());
                CliExternals.bind(runtime, externals);
                for (int i = 0; i < scripts.size(); i++) {
                    // an ES module (.mjs, .ts, a .js with import/export) is imported, its specifier from the root journaled
                    if (modules.get(i) != null) runtime.importModule(modules.get(i));
                    else runtime.evaluate(sources.get(i), scripts.get(i).toString());
                }
                if (!runtime.runEventLoop(INIT_WAIT)) {
                    return fail(err, Jsi.SCRIPT_FAILED, "jsi: the init scripts still had pending work (timers, promises) after "
                            + INIT_WAIT.toSeconds() + " s; a snapshot is taken once they are done", null);
                }
                CliExternals.releaseMade(externals);
                modulesUsed = runtime.usesModules();
                snapshot = runtime.snapshot();
            } catch (JsSnapshotException e) {
                return fail(err, Jsi.SCRIPT_FAILED, "jsi: " + factory.engine().id() + " cannot snapshot these init scripts: "
                        + e.getMessage() + " (A timer or promise callback that ran during the setup is such a change: on this"
                        + " engine, keep the init scripts free of timers, or snapshot on rhino.)", e);
            } catch (JsError e) {
                String where = e.location().map(SourceLocation::toString).orElse("jsi");
                return fail(err, Jsi.SCRIPT_FAILED, where + ": " + e.getMessage(), e);
            } catch (JsException | org.jsi4j.modules.ModuleResolutionException e) {
                return fail(err, Jsi.SCRIPT_FAILED, "jsi: " + e.getMessage(), e);
            }
            try {
                Files.write(out, snapshot.bytes(key(key)));
            } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
                return fail(err, Jsi.USAGE, "jsi: cannot write " + out + ": " + e.getMessage(), e);
            }
            stdout.println("wrote " + out + ": " + snapshot);
            Capabilities.SnapshotSupport support = factory.capabilities().snapshots();
            if (support != Capabilities.SnapshotSupport.PORTABLE_REPLAY && !snapshot.hasNativeImage() && modulesUsed) {
                err.println("jsi: note: the init scripts required or imported modules, whose registry lives in jsi4j and"
                        + " in no engine image: the snapshot restores by replaying the init scripts (which loads the modules"
                        + " again from the module root), which starts slower.");
                err.flush();
            } else if (support != Capabilities.SnapshotSupport.PORTABLE_REPLAY && !snapshot.hasNativeImage()) {
                String image = support == Capabilities.SnapshotSupport.NATIVE ? "native heap image" : "serialized heap image";
                err.println("jsi: note: " + factory.engine().id() + " could not keep its " + image + " for these init"
                        + " scripts: they left host functions or objects alive that are not named externals (a console"
                        + " method, a timer, a required module, made while they ran). The snapshot restores by replaying"
                        + " the init scripts instead, which starts slower.");
                err.flush();
            }
            stdout.flush();
            return 0;
        }

        /** The directory a script is in (the current directory for a bare file name). */
        private static Path rootOf(Path script) {
            Path parent = script.toAbsolutePath().getParent();
            return parent == null ? Path.of(".") : parent;
        }

        private int fail(PrintWriter err, int code, String line, Throwable failure) {
            err.println(line);
            if (failure != null && Jsi.debug(spec)) Jsi.printStack(err, failure);
            err.flush();
            return code;
        }
    }

    /** How long {@code snapshot create} waits for the init scripts' timers and promises. */
    static final java.time.Duration INIT_WAIT = java.time.Duration.ofSeconds(30);

    /** The help of the {@code --key} option of every command that writes or reads a snapshot. */
    static final String KEY_HELP = "The key file that authenticates snapshots (made, owner-only, on first use)."
            + " Default: -Djsi.snapshot.keyFile, else JSI_SNAPSHOT_KEY_FILE, else ~/.jsi4j/snapshot.key.";

    /** The key in {@code file}, made when missing, or the default key when {@code file} is null. */
    static SnapshotKey key(Path file) {
        return file == null ? SnapshotKey.defaultKey() : SnapshotKey.fromFileOrCreate(file);
    }

    /**
     * The snapshot in {@code file}, authenticated with the key in {@code keyFile} (the default key
     * when null) and checked.
     *
     * @throws RunCommand.BadInput when it or the key cannot be read
     * @throws JsSnapshotException when it is not a valid snapshot or its tag does not verify
     */
    static Snapshot read(Path file, Path keyFile) throws RunCommand.BadInput {
        if (Files.isDirectory(file)) throw new RunCommand.BadInput("cannot read snapshot " + file + ": it is a directory");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RunCommand.BadInput("cannot read snapshot " + file + ": no such file");
        } catch (IOException e) {
            throw new RunCommand.BadInput("cannot read snapshot " + file + ": " + e.getMessage());
        }
        SnapshotKey key;
        try {
            key = key(keyFile);
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new RunCommand.BadInput(e.getMessage());
        }
        return Snapshot.parse(bytes, key);
    }
}
