package org.jsi4j.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException;

/**
 * One deadline for a whole {@code jsi run}: the script, its timers and every task of its event loop
 * together get {@code --time-limit}. When it passes, whatever JavaScript runs is stopped (and
 * stopped again every few milliseconds while the run goes on), and the wait for pending work ends.
 */
final class RunDeadline implements AutoCloseable {
    private static final ScheduledExecutorService STOPPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jsi-deadline");
        t.setDaemon(true);
        return t;
    });

    private final Duration limit;
    private final long deadline;
    private final ScheduledFuture<?> stopper;
    private volatile boolean passed;

    private RunDeadline(JsRuntime runtime, Duration limit) {
        this.limit = limit;
        this.deadline = System.nanoTime() + (limit == null ? 0 : limit.toNanos());
        this.stopper = limit == null ? null : STOPPER.scheduleWithFixedDelay(() -> {
            passed = true;
            runtime.interrupt();
        }, limit.toNanos(), TimeUnit.MILLISECONDS.toNanos(20), TimeUnit.NANOSECONDS);
    }

    /** A deadline {@code limit} from now for {@code runtime}; none when {@code limit} is null. */
    static RunDeadline start(JsRuntime runtime, Duration limit) {
        return new RunDeadline(runtime, limit);
    }

    /** How long the event loop may still wait. */
    Duration remaining() {
        if (limit == null) return DurationConverter.MAX;
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** The line for a run the event loop gave up on with work still pending. */
    String pendingWork(String file) {
        return file + ": stopped: the script still had pending work (timers, promises) when the time limit of "
                + limit.toMillis() + " ms ran out (--time-limit)";
    }

    /** The limits given on the command line: {@code --max-heap}, {@code --statement-limit}, {@code --max-stack-depth} (null: not given). */
    record Given(Long maxHeap, Long statementLimit, Integer maxStackDepth) {
    }

    /** The line for a stopped script, in command-line terms. */
    String stopped(String file, JsTerminatedException e, Given given) {
        Long maxHeap = given.maxHeap();
        return switch (e.reason()) {
            case TIME_LIMIT -> timeLimit(file);
            case INTERRUPTED -> passed ? timeLimit(file) : file + ": stopped: the script was interrupted";
            case MEMORY_LIMIT -> file + ": stopped: the script used more memory than it may ("
                    + (maxHeap != null ? "--max-heap " + ByteSizeConverter.describe(maxHeap) : "the engine's default limit")
                    + "); raise it with --max-heap SIZE or make the script keep less";
            case STATEMENT_LIMIT -> file + ": stopped: the script ran more statements than it may"
                    + (given.statementLimit() != null ? " (--statement-limit " + given.statementLimit() + "); raise it or make the script do less" : "");
            case STACK_LIMIT -> file + ": stopped: the script's recursion went deeper than it may"
                    + (given.maxStackDepth() != null ? " (--max-stack-depth " + given.maxStackDepth() + "); raise it or recurse less" : "");
        };
    }

    private String timeLimit(String file) {
        return file + ": stopped: the script ran past the time limit of " + limit.toMillis()
                + " ms (--time-limit); raise it or make the script finish sooner";
    }

    @Override
    public void close() {
        if (stopper != null) stopper.cancel(false);
    }
}
