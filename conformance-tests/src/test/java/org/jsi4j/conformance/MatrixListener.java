package org.jsi4j.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records every {@link EngineTest} invocation's outcome and, when a test plan finishes, writes
 * {@code matrix.json} and {@code matrix.md} to {@value #OUTPUT_PROPERTY} (default
 * {@code ${basedir}/target/conformance}). Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class MatrixListener implements TestExecutionListener {
    /** The system property naming the directory the matrix is written to. */
    public static final String OUTPUT_PROPERTY = "jsi.conformance.output";

    /** One JVM may run several test plans (one per surefire provider run); the matrix spans them all. */
    private static final Matrix MATRIX = new Matrix();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, Matrix.Status.SKIPPED, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Matrix.Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> Matrix.Status.PASSED;
            case ABORTED -> result.getThrowable().orElse(null) instanceof KnownDeviations.ExpectedFailure
                    ? Matrix.Status.FAILED : Matrix.Status.SKIPPED;
            case FAILED -> Matrix.Status.FAILED;
        };
        record(test, status, result.getThrowable().map(MatrixListener::describe).orElse(null));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (MATRIX.isEmpty()) return;
        try {
            MATRIX.write(outputDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the conformance matrix to " + outputDirectory(), e);
        }
    }

    static Path outputDirectory() {
        String configured = System.getProperty(OUTPUT_PROPERTY);
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("basedir", "."), "target", "conformance");
    }

    private static void record(TestIdentifier test, Matrix.Status status, String detail) {
        if (!test.isTest()) return;
        Optional<String> engine = EngineExtension.engineOf(test.getDisplayName());
        if (engine.isEmpty() || !(test.getSource().orElse(null) instanceof MethodSource method)) return;
        Area area = method.getJavaClass().getAnnotation(Area.class);
        if (area == null) return;
        MATRIX.record(area.value(), method.getMethodName(), engine.get(), status, detail);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String text = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
