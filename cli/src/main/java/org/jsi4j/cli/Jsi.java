package org.jsi4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsi4j.EngineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code jsi} command: {@code jsi run FILE.js}, {@code jsi snapshot create}, {@code jsi engines},
 * {@code jsi compare FILE.js...}, {@code jsi bench}, {@code jsi stress}. Exit codes: 0 success,
 * 1 the script failed (a JavaScript error, a syntax error, a limit), 2 bad usage or input (an
 * unknown engine, an unreadable file, a wrong option). Failures print one line; {@code --debug}
 * adds the Java stack trace.
 */
@Command(name = "jsi", mixinStandardHelpOptions = true, versionProvider = Jsi.Version.class,
        description = "Runs JavaScript on any engine jsi4j supports.",
        subcommands = {RunCommand.class, SnapshotCommand.class, EnginesCommand.class, CompareCommand.class,
                BenchCommand.class, StressCommand.class, CommandLine.HelpCommand.class})
public final class Jsi implements Callable<Integer> {
    /** Exit code when the script failed. */
    public static final int SCRIPT_FAILED = 1;
    /** Exit code for bad usage or input. */
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the Java stack trace of a failure.")
    boolean debug;

    @Option(names = "--engine-option", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
            description = "An engine's own option, e.g. rhino.optimizationLevel=-1, graal.js.strict=true, v8.flags=--expose-gc"
                    + " (repeatable; 'jsi engines --options' lists them).")
    List<String> engineOptions = new ArrayList<>();

    /**
     * The {@code --engine-option}s given anywhere on the command line, checked for the form
     * {@code ENGINE.NAME=VALUE} (each engine checks its own names and values).
     *
     * @throws IllegalArgumentException for one not of that form
     */
    static EngineOptions engineOptions(CommandSpec spec) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String assignment : ((Jsi) spec.root().userObject()).engineOptions) {
            Map.Entry<String, String> e = EngineOptions.parseAssignment(assignment);
            byKey.put(e.getKey(), e.getValue());
        }
        return EngineOptions.of(byKey);
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /** The command line, writing to {@code out} and {@code err}; {@code execute(args)} returns the exit code. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Jsi());
        cl.setOut(out);
        cl.setErr(err);
        // everything after FILE belongs to the script, options included
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.setParameterExceptionHandler(Jsi::usageError);
        cl.setExecutionExceptionHandler((e, command, parsed) -> internalError(e, command, parsed));
        return cl;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        spec.commandLine().usage(err);
        return USAGE;
    }

    /** Whether {@code --debug} was given on {@code spec}'s command or any command above it. */
    static boolean debug(CommandSpec spec) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            ParseResult result = s.commandLine().getParseResult();
            if (result != null && result.hasMatchedOption("--debug")) return true;
        }
        return false;
    }

    /** Prints {@code failure}'s stack trace to {@code err}. */
    static void printStack(PrintWriter err, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        err.print(trace);
        err.flush();
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("jsi: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    private static int internalError(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (debug(command.getCommandSpec())) {
            printStack(err, e);
        } else {
            err.println("jsi: internal error: " + e + " (run with --debug for the Java stack trace)");
        }
        err.flush();
        return SCRIPT_FAILED;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Jsi.class.getPackage().getImplementationVersion();
            return new String[] {"jsi " + (version == null ? "(development build)" : version)
                    + " on Java " + Runtime.version()};
        }
    }
}
