package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.V8Script;
import com.caoccao.javet.values.reference.V8ValueArrayBuffer;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueReference;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsException;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsReleasedException;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.spi.EngineBackend;
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RuntimeServices;
import org.jsi4j.spi.StoppableBuiltins;

/**
 * One V8 isolate behind a {@link org.jsi4j.JsRuntime}: the {@link EngineBackend} face, thin on
 * purpose. Handles are Javet {@link V8ValueReference}s, each closed by its scope, reference or the
 * runtime; conversions are {@link V8Values}, calls into Java {@link V8Bridge} with
 * {@link V8HostFunction} and {@link V8HostObject}, errors {@link V8Errors}, the heap {@link V8Limits},
 * native snapshots {@link V8SnapshotTaker}. See CROSSING.md in this module for each crossing.
 */
final class V8Backend implements EngineBackend {
    private final V8Runtime rt;
    private final RuntimeServices services;
    private final V8Values values;
    private final V8Callback callback;
    private final V8CallbackContexts contexts;
    private final V8Bridge bridge;
    private final V8Errors errors;
    private final V8Symbols symbols;
    private final V8Limits limits;
    private final V8Entry entry;
    private final Map<V8Script, V8SnapshotTaker.Source> sources = new IdentityHashMap<>();
    /**
     * Prepared scripts that may declare top-level {@code let}, {@code const} or {@code class} (decided
     * once, when compiled): V8 aborts the process ("Check failed: IsNativeContext") when such a compiled
     * script runs again (reproduced with Javet alone), so their later runs compile the text anew and
     * V8 answers with the SyntaxError the language asks for (the binding is already declared).
     */
    private final java.util.Set<V8Script> lexical = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Those of {@link #lexical} that have run once. */
    private final java.util.Set<V8Script> lexicalRan = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private static final java.util.regex.Pattern LEXICAL = java.util.regex.Pattern.compile("\\b(?:let|const|class|using)\\b");
    private final boolean restoredFromImage;
    private final V8Rejections rejections = new V8Rejections();
    private final V8Scripts scripts;
    private final V8Scripts.Signature codeCache;
    /** The statement and depth counting, or null for a runtime without those limits. */
    private final V8Counting counting;
    private V8Script drain;
    private V8NativeModules nativeModules;
    private boolean imageTaken;
    private V8Leftovers leftAtClose;
    /** The Chrome DevTools inspector of this runtime, or null (v8.inspect). */
    private V8Debugger debugger;

    /**
     * A backend for {@code rt}; {@code image} is the native image {@code rt} was made from, or null;
     * {@code scripts} the factory's code cache, or null for an isolate that may take a snapshot (V8
     * aborts the process when such an isolate serializes code).
     */
    V8Backend(V8Runtime rt, RuntimeServices services, long heapLimit, V8Image image, V8Scripts scripts,
              V8Counting counting) {
        this.rt = rt;
        this.counting = counting;
        this.scripts = scripts;
        this.codeCache = scripts == null ? null : scripts.signature();
        this.services = services;
        this.limits = new V8Limits(rt, heapLimit);
        this.symbols = new V8Symbols(rt, services);
        this.values = new V8Values(rt, services, symbols);
        this.entry = new V8Entry(rt, limits);
        this.callback = new V8Callback(rt, services, entry);
        this.contexts = new V8CallbackContexts(rt);
        this.bridge = new V8Bridge(rt, new V8HostFunction(rt, services.runtime(), values, callback, contexts),
                new V8HostObject(rt, services.runtime(), values, callback, contexts));
        values.bridge(bridge);
        this.errors = new V8Errors(rt, services, this);
        entry.wire(errors, callback, bridge);
        entry.counting(counting);
        rt.setLogger(QuietJavetLogger.INSTANCE);
        // Javet's default logs every unhandled rejection to stderr; this one records them once asked to
        rt.setPromiseRejectCallback(rejections);
        try {
            if (image != null) {
                bridge.start(V8SnapshotTaker.unparkHelpers(rt));
                bridge.rebind(image, services.options().externals());
            } else {
                bridge.boot((V8ValueFunction) runOwn(V8Bridge.BOOTSTRAP, V8Bridge.BOOTSTRAP_NAME));
                installStoppableBuiltins(services.options());
            }
            if (counting != null) counting.install(rt, bridge, entry, contexts);
            drain = compiled("", "jsi4j:microtasks");
        } catch (JavetException e) {
            // no script of the user's ran: the bootstrap failed, and the bridge that translates script errors is not there
            abandon();
            throw new JsEngineException("V8 could not start a runtime: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            abandon();
            throw e;
        }
        this.restoredFromImage = image != null;
    }

    /**
     * Runs {@link StoppableBuiltins} in a new runtime (an image has them already). The callback
     * methods only under a time or statement limit: wrapped, V8's optimising compiler no longer
     * inlines them (4-5 times slower {@code map}, {@code forEach}, {@code reduce} in hot code).
     */
    private void installStoppableBuiltins(RuntimeOptions options) throws JavetException {
        boolean callbacks = options.timeLimit() != null || options.statementLimit() > 0;
        try (V8ValueFunction install = (V8ValueFunction) runOwn(StoppableBuiltins.SOURCE, StoppableBuiltins.SOURCE_NAME)) {
            install.callVoid(null, rt.createV8ValueBoolean(callbacks), rt.createV8ValueBoolean(true));
        }
    }

    /**
     * Runs one of jsi4j's own scripts in a new runtime: through the factory's code cache when it has
     * one, else compiled here (an isolate that may take a snapshot must not serialize code).
     */
    private V8Value runOwn(String source, String sourceName) throws JavetException {
        if (scripts == null) return rt.getExecutor(source).setResourceName(sourceName).execute();
        try (V8Scripts.Run run = scripts.prepareRun(rt, codeCache, source, sourceName)) {
            return run.execute();
        }
    }

    private V8Script compiled(String source, String sourceName) throws JavetException {
        V8Script script = scripts != null && scripts.caches(source) ? scripts.compile(rt, codeCache, source, sourceName)
                : rt.getExecutor(source).setResourceName(sourceName).compileV8Script();
        sources.put(script, new V8SnapshotTaker.Source(source, sourceName));
        if (LEXICAL.matcher(source).find()) lexical.add(script);
        return script;
    }

    V8Bridge bridge() {
        return bridge;
    }

    /** Serves this runtime to Chrome DevTools (see {@link V8Debugger}); closed with the runtime. */
    void inspect(V8Debugger.Settings settings, String version) {
        debugger = V8Debugger.start(rt, settings, version, task -> services.runtime().executor().execute(task), System.err);
    }

    /** Before the script or module {@code sourceName} runs: the debugger's pause on start ({@link V8Debugger#beforeScript}). */
    void beforeScript(String sourceName) {
        if (debugger != null) debugger.beforeScript(sourceName);
    }

    // ---------------------------------------------------------------- scripts

    @Override
    public JsValue evaluate(String text, String sourceName) {
        return evaluateCode(counting == null ? text : counting.compiled(text, sourceName, false), sourceName);
    }

    /** Compiles (through the code cache where it applies) and runs {@code source}, already rewritten where the limits ask. */
    private JsValue evaluateCode(String source, String sourceName) {
        beforeScript(sourceName);
        if (scripts != null && scripts.caches(source)) {
            // compiled in one entry, run in another: the throw capture of the run sees only the script's values
            V8Scripts.Run run = js(() -> scripts.prepareRun(rt, codeCache, source, sourceName));
            try {
                return js(() -> toJs(run.execute()));
            } finally {
                v8(() -> {
                    run.close();
                    return null;
                });
            }
        }
        return js(() -> toJs(rt.getExecutor(source).setResourceName(sourceName).execute()));
    }

    @Override
    public Object compile(String source, String sourceName) {
        String code = counting == null ? source : counting.compiled(source, sourceName, false);
        return js(() -> compiled(code, sourceName));
    }

    @Override
    public JsValue run(Object compiled) {
        V8Script script = (V8Script) compiled;
        if (script.isClosed()) throw new JsReleasedException("This prepared script's V8 runtime is closed");
        if (!lexical.isEmpty() && lexical.contains(script) && !lexicalRan.add(script)) {
            V8SnapshotTaker.Source source = sources.get(script);
            return evaluateCode(source.source(), source.name());
        }
        if (debugger != null) beforeScript(sources.get(script).name());
        return js(() -> toJs(script.execute()));
    }

    /**
     * {@code globalThis}: the global proxy that scripts see as {@code this}, not the inner global
     * object Javet's {@code getGlobalObject()} hands out (the two are never {@code ===}).
     */
    @Override
    public JsObject global() {
        return js(() -> (JsObject) toJs(bridge.helpers().invoke("global")));
    }

    // ---------------------------------------------------------------- properties

    @Override
    public JsValue get(Object object, JsValue key) {
        return js(() -> toJs(values.get(object, key)));
    }

    @Override
    public void set(Object object, JsValue key, JsValue value) {
        js(() -> {
            values.set(object, key, value);
            return null;
        });
    }

    @Override
    public boolean has(Object object, JsValue key) {
        return js(() -> values.has(object, key));
    }

    @Override
    public boolean delete(Object object, JsValue key) {
        return js(() -> values.delete(object, key));
    }

    @Override
    public List<String> propertyNames(Object object) {
        return js(() -> values.propertyNames(object));
    }

    // ---------------------------------------------------------------- functions

    @Override
    public JsValue call(Object function, JsValue thisValue, List<JsValue> args) {
        return js(() -> toJs(((V8ValueFunction) function).call(toV8(thisValue), toV8(args))));
    }

    @Override
    public JsObject construct(Object function, List<JsValue> args) {
        JsValue made = js(() -> toJs(((V8ValueFunction) function).callAsConstructor(toV8(args))));
        if (made instanceof JsObject o) return o;
        throw new JsEngineException("V8 constructed a " + made.typeOf() + " instead of an object", null);
    }

    @Override
    public boolean instanceOf(Object object, Object constructor) {
        return js(() -> Boolean.TRUE.equals(bridge.helpers().invokeBoolean("instanceOf", object, constructor)));
    }

    @Override
    public boolean sameObject(Object a, Object b) {
        return v8(() -> ((V8Value) a).strictEquals((V8Value) b));
    }

    // ---------------------------------------------------------------- making values

    @Override
    public HostObject hostObjectOf(Object object) {
        return v8(() -> bridge.hostObjectOf((V8Value) object));
    }

    @Override
    public JsObject newObject() {
        return v8(() -> (JsObject) toJs(rt.createV8ValueObject()));
    }

    @Override
    public JsArray newArray(List<JsValue> elements) {
        return v8(() -> (JsArray) toJs(values.newArray(elements)));
    }

    @Override
    public JsArrayBuffer newArrayBuffer(byte[] bytes) {
        return v8(() -> (JsArrayBuffer) toJs(values.newArrayBuffer(bytes)));
    }

    @Override
    public byte[] arrayBufferBytes(Object buffer) {
        return v8(() -> V8Values.bytes((V8ValueArrayBuffer) buffer));
    }

    @Override
    public java.nio.ByteBuffer arrayBufferView(Object buffer) {
        return v8(() -> ((V8ValueArrayBuffer) buffer).getByteBuffer().duplicate().clear()); // the backing store itself
    }

    /** A direct buffer becomes the backing store itself (V8 shares it); any other is copied. */
    @Override
    public JsArrayBuffer newArrayBuffer(java.nio.ByteBuffer memory) {
        if (!memory.isDirect()) return EngineBackend.super.newArrayBuffer(memory);
        return v8(() -> (JsArrayBuffer) toJs(rt.createV8ValueArrayBuffer(memory.slice())));
    }

    @Override
    public HostFunction hostFunctionOf(Object function) {
        return v8(() -> bridge.hostFunctionOf((V8Value) function));
    }

    @Override
    public JsSymbol newSymbol(String description) {
        return js(() -> {
            V8Value d = description == null ? rt.createV8ValueUndefined() : rt.createV8ValueString(description);
            return (JsSymbol) toJs(bridge.helpers().invoke("symbol", d));
        });
    }

    @Override
    public JsFunction newFunction(String name, int length, HostFunction function) {
        return v8(() -> (JsFunction) toJs(bridge.newFunction(name, length, function)));
    }

    @Override
    public JsObject newHostObject(HostObject host) {
        return v8(() -> (JsObject) toJs(bridge.newHostObject(host)));
    }

    @Override
    public Object raise(JsValue error) {
        return v8(() -> {
            V8Value value = toV8(error);
            errors.raised(value);
            rt.throwError(value);
            return rt.createV8ValueUndefined();
        });
    }

    // ---------------------------------------------------------------- microtasks and limits

    @Override
    public void drainMicrotasks() {
        // V8 runs the microtask queue whenever the outermost script or call returns, so running an
        // empty script is an explicit checkpoint.
        js(() -> {
            drain.executeVoid();
            return null;
        });
    }

    /**
     * Nothing: V8 (automatic microtask policy) already ran the jobs when the outermost script or
     * call returned, and a checkpoint here would cost a second native trip on every call.
     */
    @Override
    public void afterOutermostEntry() {
    }

    @Override
    public void trackRejections() {
        rejections.track();
    }

    @Override
    public List<org.jsi4j.spi.RejectedPromise> takeRejections() {
        return rejections.take(this);
    }

    @Override
    public void interrupt() {
        entry.interrupt();
    }

    @Override
    public void resetInterrupt() {
        entry.resetInterrupt();
    }

    /** The memory sampling and the repetition of stops ({@link V8Entry#watch}) run on the core's watchdog. */
    @Override
    public long watchPeriodNanos() {
        return V8Limits.SAMPLE_NANOS;
    }

    @Override
    public void watch() {
        entry.watch();
    }

    /**
     * When the heap reached its limit since the last call: the termination to report (the
     * runtime is reset to its limit first), else {@code null}.
     */
    JsTerminatedException takeMemoryLimitHit() {
        return limits.takeHit();
    }

    // ---------------------------------------------------------------- handles

    @Override
    public Object duplicate(Object handle) {
        return v8(() -> ((V8ValueReference) handle).toClone());
    }

    @Override
    public void release(Object handle) {
        v8(() -> {
            values.release(handle);
            return null;
        });
    }

    @Override
    public Object weaken(Object handle) {
        return v8(() -> values.weakened((V8ValueReference) handle));
    }

    @Override
    public Object deref(Object weak) {
        V8ValueReference w = (V8ValueReference) weak;
        return w.isClosed() ? null : duplicate(w);
    }

    @Override
    public ObjectKind kindOf(Object handle) {
        return V8Values.kindOf(handle);
    }

    @Override
    public void releaseWeak(Object weak) {
        v8(() -> {
            values.releaseWeak(weak);
            return null;
        });
    }

    @Override
    public void collectGarbage() {
        rt.lowMemoryNotification();
    }

    @Override
    public long engineReferences() {
        return rt.getReferenceCount();
    }

    /**
     * V8's native image: taken once per isolate (V8 allows no second one; later snapshots carry
     * only the journal), with every handle Java holds parked and given back (see
     * {@link V8SnapshotTaker}).
     */
    @Override
    public byte[] snapshotImage(Map<String, Object> externals) {
        if (imageTaken || counting != null) return null;   // a counting runtime's setup restores by replay
        drainMicrotasks();  // lets go of the objects V8 keeps alive for the current job (WeakRef targets)
        V8Image image = v8(() -> new V8SnapshotTaker(rt, bridge, sources).take(externals));
        if (image == null) return null;
        imageTaken = true;
        return image.encode();
    }

    @Override
    public boolean restoredFromImage() {
        return restoredFromImage;
    }

    /**
     * Closes every V8 handle and callback context this backend made (the core released the
     * object handles, references and internal functions before), then the isolate. What Javet
     * still counts just before the isolate goes is kept in {@link #leftAtClose()}: nothing,
     * unless jsi4j leaked.
     */
    @Override
    public void close() {
        if (leftAtClose != null) return;   // closed already (a runtime whose creation failed after this was made)
        limits.beforeClose();  // outside the closing lock: a collection of a big heap takes a while
        entry.closing(() -> {
            if (debugger != null) debugger.close();
            limits.close();
            try {
                releaseHandles();
            } finally {
                leftAtClose = V8Leftovers.of(rt);
                try {
                    rt.close();
                } catch (JavetException e) {
                    throw new JsEngineException("V8 failed to close its runtime: " + e.getMessage(), e);
                }
            }
        });
    }

    /**
     * The constructor failed: lets go of what it made (handles, callback contexts, the memory
     * sampler's watch) before the factory closes the isolate, which would otherwise report them
     * as not recycled.
     */
    private void abandon() {
        limits.close();
        try {
            releaseHandles();
        } catch (RuntimeException | Error e) {
            // the failure that got here is the one to report; the isolate below frees the rest
        }
    }

    /** Closes every handle this backend made; the isolate stays open. */
    private void releaseHandles() {
        try {
            if (drain != null) drain.close();
            rejections.close();
            errors.close();
            symbols.close();
            values.closeWeak();
            bridge.close();
            // prepared scripts still held by the application: closed with their runtime
            for (V8Script script : sources.keySet()) if (!script.isClosed()) script.close();
            contexts.releaseAll();
            if (nativeModules != null) nativeModules.close();
        } catch (JavetException e) {
            // closing anyway: the isolate below frees whatever is left
        }
    }

    /** What the isolate still held when this backend closed it ({@code null} while open). */
    V8Leftovers leftAtClose() {
        return leftAtClose;
    }

    @Override
    public org.jsi4j.spi.NativeModules nativeModules() {
        if (nativeModules == null) nativeModules = new V8NativeModules(rt, entry, this, counting);
        return nativeModules;
    }

    // ---------------------------------------------------------------- conversions

    /** A Javet value as a jsi4j value (see {@link V8Values#toJs(V8Value)}). */
    JsValue toJs(V8Value value) throws JavetException {
        return values.toJs(value);
    }

    /** A jsi4j value as a Javet value (see {@link V8Values#toV8(JsValue)}). */
    V8Value toV8(JsValue value) throws JavetException {
        return values.toV8(value);
    }

    private V8Value[] toV8(List<JsValue> args) throws JavetException {
        return values.toV8(args);
    }

    private <T> T js(V8Entry.Call<T> call) {
        return entry.js(call);
    }

    private <T> T v8(V8Entry.Call<T> call) {
        return entry.v8(call);
    }

    /** Whether thrown objects come back as themselves (see {@link V8ThrowCapture}). */
    boolean capturesThrownObjects() {
        return errors.capturesThrownObjects();
    }

    /** Any Javet exception as the jsi4j exception it stands for. */
    JsException translate(JavetException e) {
        return entry.translate(e);
    }
}
