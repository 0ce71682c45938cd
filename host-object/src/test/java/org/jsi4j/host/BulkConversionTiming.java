package org.jsi4j.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jsi4j.JavaData;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsValue;

/**
 * Measures the two paths of {@link BulkConversion} on every engine, by hand (not a unit test): a
 * 100 KB object graph and small ones, JavaScript to Java and back. The numbers chose
 * {@link BulkPolicy}; see host-object's README.
 * <pre>
 * mvn -q -pl host-object test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED $(cat cli/target/jvm.args | grep -v '^#') \
 *      -cp host-object/target/classes:host-object/target/test-classes:$(cat host-object/target/cp.txt) \
 *      org.jsi4j.host.BulkConversionTiming [engine...]
 * </pre>
 */
public final class BulkConversionTiming {
    private static final int[] RECORDS = {1, 5, 25, 560};

    private BulkConversionTiming() {
    }

    /** Runs the measurements for the engines named, or every engine found. */
    public static void main(String[] args) {
        List<String> engines = args.length > 0 ? Arrays.asList(args) : JsEngines.ids();
        for (String engine : engines) {
            try (JsRuntime rt = JsEngines.factory(engine).create()) {
                System.out.println("engine " + engine);
                for (int records : RECORDS) measure(rt, records);
            }
        }
    }

    private static void measure(JsRuntime rt, int records) {
        JsValue graph = rt.evaluate(script(records), "graph.js");
        String size = rt.evaluate("JSON.stringify(graph).length", "size.js").toString();
        Object java = BulkConversion.toJava(rt, graph, BulkConversion.Path.WALK);
        if (!java.equals(BulkConversion.toJava(rt, graph, BulkConversion.Path.JSON))) throw new AssertionError("paths differ");
        int nodes = JavaData.nodes(java, Integer.MAX_VALUE);
        double walkIn = time(rt, () -> BulkConversion.toJava(rt, graph, BulkConversion.Path.WALK));
        double jsonIn = time(rt, () -> BulkConversion.toJava(rt, graph, BulkConversion.Path.JSON));
        double walkOut = time(rt, () -> BulkConversion.toJs(rt, java, BulkConversion.Path.WALK));
        double jsonOut = time(rt, () -> BulkConversion.toJs(rt, java, BulkConversion.Path.JSON));
        System.out.printf(Locale.ROOT, "  %6s chars %6d nodes | JS->Java walk %9.3f ms  json %9.3f ms | Java->JS walk %9.3f ms  json %9.3f ms%n",
                size, nodes, walkIn, jsonIn, walkOut, jsonOut);
    }

    /**
     * Median milliseconds of one run, measured for up to two seconds after three seconds of
     * unmeasured runs (the walks' Java code needs about two seconds of C2 on two cores; with less
     * warm-up Rhino's Java→JS walk read 1.3 ms here against 0.23 ms in JMH).
     */
    private static double time(JsRuntime rt, Supplier<Object> body) {
        long warm = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warm) {
            try (JsScope scope = rt.openScope()) {
                body.get();
            }
        }
        long budget = System.nanoTime() + 2_000_000_000L;
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < 400 && (i < 5 || System.nanoTime() < budget); i++) {
            try (JsScope scope = rt.openScope()) {
                long start = System.nanoTime();
                body.get();
                samples.add(System.nanoTime() - start);
            }
        }
        if (samples.isEmpty()) return Double.NaN;
        samples.sort(null);
        return samples.get(samples.size() / 2) / 1e6;
    }

    /** {@code records} user records, about 200 bytes of JSON each. */
    static String script(int records) {
        return "var graph = []; for (var i = 0; i < " + records + "; i++) graph.push({id: i, name: 'user ' + i,"
                + " email: 'user' + i + '@example.com', active: i % 2 === 0, score: i * 1.5,"
                + " tags: ['a' + i, 'b', 'c'], address: {street: i + ' Main St', city: 'Springfield', zip: '0' + i}});"
                + " graph";
    }

}
