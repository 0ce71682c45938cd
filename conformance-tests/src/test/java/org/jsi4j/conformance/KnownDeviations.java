package org.jsi4j.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * The tests an engine is known to fail, with the reason, read from {@code known-deviations.txt}
 * on the test class path (one {@code engine area/test | reason} per line, like test262's
 * expectation files). A listed test still runs: when it fails, the matrix records it as
 * {@code failed} with the reason and the build goes on; when it passes, the build fails until the
 * line is removed, so the list never goes stale. Anything failing that is not listed fails the build.
 */
final class KnownDeviations {
    static final String RESOURCE = "known-deviations.txt";
    private static final Map<String, String> REASONS = load();

    private KnownDeviations() {
    }

    /** The reason engine {@code engineId} is known to fail test {@code area/test}, if it is listed. */
    static Optional<String> reason(String engineId, String area, String test) {
        return Optional.ofNullable(REASONS.get(engineId + " " + area + "/" + test));
    }

    private static Map<String, String> load() {
        Map<String, String> reasons = new HashMap<>();
        InputStream in = KnownDeviations.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) return reasons;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int bar = line.indexOf('|');
                if (bar < 0 || line.substring(bar + 1).isBlank()) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": expected 'engine area/test | reason'");
                }
                reasons.put(line.substring(0, bar).strip().replaceAll("\\s+", " "), line.substring(bar + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
        return reasons;
    }

    /** A listed test that failed as expected: not a build failure, but {@code failed} in the matrix. */
    static final class ExpectedFailure extends TestAbortedException {
        private static final long serialVersionUID = 1L;

        ExpectedFailure(String reason, Throwable failure) {
            super("known deviation: " + reason + " [" + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage().lines().findFirst().orElse("")) + "]",
                    failure);
        }
    }
}
