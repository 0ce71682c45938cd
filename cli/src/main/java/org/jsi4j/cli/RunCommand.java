package org.jsi4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsi4j.HostObject;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.host.Inspector;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.jsi4j.host.Builtins;
import org.jsi4j.host.ConsoleSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jsi run [--engine ID] [--time-limit DURATION] [--snapshot SNAPSHOT] FILE.js [args...]}:
 * evaluates the file, in a runtime restored from the snapshot when one is given, with the built-ins
 * installed ({@code console}, {@code jsi}, timers, and {@code require} for the native modules found
 * on the class path; see {@link Builtins}), then runs the event loop until no work is left.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Runs a script file, code (--eval, --print) or standard input (-); without any, an interactive REPL.",
        description = {"Runs the script with console, jsi, timers and require (native modules on the class path) installed,"
                + " then its event loop until no referenced work is left.",
                "An uncaught error or unhandled promise rejection prints its message and JavaScript stack and exits 1;"
                + " bad usage exits 2."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--engine"}, paramLabel = "ID",
            description = "The engine to run on (see 'jsi engines'). Default: -Djsi.engine, else JSI_ENGINE, else v8, graal, rhino, the first found.")
    String engine;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop the script, and the wait for its pending work, after this long: 500ms, 5s, 2m, PT5S.")
    Duration timeLimit;

    @Option(names = "--max-heap", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Stop the script when it uses more memory than this: 512m, 2g (RuntimeOptions.maxHeapBytes)."
                    + " Default: the engine's own (V8: 512 MB of V8 heap; Rhino and GraalJS: half the JVM heap).")
    Long maxHeap;

    @Option(names = "--statement-limit", paramLabel = "N",
            description = "Stop the script after N statements in one entry (RuntimeOptions.statementLimit; what counts as"
                    + " a statement differs by engine, see docs/limits.md).")
    Long statementLimit;

    @Option(names = "--max-stack-depth", paramLabel = "N",
            description = "Limit JavaScript recursion to N frames (RuntimeOptions.maxStackDepth): a RangeError the script"
                    + " can catch on rhino and v8, a stop on graal.")
    Integer maxStackDepth;

    @Option(names = "--transpile",
            description = "Compile the script, its modules and required files down to ES5 first where the engine lacks"
                    + " modern syntax (rhino: class, async/await, call spread, let per loop iteration); errors keep the"
                    + " file's lines. No change on graal and v8 (RuntimeOptions.withTranspile).")
    boolean transpile;

    @Option(names = "--snapshot", paramLabel = "SNAPSHOT",
            description = "Start from this snapshot (from 'jsi snapshot create'); its engine unless --engine says otherwise.")
    Path snapshot;

    @Option(names = "--key", paramLabel = "FILE", description = SnapshotCommand.KEY_HELP)
    Path key;

    @Option(names = "--eval", paramLabel = "CODE", description = "Run CODE instead of a file (its name in errors: [eval]).")
    String eval;

    @Option(names = {"-p", "--print"}, paramLabel = "CODE",
            description = "Run CODE as --eval does and print its result as console.log would.")
    String printCode;

    @Option(names = "--module-root", paramLabel = "DIR",
            description = "Where import and require find files; nothing outside it is read. Default: the file's directory (or DIR; for --eval, --print and -: the current directory).")
    Path moduleRoot;

    @Option(names = "--inspect", paramLabel = "[HOST:]PORT", preprocessor = Inspect.DefaultPort.class,
            description = "Run under the Chrome DevTools inspector (graal and v8), listening on PORT (default 9229, =PORT to change); prints the devtools:// URL to open.")
    String inspect;

    @Option(names = "--inspect-brk", paramLabel = "[HOST:]PORT", preprocessor = Inspect.DefaultPort.class,
            description = "As --inspect, and wait for the debugger to attach, pausing on the script's first line.")
    String inspectBrk;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The script or module to run (.js, .mjs, .ts, or a directory with a package.json main); - reads a script from standard input. Without FILE, --eval or --print: an interactive REPL.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script, as jsi.args.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String source;
        JsRuntimeFactory factory;
        Snapshot snap = null;
        if (eval != null && printCode != null) {
            return fail(err, Jsi.USAGE, "jsi: give either --eval CODE or --print CODE, not both", null);
        }
        String code = eval != null ? eval : printCode;
        if (code != null && file != null) {
            args.add(0, file.toString()); // with --eval or --print every positional argument is the script's
        }
        if (code == null && file == null) {
            if (inspect != null || inspectBrk != null) return fail(err, Jsi.USAGE, "jsi: --inspect and --inspect-brk need a FILE, --eval or --print", null);
            return Repl.start(engine, transpile, err);
        }
        boolean stdin = code == null && file.toString().equals("-");
        String name = code != null ? "[eval]" : stdin ? "[stdin]" : file.toString();
        boolean print = printCode != null;
        ModuleRun modules;
        try {
            modules = code != null || stdin ? ModuleRun.classic(moduleRoot) : ModuleRun.of(file, moduleRoot);
            source = code != null ? code : stdin ? readStdin() : modules.entry() != null ? null : read(file);
            if (snapshot != null) snap = SnapshotCommand.read(snapshot, key);
            String id = engine != null ? engine : snap != null ? snap.engineId() : JsEngines.selectedId();
            Inspect inspector = Inspect.of(inspect, inspectBrk, id, inspect == null && inspectBrk == null ? List.of()
                    : JsEngines.factory(id).engineOptions());
            factory = JsEngines.configured(id, inspector == null ? Jsi.engineOptions(spec) : inspector.engineOptions(Jsi.engineOptions(spec)));
        } catch (JsSnapshotException e) {
            return fail(err, Jsi.SCRIPT_FAILED, "jsi: " + snapshot + ": " + e.getMessage(), e);
        } catch (BadInput | IllegalArgumentException | IllegalStateException e) {
            return fail(err, Jsi.USAGE, "jsi: " + e.getMessage(), e);
        }
        ConsoleSink console = ConsoleSink.withColors(ConsoleSink.of(out, err), ErrorReport.colorTerminal());
        // a restore that replays the init scripts (GraalJS, V8 without its native image) runs their
        // console calls again: silent until the runtime is made, as the snapshot's user expects
        AtomicBoolean restoring = new AtomicBoolean(snap != null);
        ConsoleSink afterRestore = ConsoleSink.withColors((level, line) -> {
            if (!restoring.get()) console.write(level, line);
        }, console.colors());
        Map<String, Object> builtins = CliExternals.of(afterRestore, args);
        RuntimeOptions options = snap == null ? RuntimeOptions.defaults() : RuntimeOptions.fromSnapshot(snap).externals(builtins);
        if (timeLimit != null) options = options.withTimeLimit(timeLimit);
        if (maxHeap != null) options = options.withMaxHeapBytes(maxHeap);
        if (statementLimit != null) options = options.withStatementLimit(positive("--statement-limit", statementLimit));
        if (maxStackDepth != null) options = options.withMaxStackDepth((int) positive("--max-stack-depth", maxStackDepth));
        if (transpile) options = options.withTranspile(true);
        options = modules.apply(options);
        try (JsRuntime runtime = create(factory, options)) {
            restoring.set(false);
            try {
                // after a restore too: the timers and require, which a snapshot does not hold
                Builtins.install(runtime, console, args);
                runtime.onUnhandledRejection(ErrorReport::failOnRejection);
                try (RunDeadline deadline = RunDeadline.start(runtime, timeLimit)) {
                    try {
                        JsValue result = modules.entry() != null ? runtime.importModule(modules.entry().id())
                                : runtime.evaluate(source, name);
                        if (print) out.println(Inspector.inspect(runtime, result, Inspector.DEFAULT_DEPTH, console.colors()));
                        if (!runtime.runEventLoop(deadline.remaining())) {
                            return fail(err, Jsi.SCRIPT_FAILED, deadline.pendingWork(name), null);
                        }
                        return 0;
                    } catch (JsTerminatedException e) {
                        return fail(err, Jsi.SCRIPT_FAILED, deadline.stopped(name, e, new RunDeadline.Given(maxHeap, statementLimit, maxStackDepth)), e);
                    }
                }
            } catch (JsError e) {
                // described while the runtime is open: the thrown value may be an object to inspect
                return fail(err, Jsi.SCRIPT_FAILED, new ErrorReport(name, source).uncaught(runtime, e), e);
            } catch (ErrorReport.UncaughtInPromise e) {
                return fail(err, Jsi.SCRIPT_FAILED, e.getMessage(), e);
            }
        } catch (BadInput e) {
            return fail(err, Jsi.USAGE, "jsi: " + e.getMessage(), e.getCause());
        } catch (JsSyntaxError e) {
            return fail(err, Jsi.SCRIPT_FAILED, new ErrorReport(name, source).syntax(e), e);
        } catch (org.jsi4j.modules.ModuleResolutionException e) {
            return fail(err, Jsi.SCRIPT_FAILED, "jsi: " + e.getMessage(), e);
        } catch (JsTerminatedException e) {
            return fail(err, Jsi.SCRIPT_FAILED, name + ": " + e.getMessage(), e);
        } catch (JsSnapshotException e) {
            return fail(err, Jsi.SCRIPT_FAILED, "jsi: " + snapshot + ": " + e.getMessage(), e);
        } catch (JsException | IllegalArgumentException e) {
            return fail(err, Jsi.SCRIPT_FAILED, "jsi: the " + factory.engine().id() + " engine failed: " + e.getMessage(), e);
        }
    }

    private long positive(String option, long value) {
        if (value <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + " must be a positive number, not " + value);
        }
        return value;
    }

    private int fail(PrintWriter err, int code, String line, Throwable failure) {
        err.println(line);
        if (failure != null && Jsi.debug(spec)) Jsi.printStack(err, failure);
        err.flush();
        return code;
    }

    /**
     * A runtime from {@code factory}: an option the engine refuses (a port taken since
     * {@code --inspect} found it free, a memory limit below what the engine needs) is bad usage.
     */
    private static JsRuntime create(JsRuntimeFactory factory, RuntimeOptions options) throws BadInput {
        try {
            return factory.create(options);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage(), e);
        }
    }

    /** The script on standard input (all of it, as UTF-8). */
    static String readStdin() throws BadInput {
        try {
            return new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput("cannot read the script from standard input: " + e.getMessage());
        }
    }

    static String read(Path file) throws BadInput {
        if (Files.isDirectory(file)) throw new BadInput("cannot run " + file + ": it is a directory, not a script file");
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInput("cannot run " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new BadInput("cannot run " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new BadInput("cannot run " + file + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The script file cannot be used. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message, null, false, false);
        }

        BadInput(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
