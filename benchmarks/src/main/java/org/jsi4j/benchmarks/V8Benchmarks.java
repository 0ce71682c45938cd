package org.jsi4j.benchmarks;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IJavetDirectCallable;
import com.caoccao.javet.interop.callback.JavetCallbackContext;
import com.caoccao.javet.interop.callback.JavetCallbackType;
import com.caoccao.javet.interop.converters.JavetProxyConverter;
import com.caoccao.javet.interop.proxy.IJavetDirectProxyHandler;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueBoolean;
import com.caoccao.javet.values.primitive.V8ValueDouble;
import com.caoccao.javet.values.primitive.V8ValueInteger;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.reference.IV8ValueReference;
import com.caoccao.javet.values.reference.V8Script;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueGlobalObject;
import com.caoccao.javet.values.reference.V8ValueObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * V8: jsi4j and Javet's own API (a direct-call function bound with {@code bindFunction}, a
 * direct proxy host object ({@link IJavetDirectProxyHandler}), {@code V8Script}, Javet's object
 * converter for the graph). V8 has no JSR-223 implementation.
 */
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class V8Benchmarks extends EngineBenchmark {
    private V8Runtime rt;
    private V8ValueFunction hostLoop;
    private V8ValueFunction add3;
    private V8ValueFunction getLoop;
    private V8ValueFunction setLoop;
    private V8ValueFunction checkGraph;
    private V8ValueObject graph;
    private V8Script prepared;
    private RawHost host;

    @Override
    protected String engineId() {
        return "v8";
    }

    @Override
    protected void setUpRaw() throws JavetException {
        rt = V8Host.getV8Instance().createV8Runtime();
        host = new RawHost(rt);
        try (V8ValueGlobalObject global = rt.getGlobalObject()) {
            global.bindFunction(new JavetCallbackContext("hostFn", JavetCallbackType.DirectCallNoThisAndResult,
                    (IJavetDirectCallable.NoThisAndResult<JavetException>) args -> rt.createV8ValueDouble(number(args[0]) + 1)));
            try (V8Value proxy = new JavetProxyConverter().toV8Value(rt, host)) {
                global.set("host", proxy);
            }
            rt.getExecutor(Scripts.FUNCTIONS).setResourceName(Scripts.SOURCE_NAME).executeVoid();
            hostLoop = global.get("hostLoop");
            add3 = global.get("add3");
            getLoop = global.get("getLoop");
            setLoop = global.get("setLoop");
            checkGraph = global.get("checkGraph");
            graph = global.get("graph");
        }
        prepared = rt.getExecutor(Scripts.PREPARED).setResourceName("prepared.js").compileV8Script();
    }

    /**
     * Closes what the raw flavor holds, as a careful Javet user would: its handles, then the host
     * function and host object, whose callback contexts Javet frees once V8 collected them (else
     * Javet reports them as "not recycled" when the runtime closes).
     */
    @Override
    protected void tearDownRaw() throws JavetException {
        if (rt == null) return;
        try {
            for (IV8ValueReference handle : new IV8ValueReference[] {hostLoop, add3, getLoop, setLoop, checkGraph, graph, prepared}) {
                if (handle != null && !handle.isClosed()) handle.close();
            }
            try (V8ValueGlobalObject global = rt.getGlobalObject()) {
                global.delete("hostFn");
                global.delete("host");
            }
            rt.lowMemoryNotification();
        } finally {
            rt.close();
            rt = null;
        }
    }

    /** The raw host object (for tests). */
    final RawHost rawHost() {
        return host;
    }

    private static double number(V8Value v) {
        return v instanceof V8ValueInteger i ? i.getValue() : ((V8ValueDouble) v).getValue();
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double hostCall_raw() throws JavetException {
        return hostLoop.callDouble(null, rt.createV8ValueInteger(Scripts.LOOP));
    }

    @Benchmark
    public V8Value jsCall_raw() throws JavetException {
        return add3.call(null, rt.createV8ValueInteger(1), rt.createV8ValueInteger(2), rt.createV8ValueInteger(3));
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double propertyGet_raw() throws JavetException {
        return getLoop.callDouble(null, rt.createV8ValueInteger(Scripts.LOOP));
    }

    @Benchmark
    @OperationsPerInvocation(Scripts.LOOP)
    public double propertySet_raw() throws JavetException {
        return setLoop.callDouble(null, rt.createV8ValueInteger(Scripts.LOOP));
    }

    @Benchmark
    public Integer createRuntime_raw() throws JavetException {
        try (V8Runtime fresh = V8Host.getV8Instance().createV8Runtime()) {
            return fresh.getExecutor(Scripts.TRIVIAL).executeInteger();
        }
    }

    @Benchmark
    public V8Value evalPrepared_raw() throws JavetException {
        return prepared.execute();
    }

    @Benchmark
    public double graphRoundTrip_raw() throws JavetException {
        Object copy = rt.toObject(graph);
        try (V8Value back = rt.toV8Value(copy)) {
            return checkGraph.callDouble(null, back);
        }
    }

    /** Javet's own dynamic host object: a direct proxy handler with a {@code value} property. */
    static final class RawHost implements IJavetDirectProxyHandler<JavetException> {
        private V8Runtime runtime;
        double value = Scripts.HOST_INITIAL_VALUE;

        RawHost(V8Runtime runtime) {
            this.runtime = runtime;
        }

        @Override
        public V8Runtime getV8Runtime() {
            return runtime;
        }

        @Override
        public void setV8Runtime(V8Runtime v8Runtime) {
            this.runtime = v8Runtime;
        }

        @Override
        public V8Value proxyGet(V8Value target, V8Value property, V8Value receiver) throws JavetException {
            if (property instanceof V8ValueString s && "value".equals(s.getValue())) return runtime.createV8ValueDouble(value);
            return IJavetDirectProxyHandler.super.proxyGet(target, property, receiver);
        }

        @Override
        public V8ValueBoolean proxySet(V8Value target, V8Value property, V8Value v, V8Value receiver) throws JavetException {
            if (property instanceof V8ValueString s && "value".equals(s.getValue())) {
                value = number(v);
                return runtime.createV8ValueBoolean(true);
            }
            return IJavetDirectProxyHandler.super.proxySet(target, property, v, receiver);
        }

        @Override
        public V8ValueBoolean proxyHas(V8Value target, V8Value property) throws JavetException {
            if (property instanceof V8ValueString s && "value".equals(s.getValue())) return runtime.createV8ValueBoolean(true);
            return IJavetDirectProxyHandler.super.proxyHas(target, property);
        }
    }
}
