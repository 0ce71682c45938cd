package org.jsi4j.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a child JVM: this JVM's {@code java.home}, class path and flags
 * (without a debugger or agent), plus any extra flags. For tests whose failure mode is a crash
 * that would take the test JVM down, and for tests that need a fresh process. Shared by the
 * modules through jsi-api's test-jar.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * How a child ended.
     *
     * @param exitCode the exit code, or -1 when it was killed for taking too long
     * @param output stdout and stderr, interleaved
     * @param finished whether it ended within the timeout
     * @param elapsed how long it ran
     */
    public record Outcome(int exitCode, String output, boolean finished, Duration elapsed) {
        /** The output's lines, without the JVM's own {@code WARNING:} lines. */
        public List<String> lines() {
            return output.lines().filter(l -> !l.startsWith("WARNING:")).toList();
        }

        /** Whether the child ended by itself with exit code 0. */
        public boolean alive() {
            return finished && exitCode == 0;
        }

        /** The first line starting with {@code prefix}, without the prefix, or {@code null}. */
        public String line(String prefix) {
            return lines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                    .findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return (finished ? "exit " + exitCode : "killed after " + elapsed.toMillis() + " ms") + "\n" + output;
        }
    }

    /** Runs {@code main} with {@code args}; kills it after {@code timeout}. */
    public static Outcome run(Duration timeout, Class<?> main, String... args) throws IOException, InterruptedException {
        return run(timeout, List.of(), main, args);
    }

    /** Runs {@code main} with {@code jvmFlags} added and {@code args}; kills it after {@code timeout}. */
    public static Outcome run(Duration timeout, List<String> jvmFlags, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.startsWith("-agentlib:jdwp") && !flag.startsWith("-javaagent")) command.add(flag);
        }
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("jsi4j-child-", ".log");
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new Outcome(finished ? p.exitValue() : -1, output, finished, elapsed);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
