package org.jsi4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code jsi} command in a child JVM, fed standard input in timed chunks, as a user's terminal or pipe would. */
final class CliProcess {
    /** What the command did. */
    record Result(int code, String out, String err) {
    }

    /**
     * Text written to standard input once the output contains {@code awaited} (when not null, within
     * a minute) and then {@code delayMillis} more have passed.
     */
    record Input(long delayMillis, String text, String awaited) {
        Input(long delayMillis, String text) {
            this(delayMillis, text, null);
        }
    }

    private CliProcess() {
    }

    /** The java command line that runs {@code jsi} with {@code args}. */
    /** Runs {@code jsi ARGS} in this JVM (no child process), capturing both outputs. */
    static Result inProcess(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Jsi.commandLine(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Jsi.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code command} with {@code env} added, writing each input in turn; kills it after {@code timeout}. */
    static Result run(List<String> command, Map<String, String> env, Duration timeout, Input... inputs)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("jsi-cli-", ".out");
        Path err = Files.createTempFile("jsi-cli-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            try (OutputStream in = p.getOutputStream()) {
                for (Input input : inputs) {
                    long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                    while (input.awaited() != null && !Files.readString(out).contains(input.awaited())
                            && System.nanoTime() < giveUp && p.isAlive()) {
                        Thread.sleep(50);
                    }
                    Thread.sleep(input.delayMillis());
                    in.write(input.text().getBytes(StandardCharsets.UTF_8));
                    in.flush();
                }
            } catch (IOException closedEarly) {
                // the command ended before reading everything: its output says why
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, Files.readString(out), Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
