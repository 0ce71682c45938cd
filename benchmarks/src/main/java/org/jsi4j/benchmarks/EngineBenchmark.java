package org.jsi4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsi4j.HostObject;
import org.jsi4j.JsEngines;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsScope;
import org.jsi4j.JsValue;
import org.jsi4j.host.BulkConversion;
import org.jsi4j.PreparedScript;
import org.jsi4j.pool.JsRuntimePool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The benchmarks of one engine. This class holds the jsi4j side ({@code *_jsi}), identical for
 * every engine; a subclass per engine adds the same benchmarks through the engine's raw API
 * ({@code *_raw}) and JSR-223 ({@code *_jsr223}), so one run measures them side by side. Only
 * the flavor a fork measures is set up.
 *
 * <p>The benchmarks, each in ns per crossing:
 * <ul>
 *   <li>{@code hostCall}: JavaScript calls a Java function ({@link Scripts#LOOP} calls per invocation);
 *   <li>{@code jsCall}: Java calls a JavaScript function with three arguments;
 *   <li>{@code propertyGet}, {@code propertySet}: JavaScript reads or writes a host object's property;
 *   <li>{@code createRuntime}: create a runtime, evaluate {@code 1}, close it;
 *   <li>{@code pooledRuntime}: borrow a runtime from a {@link JsRuntimePool}, evaluate {@code 1}, give it
 *       back (jsi4j only: compare it with createRuntime);
 *   <li>{@code evalPrepared}: run a prepared script;
 *   <li>{@code graphRoundTrip}: copy a 100 KB object graph from JavaScript to Java, back into a
 *       new JavaScript graph, and hand that to a JavaScript function; jsi4j by its bulk path
 *       ({@link BulkConversion}, the path {@code BulkPolicy} picks per engine), raw by the engine's
 *       own per-property conversion.
 *   <li>{@code graphWalk}: the same copy property by property through jsi-api ({@link JsiGraph});
 *       jsi4j only (compare with graphRoundTrip's raw figure).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class EngineBenchmark {
    static final JsNumber LOOP = JsValue.of(Scripts.LOOP);
    static final JsNumber ONE = JsValue.of(1);
    static final JsNumber TWO = JsValue.of(2);
    static final JsNumber THREE = JsValue.of(3);

    private JsRuntimeFactory factory;
    private JsRuntime rt;
    private JsFunction hostLoop;
    private JsFunction add3;
    private JsFunction getLoop;
    private JsFunction setLoop;
    private JsFunction checkGraph;
    private JsObject graph;
    private PreparedScript prepared;
    private ValueHost host;
    private JsRuntimePool pool;
    private Flavor flavor;

    /** The jsi4j engine id of this engine ({@code rhino}, {@code v8}, {@code graal}). */
    protected abstract String engineId();

    /** Sets up the raw side; runs on the benchmark thread. */
    protected abstract void setUpRaw() throws Exception;

    /** Frees the raw side. */
    protected abstract void tearDownRaw() throws Exception;

    /** Checks that the jsi4j factory runs the engine as it should be measured (default: nothing to check). */
    protected void checkJsi(JsRuntimeFactory jsiFactory) {
    }

    /** Sets up the JSR-223 side; engines without one keep this default, which refuses. */
    protected void setUpJsr223() throws Exception {
        throw new UnsupportedOperationException("The " + engineId() + " engine has no JSR-223 implementation");
    }

    /** Frees the JSR-223 side. */
    protected void tearDownJsr223() throws Exception {
    }

    /** JMH's entry: sets up the flavor the running benchmark method measures. */
    @Setup(Level.Trial)
    public final void setUp(BenchmarkParams params) throws Exception {
        setUp(Flavor.of(params.getBenchmark()));
    }

    /** Sets up one flavor (tests call this directly). */
    public final void setUp(Flavor which) throws Exception {
        flavor = which;
        switch (which) {
            case JSI -> setUpJsi();
            case RAW -> setUpRaw();
            case JSR223 -> setUpJsr223();
        }
    }

    /** Frees what {@link #setUp(Flavor)} made. */
    @TearDown(Level.Trial)
    public final void tearDown() throws Exception {
        if (flavor == null) return;
        switch (flavor) {
            case JSI -> {
                if (rt != null) rt.close();
                rt = null;
                if (pool != null) pool.close();
                pool = null;
            }
            case RAW -> tearDownRaw();
            case JSR223 -> tearDownJsr223();
        }
        flavor = null;
    }

    private void setUpJsi() {
        factory = JsEngines.factory(engineId());
        checkJsi(factory);
        rt = factory.create();
        host = new ValueHost();
        JsObject global = rt.global();
        global.set("hostFn", rt.function("hostFn", 1, (r, self, args) -> JsValue.of(args.get(0).asNumber() + 1)));
        global.set("host", rt.hostObject(host));
        rt.evaluate(Scripts.FUNCTIONS, Scripts.SOURCE_NAME);
        hostLoop = global.get("hostLoop").asFunction();
        add3 = global.get("add3").asFunction();
        getLoop = global.get("getLoop").asFunction();
        setLoop = global.get("setLoop").asFunction();
        checkGraph = global.get("checkGraph").asFunction();
        graph = global.get("graph").asObject();
        prepared = rt.prepare(Scripts.PREPARED, "prepared.js");
        pool = JsRuntimePool.builder(factory).size(1).name("bench-pool").build();
    }

    /** The host object of the jsi4j side (for tests). */
    final ValueHost jsiHost() {
        return host;
    }

    // ---------------------------------------------------------------- jsi4j

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double hostCall_jsi() {
        return hostLoop.call(LOOP).asNumber();
    }

    @Benchmark
    public JsValue jsCall_jsi() {
        return add3.call(ONE, TWO, THREE);
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double propertyGet_jsi() {
        return getLoop.call(LOOP).asNumber();
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double propertySet_jsi() {
        return setLoop.call(LOOP).asNumber();
    }

    @Benchmark
    public JsValue createRuntime_jsi() {
        try (JsRuntime fresh = factory.create()) {
            return fresh.evaluate(Scripts.TRIVIAL, Scripts.SOURCE_NAME);
        }
    }

    /**
     * What a server does with a pool instead of {@link #createRuntime_jsi}: borrow a ready runtime,
     * evaluate, give it back (a hand-off to the pool's JS thread and back). Compare with createRuntime_jsi.
     */
    @Benchmark
    public JsValue pooledRuntime_jsi() {
        return pool.execute(r -> r.evaluate(Scripts.TRIVIAL, Scripts.SOURCE_NAME));
    }

    @Benchmark
    public JsValue evalPrepared_jsi() {
        return prepared.run();
    }

    @Benchmark
    public double graphRoundTrip_jsi() {
        try (JsScope scope = rt.openScope()) {
            Object copy = BulkConversion.toJava(rt, graph);
            return checkGraph.call(BulkConversion.toJs(rt, copy)).asNumber();
        }
    }

    @Benchmark
    public double graphWalk_jsi() {
        try (JsScope scope = rt.openScope()) {
            Object copy = JsiGraph.toJava(graph);
            return checkGraph.call(JsiGraph.toJs(rt, copy)).asNumber();
        }
    }

    /** A host object with one numeric property, {@code value}. */
    static final class ValueHost implements HostObject {
        double value = Scripts.HOST_INITIAL_VALUE;

        @Override
        public JsValue get(JsRuntime runtime, String name) {
            return "value".equals(name) ? JsValue.of(value) : JsValue.undefined();
        }

        @Override
        public void set(JsRuntime runtime, String name, JsValue v) {
            if (!"value".equals(name)) throw new IllegalArgumentException("no property " + name);
            value = v.asNumber();
        }

        @Override
        public boolean has(JsRuntime runtime, String name) {
            return "value".equals(name);
        }

        @Override
        public List<String> propertyNames(JsRuntime runtime) {
            return List.of("value");
        }
    }
}
