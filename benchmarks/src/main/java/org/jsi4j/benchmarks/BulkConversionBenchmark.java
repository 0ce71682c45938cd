package org.jsi4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jsi4j.JsEngines;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsScope;
import org.jsi4j.host.BulkConversion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * host-object's {@link BulkConversion} on the 100 KB graph of {@link Scripts#FUNCTIONS} (the one
 * {@code graphRoundTrip} copies), per engine: each direction by the per-property
 * {@link BulkConversion.Path#WALK walk} and by the {@link BulkConversion.Path#JSON JSON} path,
 * so that one run gives both side by side ({@link BulkMain} runs it and prints the ratios).
 *
 * <ul>
 *   <li>{@code toJava_*}: the JavaScript graph as Java maps and lists;
 *   <li>{@code toJs_*}: the same graph as Java data (made once) into new JavaScript objects,
 *       handed to {@code checkGraph} (one call, so that the result is used).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BulkConversionBenchmark {
    /** The directions, as the method name prefixes. */
    public static final String TO_JAVA = "toJava";
    /** Java to JavaScript. */
    public static final String TO_JS = "toJs";

    /** The engine id; {@link BulkMain} sets it per fork so that each engine gets its JVM options. */
    @Param({"rhino", "v8", "graal"})
    public String engine;

    private JsRuntime rt;
    private JsObject graph;
    private JsFunction checkGraph;
    private Object javaGraph;

    /** Creates the runtime and its graph, and the Java copy {@code toJs_*} converts. */
    @Setup
    public void setUp() {
        JsRuntimeFactory factory = JsEngines.factory(engine);
        if (engine.equals("graal") && !factory.capabilities().jit()) GraalBenchmarks.requireJit();
        rt = factory.create();
        rt.global().set("hostFn", rt.function("hostFn", 1, (r, self, args) -> args.get(0)));
        rt.evaluate(Scripts.FUNCTIONS, Scripts.SOURCE_NAME);
        graph = rt.global().get("graph").asObject();
        checkGraph = rt.global().get("checkGraph").asFunction();
        javaGraph = BulkConversion.toJava(rt, graph, BulkConversion.Path.WALK);
    }

    /** Closes the runtime. */
    @TearDown
    public void tearDown() {
        if (rt != null) rt.close();
        rt = null;
    }

    @Benchmark
    public Object toJava_walk() {
        return BulkConversion.toJava(rt, graph, BulkConversion.Path.WALK);
    }

    @Benchmark
    public Object toJava_json() {
        return BulkConversion.toJava(rt, graph, BulkConversion.Path.JSON);
    }

    @Benchmark
    public double toJs_walk() {
        return toJs(BulkConversion.Path.WALK);
    }

    @Benchmark
    public double toJs_json() {
        return toJs(BulkConversion.Path.JSON);
    }

    private double toJs(BulkConversion.Path path) {
        try (JsScope scope = rt.openScope()) {
            return checkGraph.call(BulkConversion.toJs(rt, javaGraph, path)).asNumber();
        }
    }
}
