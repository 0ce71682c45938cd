package org.jsi4j.benchmarks;

/**
 * Which API a benchmark method measures, told by the suffix of its name
 * ({@code hostCall_jsi}, {@code hostCall_raw}, {@code hostCall_jsr223}).
 */
public enum Flavor {
    /** Through jsi4j ({@code org.jsi4j}). */
    JSI("jsi"),
    /** The same engine's own API (Rhino, {@code org.graalvm.polyglot}, Javet). */
    RAW("raw"),
    /** The engine's {@code javax.script} (JSR-223) implementation. */
    JSR223("jsr223");

    private final String suffix;

    Flavor(String suffix) {
        this.suffix = suffix;
    }

    /** The method name suffix, without the underscore. */
    public String suffix() {
        return suffix;
    }

    /**
     * The flavor of a benchmark method, from its simple or fully qualified name.
     *
     * @throws IllegalArgumentException when the name has none of the suffixes
     */
    public static Flavor of(String methodName) {
        for (Flavor f : values()) {
            if (methodName.endsWith("_" + f.suffix)) return f;
        }
        throw new IllegalArgumentException("Benchmark method '" + methodName
                + "' must end in _jsi, _raw or _jsr223 to say which API it measures");
    }
}
