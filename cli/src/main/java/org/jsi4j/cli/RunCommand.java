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
import org.jsi4j.HostObject;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsString;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.jsi4j.SourceLocation;
import org.jsi4j.host.Builtins;
import org.jsi4j.host.ConsoleSink;
import org.jsi4j.host.Inspector;
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
        description = {"Runs a script with console, jsi, timers and require (native modules on the class path) installed,",
                "then its event loop until idle.",
                "An uncaught error prints FILE:LINE:COLUMN: Name: message and exits 1."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--engine"}, paramLabel = "ID",
            description = "The engine to run on (see 'jsi engines'). Default: -Djsi.engine, else JSI_ENGINE, else v8, graal, rhino, the first found.")
    String engine;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop the script, and the wait for its pending work, after this long: 500ms, 5s, 2m, PT5S.")
    Duration timeLimit;

    @Option(names = "--snapshot", paramLabel = "SNAPSHOT",
            description = "Start from this snapshot (from 'jsi snapshot create'); its engine unless --engine says otherwise.")
    Path snapshot;

    @Option(names = "--key", paramLabel = "FILE", description = SnapshotCommand.KEY_HELP)
    Path key;

    @Parameters(index = "0", paramLabel = "FILE", description = "The script to run.")
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
        try {
            source = read(file);
            if (snapshot != null) snap = SnapshotCommand.read(snapshot, key);
            String id = engine != null ? engine : snap != null ? snap.engineId() : JsEngines.selectedId();
            factory = JsEngines.configured(id, Jsi.engineOptions(spec));
        } catch (JsSnapshotException e) {
            return fail(err, Jsi.SCRIPT_FAILED, "jsi: " + snapshot + ": " + e.getMessage(), e);
        } catch (BadInput | IllegalArgumentException | IllegalStateException e) {
            return fail(err, Jsi.USAGE, "jsi: " + e.getMessage(), e);
        }
        Map<String, HostObject> builtins = CliExternals.of(ConsoleSink.of(out, err), args);
        RuntimeOptions options = snap == null ? RuntimeOptions.defaults() : RuntimeOptions.fromSnapshot(snap).externals(builtins);
        if (timeLimit != null) options = options.withTimeLimit(timeLimit);
        try (JsRuntime runtime = factory.create(options)) {
            try {
                // after a restore too: the timers and require, which a snapshot does not hold
                Builtins.install(runtime, ConsoleSink.of(out, err), args);
                runtime.evaluate(source, file.toString());
                Duration wait = timeLimit == null ? DurationConverter.MAX : timeLimit;
                if (!runtime.runEventLoop(wait)) {
                    return fail(err, Jsi.SCRIPT_FAILED, file + ": the script still had pending work after "
                            + wait.toMillis() + " ms (--time-limit); stopped waiting", null);
                }
                return 0;
            } catch (JsError e) {
                // described while the runtime is open: the thrown value may be an object to inspect
                return fail(err, Jsi.SCRIPT_FAILED, describe(runtime, e), e);
            }
        } catch (JsSyntaxError e) {
            return fail(err, Jsi.SCRIPT_FAILED, e.getMessage(), e);
        } catch (JsTerminatedException e) {
            return fail(err, Jsi.SCRIPT_FAILED, file + ": " + e.getMessage(), e);
        } catch (JsSnapshotException e) {
            return fail(err, Jsi.SCRIPT_FAILED, "jsi: " + snapshot + ": " + e.getMessage(), e);
        } catch (JsException | IllegalArgumentException e) {
            return fail(err, Jsi.SCRIPT_FAILED, "jsi: the " + factory.engine().id() + " engine failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code FILE:LINE:COLUMN: Name: message} with the place the engine reports, or
     * {@code FILE:LINE:COLUMN: Uncaught value} when the script threw something that is not an error.
     */
    private String describe(JsRuntime runtime, JsError e) {
        String where = e.location().map(SourceLocation::toString).orElse(file.toString());
        String message = e.jsMessage();
        String what = e.name()
                .map(name -> message.isEmpty() ? name : name + ": " + message)
                .orElseGet(() -> "Uncaught " + thrownValue(runtime, e));
        return where + ": " + what;
    }

    private static String thrownValue(JsRuntime runtime, JsError e) {
        try {
            return e.value() instanceof JsString s ? s.value() : Inspector.inspect(runtime, e.value());
        } catch (JsException | IllegalStateException unprintable) {
            return e.jsMessage();
        }
    }

    private int fail(PrintWriter err, int code, String line, Throwable failure) {
        err.println(line);
        if (failure != null && Jsi.debug(spec)) Jsi.printStack(err, failure);
        err.flush();
        return code;
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
    }
}
