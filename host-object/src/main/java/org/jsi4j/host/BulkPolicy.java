package org.jsi4j.host;

import java.util.Map;

/**
 * Which {@link BulkConversion.Path} each engine uses, chosen by measurement (host-object's README
 * has the numbers and {@code BulkConversionTiming} in the test tree reproduces them).
 *
 * @param toJavaPath how JavaScript graphs reach Java (the size is not known before reading them)
 * @param toJsMinNodes from how many nodes (objects, arrays and primitives) a Java graph is sent
 *     as JSON text; {@link Integer#MAX_VALUE} to always walk
 */
public record BulkPolicy(BulkConversion.Path toJavaPath, int toJsMinNodes) {
    private static final Map<String, BulkPolicy> MEASURED = Map.of(
            "rhino", new BulkPolicy(BulkConversion.Path.JSON, 64),
            "v8", new BulkPolicy(BulkConversion.Path.JSON, 64),
            "graal", new BulkPolicy(BulkConversion.Path.JSON, 64));
    private static final BulkPolicy UNMEASURED = new BulkPolicy(BulkConversion.Path.JSON, 64);

    /** Validates the threshold. */
    public BulkPolicy {
        java.util.Objects.requireNonNull(toJavaPath, "toJavaPath");
        if (toJsMinNodes < 1) throw new IllegalArgumentException("toJsMinNodes must be >= 1, was " + toJsMinNodes);
    }

    /** The policy for engine {@code id}; engines not measured get the JSON path above 64 nodes. */
    public static BulkPolicy forEngine(String id) {
        return MEASURED.getOrDefault(id, UNMEASURED);
    }
}
