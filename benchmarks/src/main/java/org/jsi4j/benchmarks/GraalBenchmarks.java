package org.jsi4j.benchmarks;

import com.oracle.truffle.js.scriptengine.GraalJSScriptEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.script.ScriptEngine;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jsi4j.JsRuntimeFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * GraalJS: jsi4j (when runtime-graal is on the class path), the polyglot API
 * ({@link ProxyExecutable}, {@link ProxyObject}, cached {@link Source}s on a shared
 * {@link Engine}) and GraalJS's JSR-223 ({@link GraalJSScriptEngine}, host access allowed so that
 * scripts reach public Java members). Its forks need the Graal compiler on the upgrade module path
 * ({@link BenchRunner} adds it); a fork without the JIT refuses to measure.
 */
public class GraalBenchmarks extends Jsr223EngineBenchmark {
    private static final Source FUNCTIONS = Source.newBuilder("js", Scripts.FUNCTIONS, Scripts.SOURCE_NAME).buildLiteral();
    private static final Source PREPARED = Source.newBuilder("js", Scripts.PREPARED, "prepared.js").buildLiteral();
    private static final Source TRIVIAL = Source.newBuilder("js", Scripts.TRIVIAL, Scripts.SOURCE_NAME).buildLiteral();

    private Engine engine;
    private Context context;
    private Value hostLoop;
    private Value add3;
    private Value getLoop;
    private Value setLoop;
    private Value checkGraph;
    private Value graph;
    private Value newObject;
    private Value newArray;
    private RawHost host;

    @Override
    protected String engineId() {
        return "graal";
    }

    private Engine engine() {
        if (engine == null) {
            engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
            if ("Interpreted".equals(engine.getImplementationName())) {
                engine.close();
                engine = null;
                requireJit();
                engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
            }
        }
        return engine;
    }

    @Override
    protected void checkJsi(JsRuntimeFactory jsiFactory) {
        if (!jsiFactory.capabilities().jit()) requireJit();
    }

    /** Refuses to measure GraalJS without its JIT, unless told to with a system property. */
    static void requireJit() {
        if (Boolean.getBoolean("jsi.bench.allowInterpreter")) return;
        throw new IllegalStateException("GraalJS runs without its JIT in this JVM, so its figures would mean nothing."
                + " Run the fork with --upgrade-module-path=<Graal compiler jars> -XX:+UnlockExperimentalVMOptions"
                + " -XX:+EnableJVMCI on the JDK the compiler was built for (./jsi bench does),"
                + " or set -Djsi.bench.allowInterpreter=true to measure anyway");
    }

    @Override
    protected void setUpRaw() {
        context = Context.newBuilder("js").engine(engine()).build();
        host = new RawHost();
        Value bindings = context.getBindings("js");
        bindings.putMember("hostFn", (ProxyExecutable) args -> args[0].asDouble() + 1);
        bindings.putMember("host", host);
        context.eval(FUNCTIONS);
        hostLoop = bindings.getMember("hostLoop");
        add3 = bindings.getMember("add3");
        getLoop = bindings.getMember("getLoop");
        setLoop = bindings.getMember("setLoop");
        checkGraph = bindings.getMember("checkGraph");
        graph = bindings.getMember("graph");
        newObject = context.eval("js", "(function () { return {}; })");
        newArray = context.eval("js", "(function () { return []; })");
    }

    @Override
    protected void tearDownRaw() {
        if (context != null) context.close();
        context = null;
        closeEngine();
    }

    @Override
    protected ScriptEngine newScriptEngine() {
        return GraalJSScriptEngine.create(engine(), Context.newBuilder("js")
                .allowHostAccess(HostAccess.ALL)
                .allowHostClassLookup(className -> false));
    }

    @Override
    protected void closeScriptEngine(ScriptEngine scriptEngine) {
        ((GraalJSScriptEngine) scriptEngine).close();
    }

    private void closeEngine() {
        if (engine != null) engine.close();
        engine = null;
    }

    /** The raw host object (for tests). */
    final RawHost rawHost() {
        return host;
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double hostCall_raw() {
        return hostLoop.execute(Scripts.LOOP).asDouble();
    }

    /** Converts the result to a Java double, as the jsi4j flavor converts it to a JsValue. */
    @Benchmark
    public double jsCall_raw() {
        return add3.execute(1, 2, 3).asDouble();
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double propertyGet_raw() {
        return getLoop.execute(Scripts.LOOP).asDouble();
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double propertySet_raw() {
        return setLoop.execute(Scripts.LOOP).asDouble();
    }

    @Benchmark
    public double createRuntime_raw() {
        try (Context fresh = Context.newBuilder("js").engine(engine).build()) {
            return fresh.eval(TRIVIAL).asDouble();
        }
    }

    @Benchmark
    public double evalPrepared_raw() {
        return context.eval(PREPARED).asDouble();
    }

    @Benchmark
    public double graphRoundTrip_raw() {
        Object copy = toJava(graph);
        return checkGraph.execute(toJs(copy)).asDouble();
    }

    private static Object toJava(Value v) {
        if (v.isNull()) return null;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isNumber()) return v.asDouble();
        if (v.isString()) return v.asString();
        if (v.hasArrayElements()) {
            int n = (int) v.getArraySize();
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) list.add(toJava(v.getArrayElement(i)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : v.getMemberKeys()) map.put(key, toJava(v.getMember(key)));
        return map;
    }

    private Object toJs(Object value) {
        if (value instanceof List<?> list) {
            Value array = newArray.execute();
            for (int i = 0; i < list.size(); i++) array.setArrayElement(i, toJs(list.get(i)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            Value o = newObject.execute();
            for (Map.Entry<?, ?> e : map.entrySet()) o.putMember((String) e.getKey(), toJs(e.getValue()));
            return o;
        }
        return value;
    }

    /** The polyglot API's host object: a {@link ProxyObject} with a {@code value} member. */
    static final class RawHost implements ProxyObject {
        double value = Scripts.HOST_INITIAL_VALUE;

        @Override
        public Object getMember(String key) {
            return "value".equals(key) ? value : null;
        }

        @Override
        public Object getMemberKeys() {
            return new String[] {"value"};
        }

        @Override
        public boolean hasMember(String key) {
            return "value".equals(key);
        }

        @Override
        public void putMember(String key, Value v) {
            if (!"value".equals(key)) throw new UnsupportedOperationException("no member " + key);
            value = v.asDouble();
        }
    }
}
