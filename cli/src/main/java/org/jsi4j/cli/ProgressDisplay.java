package org.jsi4j.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on the error stream. On a terminal, a progress bar redrawn in place naming the step
 * under way; otherwise (a log, a pipe) one line per step, {@code task [n/total] step}. Closing
 * it ends the bar's line.
 */
final class ProgressDisplay implements AutoCloseable {
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private final ProgressBar bar;
    private final String task;
    private final long total;
    private long done;

    private ProgressDisplay(PrintWriter err, ProgressBar bar, String task, long total) {
        this.err = err;
        this.bar = bar;
        this.task = task;
        this.total = total;
    }

    /** Starts the progress of {@code total} steps called {@code task}: a bar when {@code err} is a terminal. */
    static ProgressDisplay start(PrintWriter err, String task, long total) {
        return start(err, task, total, ErrorReport.consoleIsTerminal());
    }

    /** Starts the progress as a bar ({@code bar} true) or as lines. */
    static ProgressDisplay start(PrintWriter err, String task, long total, boolean bar) {
        if (!bar) return new ProgressDisplay(err, null, task, total);
        ProgressBar progressBar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .continuousUpdate()
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    synchronized (err) {
                        err.print('\r' + line);
                        err.flush();
                    }
                }, WIDTH))
                .build();
        return new ProgressDisplay(err, progressBar, task, total);
    }

    /** Shows the step under way (done so far: {@code done}). */
    void step(long doneSoFar, String text) {
        done = doneSoFar;
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(text);
        } else {
            synchronized (err) {
                err.println(task + " [" + (done + 1) + "/" + total + "] " + text);
                err.flush();
            }
        }
    }

    @Override
    public void close() {
        if (bar == null) return;
        bar.stepTo(total);
        bar.close();
        synchronized (err) {
            err.println();
            err.flush();
        }
    }
}
