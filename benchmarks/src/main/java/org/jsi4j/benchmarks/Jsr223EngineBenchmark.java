package org.jsi4j.benchmarks;

import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * The benchmarks of an engine that also has a JSR-223 ({@code javax.script}) implementation: the
 * peer a Java user would otherwise pick. JSR-223 reaches Java through the engine's own Java
 * interop, so the host function is a method ({@code counter.inc(i)}) and the host object a public
 * field ({@code bean.value}). It has no way to build a JavaScript object graph from Java, so
 * {@code graphRoundTrip} has no JSR-223 flavor.
 */
public abstract class Jsr223EngineBenchmark extends EngineBenchmark {
    private static final Integer LOOP_ARG = Scripts.LOOP;

    private ScriptEngine engine;
    private Invocable invocable;
    private CompiledScript prepared;

    /** A new script engine of this engine, with whatever it needs to reach public Java members. */
    protected abstract ScriptEngine newScriptEngine() throws Exception;

    /** Frees a script engine made by {@link #newScriptEngine()} (default: nothing to free). */
    protected void closeScriptEngine(ScriptEngine scriptEngine) throws Exception {
        if (scriptEngine instanceof AutoCloseable c) c.close();
    }

    @Override
    protected final void setUpJsr223() throws Exception {
        engine = newScriptEngine();
        engine.put("counter", new Counter());
        engine.put("bean", new Bean());
        engine.eval(Scripts.JSR223_FUNCTIONS);
        invocable = (Invocable) engine;
        prepared = ((Compilable) engine).compile(Scripts.PREPARED);
    }

    @Override
    protected final void tearDownJsr223() throws Exception {
        if (engine != null) closeScriptEngine(engine);
        engine = null;
    }

    /** The bean the JSR-223 scripts read and write (for tests). */
    final Bean jsr223Bean() {
        return (Bean) engine.get("bean");
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public Object hostCall_jsr223() throws Exception {
        return invocable.invokeFunction("hostLoop", LOOP_ARG);
    }

    @Benchmark
    public Object jsCall_jsr223() throws Exception {
        return invocable.invokeFunction("add3", 1, 2, 3);
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public Object propertyGet_jsr223() throws Exception {
        return invocable.invokeFunction("getLoop", LOOP_ARG);
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public Object propertySet_jsr223() throws Exception {
        return invocable.invokeFunction("setLoop", LOOP_ARG);
    }

    @Benchmark
    public Object createRuntime_jsr223() throws Exception {
        ScriptEngine fresh = newScriptEngine();
        try {
            return fresh.eval(Scripts.TRIVIAL);
        } finally {
            closeScriptEngine(fresh);
        }
    }

    @Benchmark
    public Object evalPrepared_jsr223() throws Exception {
        return prepared.eval();
    }

    /** The JSR-223 host function: a public method. */
    public static final class Counter {
        /** {@code x + 1}. */
        public double inc(double x) {
            return x + 1;
        }
    }

    /** The JSR-223 host object: a public field. */
    public static final class Bean {
        /** The property scripts read and write. */
        public double value = Scripts.HOST_INITIAL_VALUE;
    }
}
