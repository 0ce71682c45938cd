package org.jsi4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Samples of a stress run over time: counts so far and the process's resident set size. */
final class StressSampler {
    /** One sample. */
    record Sample(double seconds, long runtimes, long hostCalls, int outstanding, long rssKb) {
    }

    private final List<Sample> samples = new ArrayList<>();

    /** Takes a sample now. */
    synchronized Sample sample(double seconds, StressTally tally) {
        Sample s = new Sample(seconds, tally.runtimes.sum(), tally.hostCalls.sum(), tally.outstanding.get(), rssKb());
        samples.add(s);
        return s;
    }

    /** The samples so far. */
    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** VmRSS from /proc/self/status in KiB, or -1 where there is none (not Linux). */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
        return -1;
    }
}
