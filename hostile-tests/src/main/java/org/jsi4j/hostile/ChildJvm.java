package org.jsi4j.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsi4j.compare.WorkerProcess;

/**
 * One {@link Worker} child JVM for one engine, seen from the parent: sends {@code run ID}, waits
 * for the answer line, and when none comes says whether the child crashed (with its exit code and
 * the last lines of its stderr) or hung. The process itself is the compare module's
 * {@link WorkerProcess}, the same child-JVM protocol {@code jsi compare}'s workers use.
 */
final class ChildJvm implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkerProcess process;

    private ChildJvm(WorkerProcess process) {
        this.process = process;
    }

    /** The command line of a child for {@code engine}; crash logs go to {@code outDir}. */
    static List<String> command(String engine, Path outDir, long budgetMillis) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:-CreateCoredumpOnCrash");
        cmd.add("-XX:ErrorFile=" + outDir.resolve("hs_err_" + engine + "_pid%p.log"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 23) cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
        cmd.add("-D" + Worker.BUDGET_PROPERTY + "=" + budgetMillis);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Worker.class.getName());
        cmd.add(engine);
        return cmd;
    }

    /**
     * Starts a child for {@code engine}, whose cases may each run {@code budgetMillis}, and waits
     * until it is ready.
     *
     * @throws IllegalStateException when it does not say ready within {@code startMillis}
     */
    static ChildJvm start(String engine, Path outDir, long budgetMillis, long startMillis)
            throws IOException, InterruptedException {
        try {
            return new ChildJvm(WorkerProcess.start(command(engine, outDir, budgetMillis), Worker.PREFIX,
                    Duration.ofMillis(startMillis)));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the " + engine + " child: " + e.getMessage(), e);
        }
    }

    /** Runs case {@code id}; the observation, or a crash or hang when the child gave none within {@code budgetMillis}. */
    Observation run(String id, long budgetMillis) throws InterruptedException {
        long start = System.nanoTime();
        WorkerProcess.Answer answer = process.ask("run " + id, Duration.ofMillis(budgetMillis));
        return switch (answer) {
            case WorkerProcess.Answer.Reply reply -> read(reply.line(), start);
            case WorkerProcess.Answer.Died died -> new Observation(Observation.Kind.CRASH, null, null, null,
                    Text.escape(died.what()), null, null, elapsed(start), tail(), null);
            case WorkerProcess.Answer.Silent silent -> new Observation(Observation.Kind.HANG, null, null, null,
                    "the child JVM gave no answer within " + budgetMillis / 1000 + " s and was killed", null, null,
                    elapsed(start), tail(), null);
        };
    }

    private Observation read(String answer, long start) {
        try {
            return JSON.readValue(answer, Observation.class);
        } catch (IOException e) {
            return new Observation(Observation.Kind.CRASH, null, null, null, "unreadable answer: " + Text.firstLine(answer),
                    null, null, elapsed(start), tail(), null);
        }
    }

    /** True while the child runs. */
    boolean alive() {
        return process.alive();
    }

    private String tail() {
        return Text.shorten(Text.escape(process.tail()), 2000);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Asks the child to exit, and kills it if it does not within 5 s. */
    @Override
    public void close() {
        process.close();
    }
}
