package org.jsi4j.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One {@link Worker} child JVM for one engine, seen from the parent: sends {@code run ID}, waits
 * for the answer line, and when none comes says whether the child crashed (with its exit code and
 * the last lines of its stderr) or hung. Only this class starts and kills the process.
 */
final class ChildJvm implements AutoCloseable {
    private static final String EOF = "\u0000eof";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String> SIGNALS = Map.of(4, "SIGILL", 5, "SIGTRAP", 6, "SIGABRT", 7, "SIGBUS",
            9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread out = new Thread(this::readStdout, "hostile-child-stdout-" + process.pid());
        Thread err = new Thread(this::readStderr, "hostile-child-stderr-" + process.pid());
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
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
        Process p = new ProcessBuilder(command(engine, outDir, budgetMillis)).start();
        ChildJvm child = new ChildJvm(p);
        String first = child.answers.poll(startMillis, TimeUnit.MILLISECONDS);
        if (!"ready".equals(first)) {
            child.close();
            throw new IllegalStateException("the " + engine + " child JVM did not start: " + (first == null
                    ? "no answer in " + startMillis + " ms" : first) + "; stderr: " + child.tail());
        }
        return child;
    }

    /** Runs case {@code id}; the observation, or a crash or hang when the child gave none within {@code budgetMillis}. */
    Observation run(String id, long budgetMillis) throws InterruptedException {
        long start = System.nanoTime();
        synchronized (stderrTail) {
            stderrTail.clear();
        }
        try {
            stdin.write("run " + id + "\n");
            stdin.flush();
        } catch (IOException e) {
            return crash(start);
        }
        String answer = answers.poll(budgetMillis, TimeUnit.MILLISECONDS);
        if (answer == null) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            return new Observation(Observation.Kind.HANG, null, null, null, "the child JVM gave no answer within "
                    + budgetMillis / 1000 + " s and was killed", null, null, elapsed(start), tail(), null);
        }
        if (answer.equals(EOF)) return crash(start);
        try {
            return JSON.readValue(answer, Observation.class);
        } catch (IOException e) {
            return new Observation(Observation.Kind.CRASH, null, null, null, "unreadable answer: " + Text.firstLine(answer),
                    null, null, elapsed(start), tail(), null);
        }
    }

    /** True while the child runs. */
    boolean alive() {
        return process.isAlive();
    }

    private Observation crash(long start) throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        int code = process.isAlive() ? -1 : process.exitValue();
        String signal = code > 128 ? SIGNALS.getOrDefault(code - 128, "signal " + (code - 128)) : null;
        String what = "exit " + code + (signal == null ? "" : " (" + signal + ")");
        String clue = clue();
        return new Observation(Observation.Kind.CRASH, null, null, null, what + (clue == null ? "" : ": " + clue), null,
                null, elapsed(start), tail(), null);
    }

    /**
     * The most telling stderr lines: V8's failed check, the JVM's signal and problematic frame, an
     * OutOfMemoryError, in that order of preference; {@code null} when there is none.
     */
    private String clue() {
        List<String> lines;
        synchronized (stderrTail) {
            lines = List.copyOf(stderrTail);
        }
        List<String> found = new ArrayList<>();
        for (String marker : List.of("Check failed", "SIGSEGV", "SIGBUS", "SIGILL", "OutOfMemoryError", "out of memory",
                "Fatal")) {
            for (int i = 0; i < lines.size() && found.isEmpty(); i++) {
                if (lines.get(i).contains(marker)) found.add(lines.get(i).replaceFirst("^#\\s*", "")
                        .replaceAll(" at pc=0x[0-9a-f]+, pid=\\d+, tid=\\d+", "").strip());
            }
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).contains("Problematic frame")) {
                found.add(lines.get(i + 1).replaceFirst("^#\\s*", "").replaceAll("\\+0x[0-9a-f]+", "").strip());
                break;
            }
        }
        return found.isEmpty() ? null : Text.shorten(Text.escape(String.join("; ", found)), 240);
    }

    private String tail() {
        synchronized (stderrTail) {
            return Text.shorten(Text.escape(String.join("\n", stderrTail)), 2000);
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int at = line.indexOf(Worker.PREFIX);
                if (at >= 0) answers.add(line.substring(at + Worker.PREFIX.length()));
                else remember(line);
            }
        } catch (IOException ignored) {
            // the child died; EOF below says so
        }
        answers.add(EOF);
    }

    private void readStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) remember(line);
        } catch (IOException ignored) {
            // the child died
        }
    }

    private void remember(String line) {
        if (line.isBlank()) return;
        synchronized (stderrTail) {
            stderrTail.addLast(Text.shorten(line, 300));
            while (stderrTail.size() > 30) stderrTail.removeFirst();
        }
    }

    /** Asks the child to exit, and kills it if it does not within 5 s. */
    @Override
    public void close() {
        try {
            stdin.write("exit\n");
            stdin.flush();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
