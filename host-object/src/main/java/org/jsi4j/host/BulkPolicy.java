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
    // Measured with BulkConversionTiming (host-object's README has the table), 100 KB, ms per conversion:
    // Rhino's own walk reads and builds slots directly and beats its JSON (walk 0.15 vs JSON 0.96 in,
    // 0.13 vs 0.71 out). V8 pays a JNI crossing per walked property: JSON wins from the smallest
    // graphs (100 KB: 22.9 vs 0.54 in, 16.6 vs 0.71 out; 15 nodes: 0.028 vs 0.006 out). GraalJS:
    // JSON wins in (3.0 vs 0.88) and out from about 64 nodes (351 nodes: 0.19 vs 0.06; 15: a tie).
    private static final Map<String, BulkPolicy> MEASURED = Map.of(
            "rhino", new BulkPolicy(BulkConversion.Path.WALK, Integer.MAX_VALUE),
            "v8", new BulkPolicy(BulkConversion.Path.JSON, 16),
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
