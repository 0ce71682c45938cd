package org.jsi4j.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs cases of one engine in a {@link Worker} child JVM, like a test262-harness worker: one
 * child runs the cases one after another; after a crash or a hang the next case gets a new
 * child, so a crash costs one case and not the run.
 */
public final class Supervisor {
    private static final long START_MILLIS = 60_000;

    private final String engine;
    private final Path outDir;
    private final KnownFailures known;
    private final long budgetMillis;

    /**
     * A supervisor for {@code engine}, writing crash logs to {@code outDir}; a case that does not
     * end within {@code budgetMillis} is a hang (the parent waits 15 s more for the child's answer).
     */
    public Supervisor(String engine, Path outDir, KnownFailures known, long budgetMillis) {
        this.engine = engine;
        this.outDir = outDir;
        this.known = known;
        this.budgetMillis = budgetMillis;
    }

    /** Runs {@code cases} in order and judges each; {@code progress} sees each result as it comes. */
    public List<CaseResult> run(List<HostileCase> cases, Consumer<CaseResult> progress) throws InterruptedException {
        List<CaseResult> results = new ArrayList<>();
        ChildJvm child = null;
        try {
            for (HostileCase c : cases) {
                Observation o;
                try {
                    if (child == null || !child.alive()) {
                        if (child != null) child.close();
                        child = ChildJvm.start(engine, outDir, budgetMillis, START_MILLIS);
                    }
                    o = child.run(c.id(), c.budget(budgetMillis) + 15_000);
                    if (o.kind() == Observation.Kind.HANG || o.kind() == Observation.Kind.CRASH) {
                        child.close();
                        child = null;
                    }
                } catch (IOException | IllegalStateException e) {
                    o = new Observation(Observation.Kind.CRASH, null, null, null, Text.firstLine(e.getMessage()), null, null,
                            0, null, null);
                    child = null;
                }
                CaseResult r = CaseResult.judge(engine, c, o, budgetMillis + 5_000,
                        known.entry(engine, c.id()));
                results.add(r);
                progress.accept(r);
            }
        } finally {
            if (child != null) child.close();
        }
        return results;
    }
}
