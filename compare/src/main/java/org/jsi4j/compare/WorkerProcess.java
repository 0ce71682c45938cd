package org.jsi4j.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that answers requests, one line each, seen from the parent: it sends request
 * lines, waits for the child's answer lines (stdout lines starting with the protocol prefix, in the
 * order the child prints them: a child that runs several requests at once may answer them out of
 * order, and the lines say which request they answer), and when none comes says whether the child
 * died (exit code, signal, the telling lines of its stderr) or stayed silent (then it is killed).
 * Everything else the child prints is kept as its output tail, since its last answer line. The child's stderr is merged into its stdout (one pipe), so that what it printed while it
 * answered one request is read before that answer, never after it. The child prints {@code PREFIX ready} when it can take requests. Only this class starts and
 * kills the process.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final String EOF = "\u0000eof";
    private static final Map<Integer, String> SIGNALS = Map.of(4, "SIGILL", 5, "SIGTRAP", 6, "SIGABRT", 7, "SIGBUS",
            9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    private final Process process;
    private final String prefix;
    private final Writer stdin;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private volatile boolean sendFailed;

    /** What a request got. */
    public sealed interface Answer {
        /** The child answered {@code line} (without the prefix). */
        record Reply(String line) implements Answer {
        }

        /** The child died before answering: {@code what} says how (exit code, signal, its clue). */
        record Died(String what) implements Answer {
        }

        /** The child gave no answer in time and was killed. */
        record Silent(Duration waited) implements Answer {
        }
    }

    private WorkerProcess(Process process, String prefix) {
        this.process = process;
        this.prefix = prefix;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread out = new Thread(this::readStdout, "worker-output-" + process.pid());
        out.setDaemon(true);
        out.start();
    }

    /**
     * The command line of a child JVM running {@code mainClass} with {@code args}: this JVM's
     * {@code java}, class path and flags (without debugger, agent or heap size), then {@code flags}.
     */
    public static List<String> javaCommand(List<String> flags, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-agentlib") || a.startsWith("-javaagent") || a.startsWith("-Xdebug") || a.startsWith("-Xrunjdwp")
                    || a.startsWith("-Xmx") || a.startsWith("-XX:ErrorFile") || a.startsWith("-XX:+HeapDumpOnOutOfMemory")) {
                continue;
            }
            cmd.add(a);
        }
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Starts {@code command} and waits until it prints {@code prefix + "ready"}.
     *
     * @throws IllegalStateException when it does not within {@code startTimeout} (it is killed)
     * @throws IOException when the process cannot start
     */
    public static WorkerProcess start(List<String> command, String prefix, Duration startTimeout)
            throws IOException, InterruptedException {
        WorkerProcess child = new WorkerProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), prefix);
        String first = child.answers.poll(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!"ready".equals(first)) {
            child.kill();
            throw new IllegalStateException("a worker JVM did not start: " + (first == null
                    ? "no answer in " + startTimeout.toSeconds() + " s" : EOF.equals(first) ? "it exited" : first)
                    + "; its last output: " + child.tail());
        }
        return child;
    }

    /** Sends {@code request} (one line) and waits up to {@code timeout} for the answer. */
    public Answer ask(String request, Duration timeout) throws InterruptedException {
        send(request);
        return await(timeout);
    }

    /**
     * Sends {@code request} (one line) without waiting, so that the child finds its next request
     * ready when it answers this one; {@link #await} takes the answer lines as they come. A child
     * that is gone is noticed by {@code await}.
     */
    public void send(String request) {
        try {
            stdin.write(request + "\n");
            stdin.flush();
        } catch (IOException e) {
            sendFailed = true;
        }
    }

    /**
     * Waits up to {@code timeout} for the child's next answer line (to the oldest request not yet
     * answered, for a child that answers in order); when none comes the child is killed
     * ({@link Answer.Silent}).
     */
    public Answer await(Duration timeout) throws InterruptedException {
        String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) {
            if (sendFailed) return died();
            kill();
            return new Answer.Silent(timeout);
        }
        return answer.equals(EOF) ? died() : new Answer.Reply(answer);
    }

    /** True while the child runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /** The child's last lines of output other than answers (at most 30). */
    public String tail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    private Answer died() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        int code = process.isAlive() ? -1 : process.exitValue();
        String signal = code > 128 ? SIGNALS.getOrDefault(code - 128, "signal " + (code - 128)) : null;
        String clue = clue();
        return new Answer.Died("exit " + code + (signal == null ? "" : " (" + signal + ")") + (clue == null ? "" : ": " + clue));
    }

    /**
     * The most telling lines of the child's output: a failed V8 check, the JVM's signal and
     * problematic frame, an OutOfMemoryError; {@code null} when there is none.
     */
    private String clue() {
        List<String> lines;
        synchronized (stderrTail) {
            lines = List.copyOf(stderrTail);
        }
        List<String> found = new ArrayList<>();
        for (String marker : List.of("Check failed", "SIGSEGV", "SIGBUS", "SIGILL", "OutOfMemoryError", "out of memory", "Fatal")) {
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
        if (found.isEmpty()) return null;
        String clue = String.join("; ", found);
        return clue.length() > 240 ? clue.substring(0, 237) + "..." : clue;
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int at = line.indexOf(prefix);
                if (at >= 0) {
                    // what the child prints from now on belongs to what it does next, which may be under way
                    // already (requests are pipelined): the tail starts afresh here, not when await is called.
                    // A child running requests in parallel says when it starts each, so that the tail of
                    // a request it runs alone is that request's own
                    synchronized (stderrTail) {
                        stderrTail.clear();
                    }
                    answers.add(line.substring(at + prefix.length()));
                } else {
                    remember(line);
                }
            }
        } catch (IOException ignored) {
            // the child died; EOF below says so
        }
        answers.add(EOF);
    }

    private void remember(String line) {
        if (line.isBlank()) return;
        synchronized (stderrTail) {
            stderrTail.addLast(line.length() > 300 ? line.substring(0, 297) + "..." : line);
            while (stderrTail.size() > 30) stderrTail.removeFirst();
        }
    }

    /** Kills the child now. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the child to exit (an {@code exit} line), and kills it if it does not within 5 s. */
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
