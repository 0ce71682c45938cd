package org.jsi4j.graal;

import static org.jsi4j.graal.GraalValues.value;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;
import org.jsi4j.spi.EngineBackend;
import org.jsi4j.spi.JvmGarbage;
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RuntimeServices;
import org.jsi4j.graal.GraalValues.Handle;

/**
 * One GraalJS context behind a {@link org.jsi4j.JsRuntime}: the {@link EngineBackend} the core
 * talks to, delegating by concern: {@link GraalValues} (conversions and handles),
 * {@link GraalHostFunction} and {@link GraalHostObject} (the crossing from JavaScript to Java),
 * {@link GraalErrors}, {@link GraalLimits} (entries, interrupts, statement budgets) and
 * {@link GraalHelpers} (the JavaScript helpers no script can see). No Java interop is enabled in
 * the context. Only {@link #interrupt()} runs on other threads.
 */
final class GraalBackend implements EngineBackend {
    private static final Source JOB_END = Source.newBuilder("js", "", "jsi4j:gc").internal(true).buildLiteral();

    private final GraalRuntimeFactory factory;
    private final RuntimeServices services;
    private final Context context;
    private final GraalHelpers helpers;
    private final GraalLimits limits;
    private final GraalValues values;
    private final GraalCallbacks callbacks;
    private final GraalRejections rejections;
    /** The inspected runtime's engine, or null for one of the factory's shared engines. */
    private final Engine ownEngine;
    /** The module texts GraalJS may read, for a runtime created with a module loader; else null. */
    private final GraalModuleFiles moduleFiles;
    private GraalNativeModules nativeModules;

    GraalBackend(GraalRuntimeFactory factory, GraalStopper stopper, RuntimeServices services) {
        this(factory, stopper, services, null);
    }

    /** A runtime on {@code ownEngine} (not null: an engine of its own, closed with it). */
    GraalBackend(GraalRuntimeFactory factory, GraalStopper stopper, RuntimeServices services, Engine ownEngine) {
        this.factory = factory;
        this.ownEngine = ownEngine;
        this.services = services;
        this.moduleFiles = services.options().modules() == org.jsi4j.modules.ModuleLoader.none() ? null : new GraalModuleFiles();
        this.context = factory.newContext(stopper.engine(), services.options(), moduleFiles);
        try {
            helpers = new GraalHelpers(context);
            rejections = new GraalRejections(context);
            limits = new GraalLimits(context, stopper, services.options().statementLimit(),
                    services.options().maxStackDepth());
            values = new GraalValues(services, helpers, limits);
            limits.errors(new GraalErrors(services, helpers, limits, values));
            callbacks = new GraalCallbacks(services, limits, helpers);
            factory.warmUp(helpers);
            // not in an inspected runtime (an engine of its own): its debugger would pause in the warm-up module
            if (moduleFiles != null && ownEngine == null) factory.warmUpModules((GraalNativeModules) nativeModules());
        } catch (RuntimeException e) {
            context.close(true);
            if (ownEngine != null) ownEngine.close(true);
            throw new JsEngineException("GraalJS could not set up a runtime: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- scripts

    /** A parsed script: its cached source, shared by every runtime of the factory, and its code in this context. */
    private record Compiled(Source source, Value script, Context context) {
    }

    @Override
    public JsValue evaluate(String source, String sourceName) {
        Value script = parse(factory.source(source, sourceName), sourceName);
        return values.fromRaw(limits.guard(script::execute));
    }

    @Override
    public Object compile(String source, String sourceName) {
        Source s = factory.source(source, sourceName);
        return new Compiled(s, parse(s, sourceName), context);
    }

    @Override
    public JsValue run(Object compiled) {
        Compiled c = (Compiled) compiled;
        // the engine's code cache makes parsing a cached Source in another context of the factory free
        Value script = c.context() == context ? c.script() : parse(c.source(), c.source().getName());
        return values.fromRaw(limits.guard(script::execute));
    }

    /** Parses without running, so that a syntax error is told apart from a SyntaxError a script throws. */
    private Value parse(Source source, String sourceName) {
        try {
            return context.parse(source);
        } catch (PolyglotException e) {
            if (e.isSyntaxError()) throw GraalErrors.syntaxError(e, sourceName);
            return limits.guard(() -> {
                throw e;
            });
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new JsEngineException("GraalJS refused to parse " + sourceName + ": " + e.getMessage(), e);
        }
    }

    /** GraalJS's own ES modules, for a runtime created with a module loader (the others have no files to import from). */
    @Override
    public org.jsi4j.spi.NativeModules nativeModules() {
        if (moduleFiles == null) return null;
        if (nativeModules == null) nativeModules = new GraalNativeModules(context, moduleFiles, helpers, limits, values);
        return nativeModules;
    }

    // ---------------------------------------------------------------- objects

    @Override
    public JsObject global() {
        return values.wrap(helpers.global, ObjectKind.OBJECT);
    }

    @Override
    public JsValue get(Object object, JsValue key) {
        return values.fromTagged(limits.exec(helpers.get, value(object), values.toGuest(key)));
    }

    @Override
    public void set(Object object, JsValue key, JsValue value) {
        limits.exec(helpers.set, value(object), values.toGuest(key), values.toGuest(value));
    }

    @Override
    public boolean has(Object object, JsValue key) {
        return limits.exec(helpers.has, value(object), values.toGuest(key)).asBoolean();
    }

    @Override
    public boolean delete(Object object, JsValue key) {
        return limits.exec(helpers.delete, value(object), values.toGuest(key)).asBoolean();
    }

    @Override
    public List<String> propertyNames(Object object) {
        Value names = limits.exec(helpers.keys, value(object));
        return limits.guard(() -> {
            int n = (int) names.getArraySize();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(names.getArrayElement(i).asString());
            return out;
        });
    }

    @Override
    public JsValue call(Object function, JsValue thisValue, List<JsValue> args) {
        if (thisValue instanceof JsUndefined) {
            Handle h = (Handle) function;
            Value caller = h.caller;
            if (caller == null) caller = h.caller = limits.exec(helpers.caller, h.value);
            return values.fromTagged(limits.exec(caller, values.toGuest(args, 0)));
        }
        Object[] guestArgs = values.toGuest(args, 2);
        guestArgs[0] = value(function);
        guestArgs[1] = thisValue instanceof JsUndefined ? helpers.undefined : values.toGuest(thisValue);
        return values.fromTagged(limits.exec(helpers.call, guestArgs));
    }

    @Override
    public JsObject construct(Object function, List<JsValue> args) {
        Object[] guestArgs = values.toGuest(args, 1);
        guestArgs[0] = value(function);
        return (JsObject) values.fromTagged(limits.exec(helpers.construct, guestArgs));
    }

    @Override
    public boolean instanceOf(Object object, Object constructor) {
        return limits.exec(helpers.instanceOf, value(object), value(constructor)).asBoolean();
    }

    @Override
    public boolean sameObject(Object a, Object b) {
        return limits.exec(helpers.same, value(a), value(b)).asBoolean();
    }

    @Override
    public HostObject hostObjectOf(Object object) {
        Value target = limits.exec(helpers.hostTarget, value(object));
        return target.isProxyObject() && target.asProxyObject() instanceof GraalHostObject h ? h.host() : null;
    }

    @Override
    public JsObject newObject() {
        return values.wrap(limits.exec(helpers.newObject), ObjectKind.OBJECT);
    }

    @Override
    public JsArray newArray(List<JsValue> elements) {
        return (JsArray) values.wrap(limits.exec(helpers.newArray, values.toGuest(elements, 0)), ObjectKind.ARRAY);
    }

    @Override
    public JsArrayBuffer newArrayBuffer(byte[] bytes) {
        Value buffer = limits.exec(helpers.newArrayBuffer, bytes.length);
        limits.guard(() -> {
            for (int i = 0; i < bytes.length; i++) buffer.writeBufferByte(i, bytes[i]);
            return null;
        });
        return (JsArrayBuffer) values.wrap(buffer, ObjectKind.ARRAY_BUFFER);
    }

    @Override
    public byte[] arrayBufferBytes(Object buffer) {
        Value b = value(buffer);
        return limits.guard(() -> {
            byte[] out = new byte[(int) b.getBufferSize()];
            b.readBuffer(0, out, 0, out.length);
            return out;
        });
    }

    /** GraalJS gives no Java view of an ArrayBuffer's memory through the polyglot API: none. */
    @Override
    public java.nio.ByteBuffer arrayBufferView(Object buffer) {
        return null;
    }

    @Override
    public HostFunction hostFunctionOf(Object function) {
        Value body = limits.exec(helpers.hostFunctionOf, value(function));
        return body.isProxyObject() && body.asProxyObject() instanceof GraalHostFunction f ? f.function() : null;
    }

    @Override
    public JsSymbol newSymbol(String description) {
        return (JsSymbol) values.fromTagged(limits.exec(helpers.newSymbol, description));
    }

    // ---------------------------------------------------------------- host functions and objects

    @Override
    public JsFunction newFunction(String name, int length, HostFunction function) {
        limits.guard(() -> {
            callbacks.prepare();
            return null;
        });
        GraalHostFunction body = new GraalHostFunction(services.runtime(), function, name, values, callbacks);
        return (JsFunction) values.wrap(limits.exec(helpers.hostFunction, body, body.withThis(), name, length),
                ObjectKind.FUNCTION);
    }

    @Override
    public JsObject newHostObject(HostObject host) {
        limits.guard(() -> {
            callbacks.prepare();
            return null;
        });
        GraalHostObject target = new GraalHostObject(services.runtime(), host, values, callbacks);
        return values.wrap(limits.exec(helpers.hostObject, target, target.hasFunction(), target.symbolFunction()),
                ObjectKind.OBJECT);
    }

    @Override
    public Object raise(JsValue error) {
        return callbacks.raise(values.toGuest(error));
    }

    // ---------------------------------------------------------------- microtasks and limits

    /**
     * GraalJS runs pending promise jobs itself whenever the outermost call from Java into the
     * context returns (evaluations, calls and property reads alike), so nothing is left here.
     */
    @Override
    public void drainMicrotasks() {
    }

    @Override
    public void trackRejections() {
        rejections.track();
    }

    @Override
    public List<org.jsi4j.spi.RejectedPromise> takeRejections() {
        return rejections.take(values);
    }

    @Override
    public void interrupt() {
        limits.interrupt();
    }

    @Override
    public void resetInterrupt() {
        limits.resetInterrupt();
    }

    // ---------------------------------------------------------------- handles

    @Override
    public Object duplicate(Object handle) {
        return new Handle(value(handle));
    }

    @Override
    public void release(Object handle) {
        Handle h = (Handle) handle;
        h.value = null;
        h.caller = null;
    }

    @Override
    public Object weaken(Object handle) {
        return limits.exec(helpers.weak, value(handle));
    }

    @Override
    public Object deref(Object weakToken) {
        Value v = limits.exec(helpers.deref, weakToken);
        return v.isNull() ? null : new Handle(v);
    }

    @Override
    public ObjectKind kindOf(Object handle) {
        return values.kindOf(value(handle));
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
        limits.guard(() -> context.eval(JOB_END));
        JvmGarbage.collect();
    }

    @Override
    public long engineReferences() {
        return -1;
    }

    @Override
    public boolean heapOnJvm() {
        return true;
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (PolyglotException | IllegalStateException e) {
            // a cancelled context reports its cancellation again on close; it is closed all the same
        }
        if (ownEngine != null) {
            try {
                ownEngine.close(true);
            } catch (PolyglotException | IllegalStateException e) {
                // closed all the same
            }
        }
    }
}
