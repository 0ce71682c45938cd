package org.jsi4j.graal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;
import org.jsi4j.spi.EngineBackend;
import org.jsi4j.spi.JvmGarbage;
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RuntimeServices;

/**
 * One GraalJS context behind a {@link JsRuntime}. Handles are polyglot {@link Value}s of guest
 * objects; property access, calls and host faces go through small JavaScript helpers
 * ({@code helpers.js}) so that every operation has exact JavaScript semantics and no Java
 * interop is ever enabled. Only {@link #interrupt()} runs on other threads.
 */
final class GraalBackend implements EngineBackend {
    private static final String HELPERS = readHelpers();
    /** Context.interrupt blocks until the script stops, so it runs on these threads, never the caller's. */
    private static final java.util.concurrent.ExecutorService INTERRUPTERS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "jsi4j-graal-interrupt");
                t.setDaemon(true);
                return t;
            });
    private static final Source HELPERS_SOURCE = Source.newBuilder("js", HELPERS, "jsi4j:helpers.js").buildLiteral();

    static final String OVERFLOW_MESSAGE = "Maximum call stack size exceeded";

    private static final Source JOB_END = Source.newBuilder("js", "", "jsi4j:gc").buildLiteral();

    private final GraalRuntimeFactory factory;
    private final GraalStopper stopper;
    /** This runtime's statement limit, or null; charged while {@link #entries} > 0. */
    private final GraalStopper.Budget budget;
    private int entries;
    private final RuntimeServices services;
    private final Context context;
    private final GraalErrors errors;
    private final Value undefined;
    private final Value hostObject, hostObjectToken, hostFunction, thrower, get, set, construct, has, delete, keys, call,
            instanceOf, same, newObject, newArray, newArrayBuffer, newSymbol, newBigInt, kind, weak, deref,
            symbolDescription;
    private final Object interruptLock = new Object();
    private CompletableFuture<Void> pendingInterrupt;
    /**
     * The stop {@link #enterHost} threw into the guest: GraalJS reports it to the host as an
     * internal error without the exception, so the next conversion takes it from here.
     */
    private GraalStop unwinding;
    /**
     * A RangeError for a stack overflow, thrown and caught once when the runtime is made: raised
     * again from a host callback that has no stack left to make a new one.
     */
    private final PolyglotException stackOverflow;

    GraalBackend(GraalRuntimeFactory factory, GraalStopper stopper, RuntimeServices services) {
        this.factory = factory;
        this.stopper = stopper;
        this.services = services;
        long limit = services.options().statementLimit();
        this.budget = limit > 0 ? new GraalStopper.Budget(limit) : null;
        this.context = sandbox(stopper.engine());
        try {
            context.eval("js", "delete globalThis.Java;");
            Value h = context.eval(HELPERS_SOURCE).execute((ProxyExecutable) this::hostObjectTrap);
            undefined = h.getMember("undefined");
            hostObject = h.getMember("hostObject");
            hostObjectToken = h.getMember("hostObjectToken");
            hostFunction = h.getMember("hostFunction");
            thrower = h.getMember("thrower");
            get = h.getMember("get");
            set = h.getMember("set");
            construct = h.getMember("construct");
            has = h.getMember("has");
            delete = h.getMember("delete");
            keys = h.getMember("keys");
            call = h.getMember("call");
            instanceOf = h.getMember("instanceOf");
            same = h.getMember("same");
            newObject = h.getMember("newObject");
            newArray = h.getMember("newArray");
            newArrayBuffer = h.getMember("newArrayBuffer");
            newSymbol = h.getMember("newSymbol");
            newBigInt = h.getMember("newBigInt");
            kind = h.getMember("kind");
            weak = h.getMember("weak");
            deref = h.getMember("deref");
            symbolDescription = h.getMember("symbolDescription");
            errors = new GraalErrors(services, this, h.getMember("errorInfo"), h.getMember("rangeError"));
            Value overflow = h.getMember("rangeError").execute(OVERFLOW_MESSAGE);
            stackOverflow = thrown(overflow);
            errors.warmUp(overflow);
        } catch (RuntimeException e) {
            context.close(true);
            throw new JsEngineException("GraalJS could not set up a runtime: " + e.getMessage(), e);
        }
    }

    /** The exception that throwing {@code error} in the guest gives the host. */
    private PolyglotException thrown(Value error) {
        try {
            thrower.execute(error);
        } catch (PolyglotException e) {
            return e;
        }
        throw new IllegalStateException("the thrower helper returned");
    }

    /** A context that reaches nothing outside JavaScript: no Java, no polyglot, no IO, threads, processes or env. */
    private static Context sandbox(Engine engine) {
        return Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowExperimentalOptions(true)
                .option("js.java-package-globals", "false")
                .option("js.graal-builtin", "false")
                .option("js.polyglot-builtin", "false")
                .option("js.print", "false")
                .option("js.load", "false")
                .option("js.console", "false")
                .option("js.global-arguments", "false")
                .build();
    }

    private static String readHelpers() {
        try (InputStream in = GraalBackend.class.getResourceAsStream("helpers.js")) {
            if (in == null) throw new IllegalStateException("helpers.js is missing from the runtime-graal jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read helpers.js from the runtime-graal jar", e);
        }
    }

    // ---------------------------------------------------------------- scripts

    @Override
    public JsValue evaluate(String source, String sourceName) {
        Value script = parse(source, sourceName);
        return toJs(guard(() -> script.execute()));
    }

    @Override
    public Object compile(String source, String sourceName) {
        return parse(source, sourceName);
    }

    @Override
    public JsValue run(Object compiled) {
        Value script = (Value) compiled;
        return toJs(guard(() -> script.execute()));
    }

    /** Parses without running, so that a syntax error is told apart from a SyntaxError a script throws. */
    private Value parse(String source, String sourceName) {
        Source s = factory.source(source, sourceName);
        try {
            return context.parse(s);
        } catch (PolyglotException e) {
            throw e.isSyntaxError() ? GraalErrors.syntaxError(e, sourceName) : errors.convert(e);
        }
    }

    // ---------------------------------------------------------------- objects

    @Override
    public JsObject global() {
        return wrapObject(guard(() -> context.getBindings("js").getMember("globalThis")));
    }

    @Override
    public JsValue get(Object object, JsValue key) {
        return toJs(exec(get, value(object), toGuest(key)));
    }

    @Override
    public void set(Object object, JsValue key, JsValue value) {
        exec(set, value(object), toGuest(key), toGuest(value));
    }

    @Override
    public boolean has(Object object, JsValue key) {
        return exec(has, value(object), toGuest(key)).asBoolean();
    }

    @Override
    public boolean delete(Object object, JsValue key) {
        return exec(delete, value(object), toGuest(key)).asBoolean();
    }

    @Override
    public List<String> propertyNames(Object object) {
        Value names = exec(keys, value(object));
        int n = (int) names.getArraySize();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(names.getArrayElement(i).asString());
        return out;
    }

    @Override
    public JsValue call(Object function, JsValue thisValue, List<JsValue> args) {
        Value f = value(function);
        if (thisValue instanceof JsUndefined) {
            Object[] guestArgs = toGuest(args, 0);
            return toJs(guard(() -> f.execute(guestArgs)));
        }
        Object[] guestArgs = toGuest(args, 2);
        guestArgs[0] = f;
        guestArgs[1] = toGuest(thisValue);
        return toJs(exec(call, guestArgs));
    }

    @Override
    public JsObject construct(Object function, List<JsValue> args) {
        Object[] guestArgs = toGuest(args, 1);
        guestArgs[0] = value(function);
        return (JsObject) toJs(exec(construct, guestArgs));
    }

    @Override
    public boolean instanceOf(Object object, Object constructor) {
        return exec(instanceOf, value(object), value(constructor)).asBoolean();
    }

    @Override
    public boolean sameObject(Object a, Object b) {
        return exec(same, value(a), value(b)).asBoolean();
    }

    @Override
    public HostObject hostObjectOf(Object object) {
        Value token = exec(hostObjectToken, value(object));
        return token.isProxyObject() && token.asProxyObject() instanceof HostToken t ? t.host() : null;
    }

    @Override
    public JsObject newObject() {
        return wrapObject(exec(newObject));
    }

    @Override
    public JsArray newArray(List<JsValue> elements) {
        return (JsArray) services.wrap(new Handle(exec(newArray, toGuest(elements, 0))), ObjectKind.ARRAY);
    }

    @Override
    public JsArrayBuffer newArrayBuffer(byte[] bytes) {
        Value buffer = exec(newArrayBuffer, bytes.length);
        guard(() -> {
            for (int i = 0; i < bytes.length; i++) buffer.writeBufferByte(i, bytes[i]);
            return null;
        });
        return (JsArrayBuffer) services.wrap(new Handle(buffer), ObjectKind.ARRAY_BUFFER);
    }

    @Override
    public byte[] arrayBufferBytes(Object buffer) {
        Value b = value(buffer);
        return guard(() -> {
            byte[] out = new byte[(int) b.getBufferSize()];
            b.readBuffer(0, out, 0, out.length);
            return out;
        });
    }

    @Override
    public JsSymbol newSymbol(String description) {
        return (JsSymbol) toJs(exec(newSymbol, description));
    }

    // ---------------------------------------------------------------- host functions and objects

    @Override
    public JsFunction newFunction(String name, int length, HostFunction function) {
        JsRuntime runtime = services.runtime();
        ProxyExecutable body = args -> enterHost(() -> {
            JsValue self = toJs(args[0]);
            Value argv = args[1];
            int n = (int) argv.getArraySize();
            List<JsValue> jsArgs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) jsArgs.add(toJs(argv.getArrayElement(i)));
            JsValue result = function.call(runtime, self, jsArgs);
            return toGuest(result == null ? JsValue.undefined() : result);
        });
        return (JsFunction) services.wrap(new Handle(exec(hostFunction, body, name, length)), ObjectKind.FUNCTION);
    }

    @Override
    public JsObject newHostObject(HostObject host) {
        return wrapObject(exec(hostObject, new HostToken(host)));
    }

    /** The Java side of every host-object trap: {@code (op, token, key, value)}, see helpers.js. */
    private Object hostObjectTrap(Value... args) {
        int op = args[0].asInt();
        HostObject host = ((HostToken) args[1].asProxyObject()).host();
        JsRuntime runtime = services.runtime();
        return enterHost(() -> switch (op) {
            case 0 -> {
                JsValue v = host.get(runtime, args[2].asString());
                yield toGuest(v == null ? JsValue.undefined() : v);
            }
            case 1 -> {
                host.set(runtime, args[2].asString(), toJs(args[3]));
                yield undefined;
            }
            case 2 -> host.has(runtime, args[2].asString());
            case 3 -> host.delete(runtime, args[2].asString());
            case 4 -> exec(newArray, host.propertyNames(runtime).toArray());
            default -> throw new IllegalStateException("unknown host object trap " + op);
        });
    }

    /**
     * Runs a host callback through the core. A termination that unwinds through it goes on as a
     * {@link GraalStop}, which JavaScript cannot catch. A stack overflow that left the core no
     * stack to raise a RangeError of its own raises the one made in advance.
     */
    private Object enterHost(org.jsi4j.spi.HostCall body) {
        try {
            return services.hostCall(body);
        } catch (JsTerminatedException e) {
            unwinding = new GraalStop(e);
            throw unwinding;
        } catch (StackOverflowError e) {
            throw stackOverflow;
        } catch (JsError e) {
            // the core's raise() failed, which happens only when the stack ran out while it made the error
            if (e.name().filter("RangeError"::equals).isPresent()) throw stackOverflow;
            throw e;
        }
    }

    @Override
    public Object raise(JsValue error) {
        thrower.execute(toGuest(error));
        throw new IllegalStateException("the thrower helper returned");
    }

    // ---------------------------------------------------------------- microtasks and limits

    /**
     * GraalJS runs pending promise jobs itself whenever the outermost call from Java into the
     * context returns (evaluations, calls and property reads alike), so nothing is left here.
     */
    @Override
    public void drainMicrotasks() {
    }

    /** Asks the engine to stop the running script; never blocks the caller. */
    @Override
    public void interrupt() {
        synchronized (interruptLock) {
            if (pendingInterrupt != null) return;
            pendingInterrupt = CompletableFuture.runAsync(() -> {
                try {
                    // the listener stops the script at its next statement, even inside a catch block;
                    // the engine's interrupt also stops long builtins that run no statements
                    stopper.stop(context);
                    context.interrupt(java.time.Duration.ZERO);
                } catch (Exception e) {
                    // the script ended, or the context closed, before the interrupt landed
                }
            }, INTERRUPTERS);
        }
    }

    /** Waits until a requested interrupt has landed or found nothing running, then forgets it. */
    @Override
    public void resetInterrupt() {
        CompletableFuture<Void> pending;
        synchronized (interruptLock) {
            pending = pendingInterrupt;
            pendingInterrupt = null;
        }
        if (pending != null) {
            try {
                pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // already ignored in the task
            }
            stopper.release(context);
        }
    }

    /** The stop a host callback threw into the guest, if any; forgotten once taken. */
    GraalStop takeUnwinding() {
        GraalStop stop = unwinding;
        unwinding = null;
        return stop;
    }

    // ---------------------------------------------------------------- handles

    @Override
    public Object duplicate(Object handle) {
        return new Handle(value(handle));
    }

    @Override
    public void release(Object handle) {
        ((Handle) handle).value = null;
    }

    @Override
    public Object weaken(Object handle) {
        return exec(weak, value(handle));
    }

    @Override
    public Object deref(Object weakToken) {
        Value v = exec(deref, weakToken);
        return v.isNull() ? null : new Handle(v);
    }

    @Override
    public ObjectKind kindOf(Object handle) {
        return kindOfValue(value(handle));
    }

    private ObjectKind kindOfValue(Value v) {
        if (v.canExecute()) return ObjectKind.FUNCTION;
        if (!v.hasArrayElements() && !v.hasBufferElements()) return ObjectKind.OBJECT;
        return switch (exec(kind, v).asInt()) {
            case 1 -> ObjectKind.ARRAY;
            case 2 -> ObjectKind.FUNCTION;
            case 3 -> ObjectKind.ARRAY_BUFFER;
            default -> ObjectKind.OBJECT;
        };
    }

    @Override
    public void releaseWeak(Object weakToken) {
        // a JavaScript WeakRef: dropped with its Java reference
    }

    /**
     * Ends the current job first: GraalJS keeps every object a {@code WeakRef} handed out alive
     * until then (ECMAScript's KeepDuringJob), and {@link #deref} hands them out.
     */
    @Override
    public void collectGarbage() {
        guard(() -> context.eval(JOB_END));
        JvmGarbage.collect();
    }

    @Override
    public long engineReferences() {
        return -1;
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (PolyglotException e) {
            // a cancelled context reports its cancellation again on close; it is closed all the same
        }
    }

    // ---------------------------------------------------------------- conversions

    /** A guest value as a jsi4j value; objects become handles in the current scope. */
    JsValue toJs(Value v) {
        if (v == null) return JsValue.undefined();
        if (v.hasMembers()) return services.wrap(new Handle(v), kindOfValue(v));
        if (v.isString()) return JsValue.of(v.asString());
        if (v.isNumber()) {
            Value meta = v.getMetaObject();
            if (meta != null && "bigint".equals(meta.getMetaSimpleName())) return JsValue.of(v.asBigInteger());
            return JsValue.of(v.asDouble());
        }
        if (v.isBoolean()) return JsValue.of(v.asBoolean());
        if (v.isNull()) {
            Value meta = v.getMetaObject();
            return meta != null && "undefined".equals(meta.getMetaSimpleName()) ? JsValue.undefined() : JsValue.nullValue();
        }
        if (!v.canExecute()) {
            Value description = exec(symbolDescription, v);
            return new JsSymbol(description.isNull() ? null : description.asString(), v);
        }
        return services.wrap(new Handle(v), kindOfValue(v));
    }

    private JsObject wrapObject(Value v) {
        return services.wrap(new Handle(v), ObjectKind.OBJECT);
    }

    /**
     * A handle: the guest object, dropped on release so that a stale {@code JsObject} somewhere
     * in Java (a dead local, say) never keeps it from the garbage collector.
     */
    private static final class Handle {
        Value value;

        Handle(Value value) {
            this.value = value;
        }
    }

    private static Value value(Object handle) {
        return ((Handle) handle).value;
    }

    /** A jsi4j value as something the polyglot API passes to the guest. */
    Object toGuest(JsValue value) {
        return switch (value) {
            case JsUndefined u -> undefined;
            case JsNull n -> null;
            case JsBoolean b -> b.value();
            case JsNumber n -> n.value();
            case JsString s -> s.value();
            case JsBigInt b -> exec(newBigInt, b.value().toString());
            case JsSymbol s -> symbolToken(s);
            case JsObject o -> value(services.unwrap(o));
        };
    }

    private Object symbolToken(JsSymbol s) {
        if (!(s.token() instanceof Value v)) {
            throw new IllegalArgumentException("A symbol from another engine was passed to this GraalJS runtime;"
                    + " symbols cannot cross runtimes");
        }
        return v;
    }

    private Object[] toGuest(List<JsValue> values, int offset) {
        Object[] out = new Object[values.size() + offset];
        for (int i = 0; i < values.size(); i++) out[i + offset] = toGuest(values.get(i));
        return out;
    }

    /** Calls a helper, turning engine exceptions into jsi4j ones. */
    private Value exec(Value helper, Object... args) {
        return guard(() -> helper.execute(args));
    }

    /**
     * Runs guest code, turning engine exceptions into jsi4j ones. With a statement limit, this
     * runtime's budget is charged meanwhile and restarts at each outermost entry.
     */
    private <T> T guard(java.util.function.Supplier<T> body) {
        GraalStopper.Budget previous = null;
        if (budget != null) {
            if (entries++ == 0) budget.restart();
            previous = stopper.enter(budget);
        }
        try {
            return body.get();
        } catch (PolyglotException e) {
            throw errors.convert(e);
        } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException
                 | ClassCastException e) {
            throw new JsEngineException("GraalJS refused the operation: " + e.getMessage(), e);
        } finally {
            if (budget != null) {
                entries--;
                stopper.leave(previous);
            }
        }
    }
}
