package org.jsi4j.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.script.ScriptEngine;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;
import org.mozilla.javascript.engine.RhinoScriptEngineFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Rhino: jsi4j, Rhino's own API ({@link LambdaFunction}, a {@link ScriptableObject} host object,
 * compiled scripts; Context entered once, compiled mode, ES latest, safe standard objects as
 * jsi4j uses) and rhino-engine's JSR-223.
 */
public class RhinoBenchmarks extends Jsr223EngineBenchmark {
    private static final Object[] LOOP_ARGS = {(double) Scripts.LOOP};

    private ContextFactory contexts;
    private Context cx;
    private ScriptableObject scope;
    private Function hostLoop;
    private Function add3;
    private Function getLoop;
    private Function setLoop;
    private Function checkGraph;
    private Scriptable graph;
    private Script prepared;
    private RawHost host;
    private int calls;

    @Override
    protected String engineId() {
        return "rhino";
    }

    @Override
    protected void setUpRaw() {
        contexts = new ContextFactory();
        cx = enter(contexts);
        scope = cx.initSafeStandardObjects();
        host = new RawHost();
        ScriptableObject.putProperty(scope, "hostFn", new LambdaFunction(scope, "hostFn", 1,
                (c, s, thisObj, args) -> ScriptRuntime.toNumber(args[0]) + 1));
        ScriptableObject.putProperty(scope, "host", host);
        cx.evaluateString(scope, Scripts.FUNCTIONS, Scripts.SOURCE_NAME, 1, null);
        hostLoop = (Function) scope.get("hostLoop", scope);
        add3 = (Function) scope.get("add3", scope);
        getLoop = (Function) scope.get("getLoop", scope);
        setLoop = (Function) scope.get("setLoop", scope);
        checkGraph = (Function) scope.get("checkGraph", scope);
        graph = (Scriptable) scope.get("graph", scope);
        prepared = cx.compileString(Scripts.PREPARED, "prepared.js", 1, null);
    }

    private static Context enter(ContextFactory contexts) {
        Context c = contexts.enterContext();
        c.setLanguageVersion(Context.VERSION_ECMASCRIPT);
        c.setInterpretedMode(false);
        return c;
    }

    @Override
    protected void tearDownRaw() {
        if (cx != null) Context.exit();
        cx = null;
    }

    @Override
    protected ScriptEngine newScriptEngine() {
        return new RhinoScriptEngineFactory().getScriptEngine();
    }

    /** The raw host object (for tests). */
    final RawHost rawHost() {
        return host;
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double hostCall_raw() {
        return ScriptRuntime.toNumber(hostLoop.call(cx, scope, scope, LOOP_ARGS));
    }

    /**
     * Arguments that vary from call to call (their sum stays 6, as for the jsi4j flavor), so that
     * the JIT cannot fold the whole call into a constant once Rhino's compiled {@code add3} is
     * inlined.
     */
    @Benchmark
    public Object jsCall_raw() {
        double a = (calls++ & 1);
        return add3.call(cx, scope, scope, new Object[] {1.0 + a, 2.0, 3.0 - a});
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double propertyGet_raw() {
        return ScriptRuntime.toNumber(getLoop.call(cx, scope, scope, LOOP_ARGS));
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double propertySet_raw() {
        return ScriptRuntime.toNumber(setLoop.call(cx, scope, scope, LOOP_ARGS));
    }

    @Benchmark
    public Object createRuntime_raw() {
        // a new Context, as a new runtime has: Rhino would hand back the benchmark's entered one, so that one steps aside
        Context.exit();
        try {
            Context fresh = enter(new ContextFactory());
            try {
                ScriptableObject freshScope = fresh.initSafeStandardObjects();
                return fresh.evaluateString(freshScope, Scripts.TRIVIAL, Scripts.SOURCE_NAME, 1, null);
            } finally {
                Context.exit();
            }
        } finally {
            contexts.enterContext(cx);
        }
    }

    @Benchmark
    public Object evalPrepared_raw() {
        return prepared.exec(cx, scope, scope);
    }

    @Benchmark
    public double graphRoundTrip_raw() {
        Object copy = toJava(graph, "");
        return ScriptRuntime.toNumber(checkGraph.call(cx, scope, scope, new Object[] {toRhino(copy)}));
    }

    private static final Object SKIP = new Object();

    /**
     * The graph as {@code JSON.parse(JSON.stringify(graph))} would give it, written against Rhino's
     * API the plain way, so that it does the work the jsi4j flavour must do for the same result:
     * {@code toJSON} asked of every object, functions and {@code undefined} left out, non-finite
     * numbers null (the graph has no wrapper objects, which JSON would also unwrap). Without the
     * {@code toJSON} lookup and the checks this loop measured 0.33-0.39 ms per round trip in the
     * forks of 2026-12-04 (RESULTS.md).
     */
    private Object toJava(Object value, Object key) {
        if (value instanceof Scriptable o && ScriptableObject.getProperty(o, "toJSON") instanceof Callable toJson) {
            value = toJson.call(cx, scope, o, new Object[] {String.valueOf(key)});
        }
        if (value == null || value instanceof Boolean) return value;
        if (value instanceof CharSequence s) return s.toString();
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? (Object) d : null;
        }
        if (value instanceof Callable || !(value instanceof Scriptable)) return SKIP; // functions, undefined, symbols
        if (value instanceof NativeArray a) {
            int n = (int) a.getLength();
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object v = toJava(a.get(i, a), i);
                list.add(v == SKIP ? null : v);
            }
            return list;
        }
        Scriptable o = (Scriptable) value;
        Map<String, Object> map = new LinkedHashMap<>();
        for (Object id : o.getIds()) {
            Object v = id instanceof Integer index ? toJava(o.get(index, o), index) : toJava(o.get((String) id, o), id);
            if (v != SKIP) map.put(id.toString(), v);
        }
        return map;
    }

    private Object toRhino(Object value) {
        if (value instanceof List<?> list) {
            Object[] elements = new Object[list.size()];
            for (int i = 0; i < elements.length; i++) elements[i] = toRhino(list.get(i));
            return cx.newArray(scope, elements);
        }
        if (value instanceof Map<?, ?> map) {
            Scriptable o = cx.newObject(scope);
            for (Map.Entry<?, ?> e : map.entrySet()) o.put((String) e.getKey(), o, toRhino(e.getValue()));
            return o;
        }
        return value;
    }

    /**
     * Rhino's own host object: a {@link ScriptableObject} with a {@code value} property, doing what
     * the jsi4j flavor's {@code ValueHost} does (compare the name, convert, read or store). The
     * field is read and written with opaque accesses: plain loads and stores on the CPU, but ones
     * the JIT must perform on every crossing (once the whole setter is inlined into the script's
     * loop, plain stores to one field could be merged and a plain load hoisted out of the loop).
     * With them, raw {@code propertySet} still measures about 1 ns per write (in-process, one flavor
     * per JVM): Rhino's own write path, inlined into the compiled loop, really is that cheap; the
     * 1.3 ns of the earlier JMH run was not an artefact.
     */
    static final class RawHost extends ScriptableObject {
        private static final VarHandle VALUE;

        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(RawHost.class, "value", double.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        double value = Scripts.HOST_INITIAL_VALUE;

        @Override
        public String getClassName() {
            return "Host";
        }

        @Override
        public Object get(String name, Scriptable start) {
            return "value".equals(name) ? (Object) (double) VALUE.getOpaque(this) : super.get(name, start);
        }

        @Override
        public void put(String name, Scriptable start, Object v) {
            if ("value".equals(name)) {
                VALUE.setOpaque(this, ScriptRuntime.toNumber(v));
            } else {
                super.put(name, start, v);
            }
        }

        @Override
        public boolean has(String name, Scriptable start) {
            return "value".equals(name) || super.has(name, start);
        }
    }
}
