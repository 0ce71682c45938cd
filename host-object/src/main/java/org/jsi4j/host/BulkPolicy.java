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
    // Rhino lives in the JVM: its own walk reads and builds slots directly, and its JSON is slower
    // (100 KB in JMH: walk 0.49 ms vs JSON 1.51 ms in, 0.23 ms vs 1.24 ms out). V8 pays a JNI crossing per
    // property: JSON wins from the smallest graphs (100 KB: 128 ms vs 1.7 ms in, 63 ms vs 2.4 ms out;
    // 15 nodes: 0.06 vs 0.02 ms). GraalJS: JSON wins in (100 KB: 740 ms vs 121 ms) and out from
    // about 64 nodes (351 nodes: 24 ms vs 13 ms; 100 KB: a tie).
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
