package org.jsi4j.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The hostile cases an engine is known to fail today, one {@code engine group/case | observed
 * outcome | where the fix is} per line (blank lines and {@code #} comments skipped), in the spirit
 * of conformance-tests' known-deviations.txt. A listed case still runs; its failure does not break
 * the build, and its passing does, until the line is removed (unless the entry says it is
 * {@link #INTERMITTENT}).
 */
public final class KnownFailures {
    /**
     * How an entry's observed outcome starts when the case fails only sometimes (a race): then its
     * passing does not break the build either, and the matrix shows it as passed.
     */
    public static final String INTERMITTENT = "intermittent";

    /** The resource on the class path. */
    public static final String RESOURCE = "known-hostile-failures.txt";

    private final Map<String, String> entries;

    private KnownFailures(Map<String, String> entries) {
        this.entries = entries;
    }

    /** None. */
    public static KnownFailures none() {
        return new KnownFailures(Map.of());
    }

    /** Reads {@link #RESOURCE} from the class path (none when absent). */
    public static KnownFailures load() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        InputStream in = KnownFailures.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) return new KnownFailures(entries);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int bar = line.indexOf('|');
                String key = bar < 0 ? "" : line.substring(0, bar).strip().replaceAll("\\s+", " ");
                if (bar < 0 || !key.matches("\\S+ [a-z0-9-]+/[a-z0-9-]+") || line.substring(bar + 1).isBlank()) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": expected 'engine group/case | observed | fix'");
                }
                if (entries.put(key, line.substring(bar + 1).strip()) != null) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": " + key + " is listed twice");
                }
            }
        }
        return new KnownFailures(entries);
    }

    /** The entry's text for {@code engine} and case {@code id}, or {@code null} when not listed. */
    public String entry(String engine, String id) {
        return entries.get(engine + " " + id);
    }

    /** Every listed {@code engine group/case}. */
    public Set<String> keys() {
        return entries.keySet();
    }
}
