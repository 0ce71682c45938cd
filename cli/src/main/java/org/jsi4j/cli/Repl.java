package org.jsi4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsExecutor;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.host.Builtins;
import org.jsi4j.host.ConsoleSink;
import org.jsi4j.host.Inspector;

/**
 * {@code jsi run} without a file: a read-eval-print loop on one runtime, with the built-ins
 * installed. Lines are read on a thread of their own (JLine: history, editing, multi-line input,
 * Tab completion of globals and properties); the runtime's owner thread runs its event loop all the
 * while, so timers fire between prompts. {@code .exit} or Ctrl+D ends it; Ctrl+C clears the line,
 * or stops a script that is running.
 */
final class Repl {
    static final String HELP = String.join("\n",
            ".exit     Leave the REPL (Ctrl+D does too)",
            ".help     Show this help",
            "",
            "Ctrl+C    Clear the line, or stop the script that is running",
            "Tab       Complete global names and properties (after a '.')",
            "Up/Down   Walk the history (kept in ~/.jsi4j/repl_history, or $JSI_REPL_HISTORY)",
            "An unfinished expression (an open bracket, string or comment) continues on the next line.");

    private final JsRuntime runtime;
    private final Terminal terminal;
    private final LineReader reader;
    private final JsExecutor.Hold alive;
    private volatile boolean done;
    private int inputs;

    private Repl(JsRuntime runtime, Terminal terminal, JsExecutor.Hold alive) {
        this.runtime = runtime;
        this.terminal = terminal;
        this.alive = alive;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("jsi")
                .parser(new ReplParser())
                .completer(new ReplCompleter(runtime))
                .variable(LineReader.HISTORY_FILE, historyFile())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "... ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    /**
     * Runs the REPL on the engine {@code engineId} (the selected one when null), each input transpiled
     * with {@code transpile} ({@code --transpile}); returns the exit code.
     */
    static int start(String engineId, boolean transpile, PrintWriter err) {
        JsRuntimeFactory factory;
        try {
            factory = JsEngines.factory(engineId != null ? engineId : JsEngines.selectedId());
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("jsi: " + e.getMessage());
            err.flush();
            return Jsi.USAGE;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
             JsRuntime runtime = factory.create(org.jsi4j.RuntimeOptions.defaults().withTranspile(transpile))) {
            Repl repl = new Repl(runtime, terminal, runtime.executor().hold());
            return repl.run(factory.engine().id());
        } catch (IOException e) {
            err.println("jsi: cannot open the terminal: " + e.getMessage());
            err.flush();
            return Jsi.SCRIPT_FAILED;
        }
    }

    private int run(String engine) {
        PrintWriter out = terminal.writer();
        Builtins.install(runtime, ConsoleSink.withColors((level, line) -> reader.printAbove(line), colors()), List.of());
        runtime.onUnhandledRejection((rt, rejection) -> reader.printAbove(ErrorReport.inPromise(rt, rejection)));
        out.println("Welcome to jsi on " + engine + " (" + runtime.engine().version() + ").");
        out.println("Type \".help\" for more information.");
        out.flush();
        Thread lines = new Thread(this::readLines, "jsi-repl-reader");
        lines.setDaemon(true);
        lines.start();
        while (!done) {
            try {
                runtime.runEventLoop(DurationConverter.MAX);
            } catch (JsError e) {
                reader.printAbove(ErrorReport.inRepl(runtime, e)); // a timer's error
            } catch (JsException | ErrorReport.UncaughtInPromise e) {
                reader.printAbove("Uncaught " + e.getMessage());
            }
        }
        return 0;
    }

    /** The reader thread: each line is handed to the owner thread, which evaluates it before the next prompt. */
    private void readLines() {
        try {
            while (!done) {
                String line;
                try {
                    line = reader.readLine("> ");
                } catch (UserInterruptException e) {
                    continue; // Ctrl+C clears the line
                } catch (EndOfFileException e) {
                    break;
                }
                CompletableFuture<Boolean> handled = runtime.executor().submit(rt -> handle(line));
                boolean more = awaitInterruptibly(handled);
                if (!more) break;
            }
        } finally {
            done = true;
            alive.close();
        }
    }

    /** Waits for the line to be handled; Ctrl+C meanwhile stops the script. */
    private boolean awaitInterruptibly(CompletableFuture<Boolean> handled) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> runtime.interrupt());
        try {
            return handled.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            terminal.writer().println("jsi: " + e.getCause());
            return true;
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    /** On the owner thread: a command or code; false to leave. */
    private boolean handle(String line) {
        String input = line.strip();
        PrintWriter out = terminal.writer();
        if (input.isEmpty()) return true;
        if (input.matches("\\.[A-Za-z]+")) {
            switch (input) {
                case ".exit" -> {
                    return false;
                }
                case ".help" -> out.println(HELP);
                default -> out.println("Invalid REPL keyword " + input + " (try .help)");
            }
            out.flush();
            return true;
        }
        String name = "REPL" + (++inputs);
        try {
            JsValue result = runtime.evaluate(line, name);
            out.println(Inspector.inspect(runtime, result, Inspector.DEFAULT_DEPTH, colors()));
        } catch (JsSyntaxError e) {
            out.println("Uncaught SyntaxError: " + e.reason());
        } catch (JsError e) {
            out.println(ErrorReport.inRepl(runtime, e));
        } catch (JsTerminatedException e) {
            out.println("Script stopped: " + (e.reason() == JsTerminatedException.Reason.INTERRUPTED
                    ? "interrupted (Ctrl+C)" : e.getMessage()));
        } catch (ErrorReport.UncaughtInPromise e) {
            out.println(e.getMessage());
        }
        out.flush();
        return true;
    }

    /** Colours on a real terminal (not JLine's dumb one, not with NO_COLOR set). */
    private boolean colors() {
        return !ErrorReport.noColor() && !Terminal.TYPE_DUMB.equals(terminal.getType())
                && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    private static Path historyFile() {
        String configured = System.getenv("JSI_REPL_HISTORY");
        Path file = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".jsi4j", "repl_history");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException ignored) {
            // JLine then keeps the history in memory only
        }
        return file;
    }
}
