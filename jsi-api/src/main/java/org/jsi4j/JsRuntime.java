package org.jsi4j;

import org.jsi4j.snapshot.Journal;
import org.jsi4j.snapshot.SnapshotBlob;
import org.jsi4j.snapshot.SnapshotCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jsi4j.spi.EngineBackend;
import org.jsi4j.spi.HostCall;
import org.jsi4j.spi.JsonGraphs;
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RuntimeServices;

/**
 * One JavaScript engine instance: evaluate scripts, expose host objects and functions, manage
 * handles. Made by a {@link JsRuntimeFactory}.
 *
 * <p><b>Threads.</b> A runtime is confined to the thread that created it (its owner), like a
 * JNIEnv. Any use from another thread throws {@link WrongThreadException} naming both threads,
 * except {@link #interrupt()}, {@link #isClosed()}, {@link #executor()} and the
 * accessors of what the runtime is. Other threads send work through {@link #executor()}; the
 * owner runs it in {@link #runPendingTasks()} or {@link #runEventLoop(Duration)}.
 *
 * <p><b>Microtasks.</b> After every outermost entry from Java into JavaScript (an evaluation, a
 * prepared script, a call, a task), pending promise jobs run before control returns to Java, as
 * a browser does after each task. {@link #drainMicrotasks()} runs them explicitly. With
 * {@link MicrotaskPolicy#EXPLICIT} (where {@link Capabilities#explicitMicrotasks()}) they run only
 * in {@link #drainMicrotasks(int)} and {@link #drainMicrotasks()}.
 *
 * <p><b>Closed runtimes.</b> Every method except {@link #close()}, {@link #isClosed()} and the
 * accessors of what the runtime is throws {@link JsReleasedException} once the runtime closed.
 */
public final class JsRuntime implements AutoCloseable {
    private final EngineInfo engine;
    private final Capabilities capabilities;
    private final RuntimeOptions options;
    private final Thread owner;
    private final EngineBackend backend;
    private final JsExecutor executor = new JsExecutor(this);
    private final Services services = new Services();
    private final HandleStack handles = new HandleStack();
    private final JsScope root = new JsScope(this, null, 0);
    private final Set<JsRef<?>> refs = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<HostObject> hostObjects = new ArrayList<>();
    private final HostErrors hostErrors = new HostErrors(this);
    private final Intrinsics intrinsics = new Intrinsics(this);
    private final StopControl stops;
    private final Snapshotting snapshots;
    /** The transpile step, or null (not asked for, or the engine has all the syntax). */
    private final Transpiling transpiling;
    private Rejections rejections;

    private JsScope current = root;
    private int weakRefs;
    private int hostFunctions;
    private int depth;
    private long externalMemory;
    private long externalMemoryAtLastCollection;
    private static final long EXTERNAL_MEMORY_STEP = 64L << 20;
    private volatile boolean closed;
    private org.jsi4j.modules.JsModules modules;

    private JsRuntime(EngineInfo engine, Capabilities capabilities, RuntimeOptions options,
                      Function<RuntimeServices, EngineBackend> backendMaker) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.options = Objects.requireNonNull(options, "options");
        this.owner = Thread.currentThread();
        this.transpiling = Transpiling.of(engine, capabilities, options);
        if (options.restore() != null) Snapshotting.checkExternals(options.restore().blob(), options.externals());
        this.snapshots = new Snapshotting(this, options.journaling() ? new Journal() : null);
        this.backend = Objects.requireNonNull(backendMaker.apply(services), "backend");
        this.stops = new StopControl(this, backend.heapOnJvm() ? jvmHeapBudget(options) : 0, options.maxHeapBytes() == 0);
    }

    /**
     * Backend SPI: opens a runtime owned by the calling thread around the backend that
     * {@code backendMaker} builds from the core's services. When the options restore a snapshot
     * and the backend did not restore its native image ({@link EngineBackend#restoredFromImage()}),
     * the snapshot's journal is replayed here.
     *
     * @throws JsSnapshotException when a named external is missing or the restore fails
     */
    public static JsRuntime open(EngineInfo engine, Capabilities capabilities, RuntimeOptions options,
                                 Function<RuntimeServices, EngineBackend> backendMaker) {
        if (options.microtasks() == MicrotaskPolicy.EXPLICIT && !capabilities.explicitMicrotasks()) {
            throw new IllegalArgumentException("The " + engine.id() + " engine runs promise jobs itself whenever the"
                    + " outermost call from Java returns, so MicrotaskPolicy.EXPLICIT cannot be honoured; use"
                    + " MicrotaskPolicy.AUTO (see Capabilities.explicitMicrotasks())");
        }
        JsRuntime rt = new JsRuntime(engine, capabilities, options, backendMaker);
        if (options.restore() != null) {
            try {
                rt.snapshots.restore(options.restore().blob());
            } catch (RuntimeException | Error e) {
                try {
                    rt.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
        return rt;
    }

    /**
     * The allocation budget per entry of a runtime whose engine keeps its objects on the JVM heap:
     * {@link RuntimeOptions#maxHeapBytes()}, else half the JVM's maximum heap, applied by default only
     * while the JVM's heap is over 70% full, so that no script can exhaust the host's heap by default
     * and a long script that merely makes garbage is not stopped.
     */
    static long jvmHeapBudget(RuntimeOptions options) {
        return options.maxHeapBytes() > 0 ? options.maxHeapBytes() : Runtime.getRuntime().maxMemory() / 2;
    }

    // ---------------------------------------------------------------- what the runtime is

    /** The engine. Never throws. */
    public EngineInfo engine() {
        return engine;
    }

    /** What the engine does. Never throws. */
    public Capabilities capabilities() {
        return capabilities;
    }

    /** The options this runtime was made with. Never throws. */
    public RuntimeOptions options() {
        return options;
    }

    /** The thread that owns this runtime. Never throws. */
    public Thread owner() {
        return owner;
    }

    /** True once closed. Any thread. */
    public boolean isClosed() {
        return closed;
    }

    /** The way in from other threads. Any thread. */
    public JsExecutor executor() {
        return executor;
    }

    // ---------------------------------------------------------------- scripts

    /**
     * Evaluates a script in the global scope (sloppy mode unless it says {@code "use strict"}).
     *
     * @param source the script
     * @param sourceName the name that error messages and stacks show, e.g. a file name
     * @return the completion value
     * @throws JsSyntaxError when it does not parse
     * @throws JsError when it throws
     * @throws JsTerminatedException when a limit or {@link #interrupt()} stops it
     */
    public JsValue evaluate(String source, String sourceName) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceName, "sourceName");
        checkUsable();
        return evaluateAsIs(transpiled(source, sourceName), sourceName);
    }

    /** Evaluates {@code code} without transpiling it (a journal replays scripts as they ran). */
    JsValue evaluateAsIs(String code, String sourceName) {
        return snapshots.journaled(sourceName, code, () -> enter(() -> backend.evaluate(code, sourceName)));
    }

    /** {@code source} as the engine runs it: transpiled when the options ask and the engine needs it. */
    private String transpiled(String source, String sourceName) {
        return transpiling == null ? source : transpiling.script(source, sourceName, this::evaluateAsIs);
    }

    /**
     * Compiles a script once, to run it many times with {@link PreparedScript#run()}.
     *
     * @throws JsSyntaxError when it does not parse
     */
    public PreparedScript prepare(String source, String sourceName) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceName, "sourceName");
        checkUsable();
        String code = transpiled(source, sourceName);
        return new PreparedScript(this, backend.compile(code, sourceName), sourceName, code);
    }

    /**
     * The runtime's modules: ES modules, CommonJS files and host-object modules, found through
     * {@link RuntimeOptions#modules()} by the module system on the class path ({@code jsi-modules}).
     *
     * @throws IllegalStateException when no module system is on the class path
     */
    public org.jsi4j.modules.JsModules modules() {
        checkUsable();
        if (modules == null) {
            org.jsi4j.modules.JsModules made = ModuleSystems.create(this);
            modules = options.journaling() ? new JournaledModules(made, snapshots) : made;
        }
        return modules;
    }

    /**
     * Whether this runtime loaded a module ({@link #importModule}, a {@code require} of a file, an
     * {@code import()}; {@link org.jsi4j.modules.JsModules#loadedAny()}): a snapshot of it then holds no
     * engine image (which modules were loaded is known only to the module system, in Java) and restores by
     * replaying its setup. Never throws.
     */
    public boolean usesModules() {
        return modules != null && modules.loadedAny();
    }

    /**
     * Imports an ES module (resolved from the module root of {@link RuntimeOptions#modules()}) and
     * returns its namespace object: {@code modules().importModule(specifier)}.
     *
     * @throws org.jsi4j.modules.ModuleResolutionException when it or a dependency is not found
     * @throws JsSyntaxError when a module does not parse
     * @throws JsError when a module throws or imports a missing export
     */
    public JsObject importModule(String specifier) {
        return modules().importModule(Objects.requireNonNull(specifier, "specifier"));   // journaled by JournaledModules
    }

    /**
     * For module systems ({@link org.jsi4j.spi.ModuleSystemProvider}): the engine's own ES modules, each
     * call an entry like {@link #evaluate} (limits, interrupt, microtasks), or null when the engine has
     * none (Rhino).
     */
    public org.jsi4j.spi.NativeModules nativeModules() {
        checkUsable();
        org.jsi4j.spi.NativeModules engine = backend.nativeModules();
        return engine == null ? null : new EnteredNativeModules(this, engine);
    }

    /** Runs {@code body} as an entry (limits, interrupt, microtasks afterwards) of this usable runtime. */
    <T> T entered(Supplier<T> body) {
        checkUsable();
        return enter(body);
    }

    JsValue run(Object compiled, String sourceName, String source) {
        checkUsable();
        return snapshots.journaled(sourceName, source, () -> enter(() -> backend.run(compiled)));
    }

    /** Calls {@code function}; {@code args} were checked by {@link #checkArgs} and are only read. */
    @SuppressWarnings("unchecked")
    JsValue call(JsFunction function, JsValue thisValue, List<? extends JsValue> args) {
        EngineBackend b = changing(function, "JsFunction.call");
        checkValue(thisValue);
        return enter(() -> b.call(function.handle, thisValue, (List<JsValue>) args));
    }

    @SuppressWarnings("unchecked")
    JsObject construct(JsFunction function, List<? extends JsValue> args) {
        EngineBackend b = changing(function, "JsFunction.construct");
        return enter(() -> b.construct(function.handle, (List<JsValue>) args));
    }

    /**
     * Runs pending promise jobs until none remain. Jobs run only when the JavaScript stack is
     * empty, as in a browser: called from inside a host callback this does nothing now, and the
     * jobs run when the outermost call from Java returns (the same on every engine).
     */
    public void drainMicrotasks() {
        drainMicrotasks(-1);
    }

    /**
     * Stops the script running now, from any thread, with a {@link JsTerminatedException} of
     * reason {@code INTERRUPTED}. Returns false when no script was running.
     */
    public boolean interrupt() {
        return stops.stop(JsTerminatedException.Reason.INTERRUPTED);
    }

    /**
     * Reports to {@code listener} every promise rejected without a handler once the JavaScript stack
     * is empty and its promise jobs have run (see {@link UnhandledRejectionListener}), replacing the
     * listener set before. Until a listener is set, no engine tracks rejections.
     */
    public void onUnhandledRejection(UnhandledRejectionListener listener) {
        Objects.requireNonNull(listener, "listener");
        checkUsable();
        if (rejections == null) rejections = new Rejections(this, backend, listener);
        else rejections.listener(listener);
    }

    // ---------------------------------------------------------------- values

    /** The global object ({@code globalThis}). */
    public JsObject global() {
        checkUsable();
        return backend.global();
    }

    /**
     * {@code value} as Java data with the meaning of JSON: what {@code JSON.parse(JSON.stringify(value))}
     * would give, as {@code Map<String, Object>} (in property order), {@code List<Object>},
     * {@code String}, {@code Double}, {@code Boolean} and {@code null}. Properties that are
     * {@code undefined}, functions or symbols are left out (in arrays they become {@code null}),
     * {@code NaN} and infinities become {@code null}, {@code -0} becomes {@code 0.0}, {@code toJSON}
     * is honoured (a {@code Date} becomes its ISO string), getters run. A cyclic graph, a BigInt, or
     * nesting deeper than {@link JavaData#MAX_DEPTH} levels is a {@code TypeError} {@link JsError}
     * whose message starts with {@code "Cannot convert to Java data"}; the conversion is one entry,
     * stopped by {@link #interrupt()} and the runtime's limits like a script (the Java data it builds
     * counts toward {@code maxHeapBytes} where that limit counts the JVM heap, Rhino and GraalJS; on
     * V8 it counts V8's heap, and a time limit bounds a conversion of, say, a huge array of holes).
     *
     * <p>An engine whose objects live on the JVM heap walks the graph itself (Rhino: its objects'
     * slots, no crossing per property). Number, string and boolean wrapper objects become their
     * primitive, as in JSON, on every engine. Elsewhere each object is one crossing for its {@code toJSON} and
     * wrapper check and each property one more, through jsi-api; for large graphs on V8 and GraalJS, host-object's
     * {@code BulkConversion} crosses once, as JSON text. Experimental, like {@link JavaData}.
     */
    public Object toJavaData(JsValue value) {
        Objects.requireNonNull(value, "value");
        checkUsable();
        if (!(value instanceof JsObject object)) return new JavaData.Walk(this).read(value);
        EngineBackend b = backend(object);
        JsonGraphs graphs = b.jsonGraphs();
        if (graphs != null) return enter(() -> graphs.toJava(object.handle));
        try (JsScope scope = openScope()) {
            return enter(() -> new JavaData.Walk(this).read(value));
        }
    }

    /**
     * {@code data} as a new JavaScript value, as {@code JSON.parse} of its JSON text would make it:
     * {@code Map}s with {@code String} keys become plain objects (own data properties, in the map's
     * order; no setter of {@code Object.prototype} runs), collections
     * arrays, numbers JavaScript numbers. Anything else ({@code "__proto__"} keys, non-finite numbers,
     * other Java types, nesting deeper than {@link JavaData#MAX_DEPTH}) is an
     * {@link IllegalArgumentException} naming where it is; host-object's {@code BulkConversion.toJs}
     * and {@code TypeMapping} convert the other Java types. Experimental, like {@link JavaData}.
     */
    public JsValue fromJavaData(Object data) {
        checkUsable();
        JsonGraphs graphs = backend.jsonGraphs();
        try {
            if (graphs != null) return graphs.toEngine(data);
            if (!(data instanceof Map<?, ?> || data instanceof Collection<?>)) return JavaData.build(this, data, 0);
            ObjectKind kind;
            Object kept;
            try (JsScope scope = openScope()) { // the graph's inner objects are handles only while it is built
                JsObject top = JavaData.build(this, data, 0).asObject();
                kind = kindOf(top);
                kept = backend.duplicate(top.handle);
            }
            JsObject result = newHandle(kind, kept);
            handles.push(result);
            return result;
        } catch (IllegalArgumentException notData) {
            throw JavaData.explain(data, notData);
        }
    }

    /** A new empty object. */
    public JsObject newObject() {
        checkUsable();
        return backend.newObject();
    }

    /** A new array of the elements. */
    public JsArray newArray(JsValue... elements) {
        return newArray(Arrays.asList(elements));
    }

    /** A new array of the elements. */
    public JsArray newArray(List<? extends JsValue> elements) {
        checkUsable();
        @SuppressWarnings("unchecked")
        List<JsValue> checked = (List<JsValue>) checkArgs(elements); // read only, during the call: no copy
        return backend.newArray(checked);
    }

    /** A new {@code ArrayBuffer} holding a copy of {@code bytes}. */
    public JsArrayBuffer newArrayBuffer(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        checkUsable();
        return backend.newArrayBuffer(bytes.clone());
    }

    /**
     * A new object whose prototype is {@code prototype}: an object, or {@link JsValue#nullValue()}
     * for an object that inherits nothing ({@code Object.create(prototype)}).
     *
     * @throws IllegalArgumentException when {@code prototype} is neither an object nor null
     */
    public JsObject newObject(JsValue prototype) {
        checkUsable();
        if (!(prototype instanceof JsObject || prototype instanceof JsNull)) {
            throw new IllegalArgumentException("a prototype must be an object or JsValue.nullValue(), was " + prototype);
        }
        return intrinsics.direct(Intrinsics.CREATE, checkValue(prototype)).asObject();
    }

    /** A new array of {@code length} holes ({@code new Array(length)}). */
    public JsArray newArray(int length) {
        if (length < 0) throw new IllegalArgumentException("length must be >= 0, was " + length);
        checkUsable();
        return intrinsics.direct(Intrinsics.NEW_ARRAY, JsValue.of(length)).asArray();
    }

    /**
     * A new error object of {@code type} with {@code message}, made by the engine's own constructor
     * (captured before any script ran), with the engine's stack. Throw it from a host function
     * with {@link JsError#throwing(JsValue)}.
     */
    public JsObject newError(JsErrorType type, String message) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        checkUsable();
        return intrinsics.direct(Intrinsics.NEW_ERROR, JsValue.of(type.constructorName()), JsValue.of(message)).asObject();
    }

    /**
     * The value JSON text {@code json} stands for, made by the engine's own {@code JSON.parse}
     * (captured before any script ran): no script is evaluated.
     *
     * @throws JsError a {@code SyntaxError} when {@code json} is not JSON
     */
    public JsValue createFromJson(String json) {
        Objects.requireNonNull(json, "json");
        checkUsable();
        return intrinsics.direct(Intrinsics.PARSE_JSON, JsValue.of(json));
    }

    /** {@code a === b} for any two values of this runtime ({@code NaN !== NaN}, {@code +0 === -0}). */
    public boolean strictEquals(JsValue a, JsValue b) {
        checkUsable();
        checkValue(a);
        checkValue(b);
        if (a instanceof JsObject o) return o.strictEquals(b);
        if (a instanceof JsNumber x) return b instanceof JsNumber y && x.value() == y.value();
        return a.equals(b);
    }

    /**
     * Queues {@code callback} as a microtask (a promise job, JSI's {@code queueMicrotask}): it runs,
     * with no arguments, when microtasks next drain, after those already queued. What it throws is
     * reported as an unhandled rejection would be, not to the caller of the drain.
     */
    public void queueMicrotask(JsFunction callback) {
        Objects.requireNonNull(callback, "callback");
        checkUsable();
        intrinsics.direct(Intrinsics.QUEUE, checkValue(callback));
    }

    /**
     * JSI's {@code drainMicrotasks(maxMicrotasksHint)}: runs pending microtasks and returns true
     * when none remain. Under {@link MicrotaskPolicy#EXPLICIT} (Rhino) at most
     * {@code maxMicrotasksHint} jobs run (-1: all, jobs queued by jobs included; 0: none, the answer
     * says whether any wait). Under {@link MicrotaskPolicy#AUTO} the hint is ignored, as JSI allows:
     * V8 and GraalJS offer only a whole checkpoint, so the whole queue runs and the answer is true.
     * A stopped runtime ends the drain with a {@link JsTerminatedException}, leaving the jobs not yet
     * run queued. Inside a script or host callback it runs nothing and answers false (JSI forbids
     * draining from JavaScript; the jobs run later, as {@link #drainMicrotasks()} says).
     *
     * @throws IllegalArgumentException for a {@code maxMicrotasksHint} below -1 (-1 means "all")
     */
    public boolean drainMicrotasks(int maxMicrotasksHint) {
        if (maxMicrotasksHint < -1) {
            throw new IllegalArgumentException("maxMicrotasksHint must be -1 (all) or a count >= 0, was " + maxMicrotasksHint);
        }
        checkUsable();
        if (depth > 0) return false;
        return enter(() -> backend.drainMicrotasks(maxMicrotasksHint));
    }

    /**
     * A new typed array of {@code kind} over {@code buffer} ({@code new Uint8Array(buffer, byteOffset,
     * length)}), sharing its memory.
     *
     * @throws JsError a {@code RangeError} when offset or length do not fit the buffer
     */
    public JsObject newTypedArray(TypedArrayKind kind, JsArrayBuffer buffer, int byteOffset, int length) {
        Objects.requireNonNull(kind, "kind");
        checkUsable();
        return intrinsics.direct(Intrinsics.TYPED_ARRAY, JsValue.of(kind.constructorName()), checkValue(buffer),
                JsValue.of(byteOffset), JsValue.of(length)).asObject();
    }

    /** A new {@code DataView} over {@code byteLength} bytes of {@code buffer} from {@code byteOffset}. */
    public JsObject newDataView(JsArrayBuffer buffer, int byteOffset, int byteLength) {
        checkUsable();
        return intrinsics.direct(Intrinsics.DATA_VIEW, checkValue(buffer), JsValue.of(byteOffset),
                JsValue.of(byteLength)).asObject();
    }

    /**
     * A new {@code ArrayBuffer} over {@code memory}'s remaining bytes: on V8 a direct buffer is shared
     * (JavaScript and Java see each other's writes; keep {@code memory} reachable while the buffer
     * lives); elsewhere the bytes are copied. {@link JsArrayBuffer#sharesMemory()} tells which.
     */
    public JsArrayBuffer newArrayBuffer(java.nio.ByteBuffer memory) {
        Objects.requireNonNull(memory, "memory");
        checkUsable();
        return backend.newArrayBuffer(memory);
    }

    /**
     * A hint that Java memory of {@code bytes} is kept alive by JavaScript objects of this runtime
     * (JSI's {@code setExternalMemoryPressure}); the runtime asks its engine to collect garbage
     * sooner while such memory grows. Negative values report memory freed.
     */
    public void adjustExternalMemory(long bytes) {
        checkUsable();
        externalMemory = Math.max(0, externalMemory + bytes);
        if (externalMemory - externalMemoryAtLastCollection > EXTERNAL_MEMORY_STEP) {
            externalMemoryAtLastCollection = externalMemory;
            backend.collectGarbage();
        } else if (externalMemory < externalMemoryAtLastCollection) {
            externalMemoryAtLastCollection = externalMemory;
        }
    }

    /** Java memory reported by {@link #adjustExternalMemory(long)} and not yet reported freed. */
    public long externalMemory() {
        checkUsable();
        return externalMemory;
    }

    /** A new {@code Date} for {@code epochMillis}, made by the engine's own {@code Date}. */
    public JsObject newDate(double epochMillis) {
        checkUsable();
        return intrinsics.direct(Intrinsics.NEW_DATE, JsValue.of(epochMillis)).asObject();
    }

    /**
     * {@code value} as a JavaScript value: records, maps, collections, arrays and beans become
     * copies as plain objects and arrays ({@link org.jsi4j.interop.JavaToJs} lists the types).
     *
     * @throws JsConversionException naming the path when a part cannot be converted
     */
    public JsValue toJs(Object value) {
        checkUsable();
        return org.jsi4j.interop.JavaToJs.convert(this, value);
    }

    /** A new symbol, {@code Symbol(description)}. */
    public JsSymbol newSymbol(String description) {
        checkUsable();
        return backend.newSymbol(description);
    }

    /**
     * A JavaScript function backed by Java. {@code name} and {@code length} are what JavaScript
     * sees as the function's {@code name} and {@code length}.
     */
    public JsFunction function(String name, int length, HostFunction function) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        if (length < 0) throw new IllegalArgumentException("length must be >= 0, was " + length);
        checkUsable();
        hostErrors.ensureStackOverflow();
        JsFunction f = backend.newFunction(name, length, function);
        hostFunctions++;
        if (snapshots.watchUnnamed()) snapshots.watch("host function '" + name + "'", f.handle);
        return f;
    }

    /** The JavaScript face of a host object; the same Java instance comes back out of it. */
    public JsObject hostObject(HostObject host) {
        Objects.requireNonNull(host, "host");
        checkUsable();
        hostErrors.ensureStackOverflow();
        JsObject o = backend.newHostObject(host);
        hostObjects.add(host);
        if (snapshots.watchUnnamed()) snapshots.watch("host object of " + host.getClass().getName(), o.handle);
        return o;
    }

    /**
     * A named external host function, bound as the global {@code name} (with {@code name} and
     * {@code length} visible in JavaScript). Unlike {@link #function}, a snapshot may hold it: the
     * snapshot records the name, and a restore rebinds the function given under that name in
     * {@link RuntimeOptions#externals(Map)}.
     *
     * @throws IllegalArgumentException when an external of that name exists in this runtime
     */
    public JsFunction external(String name, int length, HostFunction function) {
        Objects.requireNonNull(function, "function");
        if (length < 0) throw new IllegalArgumentException("length must be >= 0, was " + length);
        checkExternalName(name);
        JsFunction f = backend.newFunction(name, length, function);
        hostFunctions++;
        snapshots.bindExternal(new Journal.External(name, Journal.Kind.FUNCTION, length), function, f);
        return f;
    }

    /** {@link #external(String, int, HostFunction)} with {@code length} 0. */
    public JsFunction external(String name, HostFunction function) {
        return external(name, 0, function);
    }

    /**
     * A named external host object, bound as the global {@code name}. A snapshot may hold it: the
     * snapshot records the name, and a restore rebinds the host object given under that name in
     * {@link RuntimeOptions#externals(Map)}.
     *
     * @throws IllegalArgumentException when an external of that name exists in this runtime
     */
    public JsObject external(String name, HostObject host) {
        Objects.requireNonNull(host, "host");
        checkExternalName(name);
        JsObject o = backend.newHostObject(host);
        hostObjects.add(host);
        snapshots.bindExternal(new Journal.External(name, Journal.Kind.OBJECT, 0), host, o);
        return o;
    }

    private void checkExternalName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("an external needs a non-empty name");
        checkUsable();
        if (snapshots.hasExternal(name)) {
            throw new IllegalArgumentException("An external named '" + name + "' is already bound in this runtime;"
                    + " each external needs its own name");
        }
    }

    // ---------------------------------------------------------------- snapshots

    /**
     * Takes a startup snapshot of this runtime, made with {@link RuntimeOptions#forSnapshotting()}
     * (or restored from a snapshot): its blob holds the engine's native heap image when the
     * engine has one, and always the journal of the setup (the scripts run and the externals
     * bound), so that {@link RuntimeOptions#fromSnapshot(byte[])} restores it on any engine.
     *
     * @throws JsSnapshotException when the runtime was not made for snapshotting; when host
     *     functions or host objects that are not named externals are still reachable (the message
     *     names them); when the engine refuses; or when the engine has no heap image and the
     *     Java API changed the runtime in ways a replay cannot reproduce
     * @throws IllegalStateException inside a script or host callback
     */
    public Snapshot snapshot() {
        checkUsable();
        return snapshots.snapshot();
    }

    /** The backend for a change to {@code object} made from Java, noted when it escapes the journal. */
    EngineBackend changing(JsObject object, String what) {
        EngineBackend b = backend(object);
        snapshots.changing(what);
        return b;
    }

    /**
     * A JavaScript {@code Promise} settled, on the JS thread, when {@code future} completes: fulfilled
     * with its value, or rejected with an {@code Error} whose Java cause is the exception. Until
     * then it counts as pending work for {@link #runEventLoop(Duration)}.
     */
    public JsObject promise(CompletionStage<? extends JsValue> future) {
        Objects.requireNonNull(future, "future");
        checkUsable();
        JsArray parts = hostErrors.promiseCapability();
        JsObject promise = parts.get(0).asObject();
        JsRef<JsFunction> resolve = persist(parts.get(1).asFunction());
        JsRef<JsFunction> reject = persist(parts.get(2).asFunction());
        Runnable done = executor.holdPending();
        future.whenComplete((value, failure) -> executor.execute(() -> {
            try {
                if (failure == null) {
                    resolve.get().call(value == null ? JsValue.undefined() : value);
                } else {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    try (JsScope scope = openScope()) {
                        reject.get().call(hostErrors.newError(JsErrorType.ERROR, HostErrors.messageOf(cause), cause));
                    }
                }
            } finally {
                resolve.close();
                reject.close();
                done.run();
            }
        }));
        return promise;
    }

    // ---------------------------------------------------------------- lifetime

    /** Opens a scope; handles made until it closes belong to it. */
    public JsScope openScope() {
        checkUsable();
        JsScope scope = new JsScope(this, current, handles.height());
        current = scope;
        return scope;
    }

    /** A strong reference to {@code object} that outlives scopes until closed. */
    @SuppressWarnings("unchecked")
    public <T extends JsObject> JsRef<T> persist(T object) {
        EngineBackend b = backend(object);
        T copy = (T) newHandle(kindOf(object), b.duplicate(object.handle));
        JsRef<T> ref = new JsRef<>(copy);
        refs.add(ref);
        return ref;
    }

    /** A weak reference to {@code object}. */
    @SuppressWarnings("unchecked")
    public <T extends JsObject> JsWeakRef<T> weak(T object) {
        EngineBackend b = backend(object);
        JsWeakRef<T> ref = new JsWeakRef<>(this, (Class<T>) object.getClass(), b.weaken(object.handle));
        weakRefs++;
        return ref;
    }

    /** Asks the engine to collect garbage now, as fully as it can (for tests of weak references). */
    public void collectGarbage() {
        checkUsable();
        backend.collectGarbage();
    }

    /** Live handles, references and host objects. */
    public RuntimeStats stats() {
        checkUsable();
        int openScopes = 0;
        for (JsScope s = current; s != root; s = s.parent) openScopes++;
        return new RuntimeStats(handles.height(), refs.size(), weakRefs, openScopes, hostObjects.size(), hostFunctions,
                backend.engineReferences());
    }

    // ---------------------------------------------------------------- event loop

    /**
     * Runs the tasks queued on {@link #executor()} and the scheduled ones due now (earliest due first,
     * then in scheduling order), without waiting; returns how many ran.
     */
    public int runPendingTasks() {
        checkUsable();
        int ran = 0;
        long now = System.nanoTime();
        Runnable task;
        while ((task = executor.pollAt(now)) != null) {
            task.run();
            ran++;
        }
        return ran;
    }

    /**
     * Runs queued tasks, waiting for scheduled ones and for pending promises from
     * {@link #promise}, until there is no work left or {@code timeout} passes. It waits while
     * referenced work exists (see {@link JsExecutor}): scheduled tasks not unreferenced, unsettled
     * futures, {@linkplain JsExecutor#hold() holds} of other threads; unreferenced scheduled tasks
     * still run when they fall due while it waits.
     *
     * @return true when the runtime went idle, false when the timeout passed first
     * @throws RuntimeException whatever a task given to {@link JsExecutor#execute} threw
     */
    public boolean runEventLoop(Duration timeout) {
        checkUsable();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            runPendingTasks();
            if (!executor.hasPending()) {
                Runnable late = executor.poll();
                if (late == null) return true;
                late.run();
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            Runnable next;
            try {
                next = executor.poll(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (next != null) next.run();
        }
    }

    /**
     * Closes the runtime: releases every handle and reference, calls each host object's
     * {@link HostObject#release()}, fails queued tasks, and frees the engine. Idempotent; on the
     * owner thread, and not from inside a host callback.
     */
    @Override
    public void close() {
        if (closed) return;
        checkThread();
        if (depth > 0) {
            throw new IllegalStateException("A runtime cannot be closed from inside a script or host callback;"
                    + " close it after the outermost call returns");
        }
        closeScopesTo(root);
        handles.releaseTo(0, backend);
        for (JsRef<?> ref : refs) release(ref.getUnchecked());
        refs.clear();
        releaseInternalFunctions();
        snapshots.close();
        closed = true;
        executor.failAll();
        RuntimeException failure = null;
        for (HostObject host : hostObjects) {
            try {
                host.release();
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
            }
        }
        backend.close();
        if (failure != null) throw failure;
    }

    // ---------------------------------------------------------------- internals

    void checkOpen() {
        if (closed) {
            throw new JsReleasedException("The " + engine.id() + " runtime is closed; its handles, references"
                    + " and prepared scripts can no longer be used");
        }
    }

    private void checkThread() {
        Thread caller = Thread.currentThread();
        if (caller != owner) {
            throw new WrongThreadException("This " + engine.id() + " runtime belongs to thread '" + owner.getName()
                    + "' but was used from thread '" + caller.getName()
                    + "'; send work to it with runtime.executor().submit(...)");
        }
    }

    private void checkUsable() {
        checkOpen();
        checkThread();
    }

    /**
     * The backend, for an operation on {@code object} made from Java: checks the runtime is open,
     * the caller is the owner, and the handle is this runtime's and live.
     */
    EngineBackend backend(JsObject object) {
        checkUsable();
        if (object.runtime != this) throw foreign(object);
        if (object.released) throw released();
        return backend;
    }

    Object handleOf(JsObject object) {
        if (object.runtime != this) throw foreign(object);
        if (object.released || object.runtime.closed) throw released();
        return object.handle;
    }

    /** {@code value}, checked to be non-null and, when an object, one of this runtime's live handles. */
    JsValue checkValue(JsValue value) {
        if (value instanceof JsObject o) {
            if (o.runtime != this) throw foreign(o);
            if (o.released) throw released();
        } else if (value instanceof JsSymbol s) {
            checkSymbol(s);
        } else if (value == null) {
            throw new NullPointerException("value (use JsValue.undefined() or JsValue.nullValue() for no value)");
        }
        return value;
    }

    /** {@code symbol}, checked to be this runtime's (when its backend recorded an owner). */
    JsSymbol checkSymbol(JsSymbol symbol) {
        JsRuntime other = Objects.requireNonNull(symbol, "symbol").owner();
        if (other != null && other != this) {
            throw new IllegalArgumentException("A JsSymbol of another runtime (" + other.engine.id() + ", owned by thread '"
                    + other.owner.getName() + "') was used in this " + engine.id() + " runtime; symbols have identity"
                    + " per runtime and cannot cross runtimes: make one here with newSymbol(...)");
        }
        return symbol;
    }

    /** {@code args}, each checked as by {@link #checkValue}; the list itself is passed on, not copied. */
    <L extends List<? extends JsValue>> L checkArgs(L args) {
        Objects.requireNonNull(args, "args");
        for (int i = 0, n = args.size(); i < n; i++) checkValue(args.get(i));
        return args;
    }

    private static JsReleasedException released() {
        return new JsReleasedException("This JsObject handle was released (its JsScope or JsRef was closed);"
                + " use persist() to keep an object beyond its scope");
    }

    private IllegalArgumentException foreign(JsObject object) {
        return new IllegalArgumentException("A JsObject of another runtime (" + object.runtime.engine.id() + ", owned by thread '"
                + object.runtime.owner.getName() + "') was passed to this " + engine.id() + " runtime (thread '"
                + owner.getName() + "'); objects cannot cross runtimes, only primitives can: copy the data across"
                + " (e.g. as JSON) instead");
    }

    /** An entry from Java for the core's own operations (user code may run in it). */
    <T> T enterInternal(Supplier<T> body) {
        return enter(body);
    }

    /** Makes sure the core's internal functions exist (they are made at the first entry). */
    void ensureCaptured() {
        hostErrors.ensureErrorFactory();
        intrinsics.capture();
    }

    Intrinsics intrinsics() {
        return intrinsics;
    }

    private <T> T enter(Supplier<T> body) {
        if (depth > 0) {
            boolean fromHost = stops.nestedStarts();
            try {
                if (stops.stopping()) throw stoppedInCallback();
                depth++;
                try {
                    return body.get();
                } finally {
                    depth--;
                }
            } finally {
                stops.nestedEnds(fromHost);
            }
        }
        // the core's helpers capture the engine's own constructors before the first script can replace them
        hostErrors.ensureErrorFactory();
        depth = 1;
        stops.start();
        T result;
        try {
            result = body.get();
            backend.afterOutermostEntry();
        } catch (RuntimeException | Error e) {
            depth = 0;
            JsTerminatedException.Reason stoppedFor = stops.finish();
            if (e instanceof OutOfMemoryError) throw outOfMemory();
            if (e instanceof JsTerminatedException t) throw stops.explain(t, stoppedFor);
            if (stoppedFor != null && e instanceof JsException) throw stops.lateStop(stoppedFor);
            throw e;
        }
        depth = 0;
        JsTerminatedException.Reason stoppedFor = stops.finish();
        if (stoppedFor != null) throw stops.lateStop(stoppedFor);
        if (rejections != null) rejections.report();
        return result;
    }

    /** Whether {@code t} is, or was caused by, the Java stack running out (not a script's own error). */
    private static boolean causedByStackOverflow(Throwable t) {
        for (int i = 0; t != null && i < 8; t = t.getCause(), i++) {
            if (t instanceof StackOverflowError) return true;
            if (t instanceof JsError) return false; // a script's own error that merely mentions one
        }
        return false;
    }

    /** What an entry ends with when the JVM ran out of heap during it (in the engine or in a host callback). */
    private JsTerminatedException outOfMemory() {
        return new JsTerminatedException(JsTerminatedException.Reason.MEMORY_LIMIT, "The JVM ran out of heap while this "
                + engine.id() + " script ran (the script, or a host callback it called, allocated more than the JVM had)."
                + " The runtime can no longer run code; close it and create another (closing frees what the script kept)."
                + " Set RuntimeOptions.maxHeapBytes to stop such scripts earlier, or give the JVM more heap (-Xmx).", false);
    }

    /** Inside an entry, in the core's own long loops: ends the entry when it was stopped meanwhile. */
    void checkNotStopped() {
        if (stops.stopping()) throw stoppedInCallback();
    }

    /**
     * The termination a host callback (or JavaScript it calls) ends with when the entry was stopped;
     * clears the thread interrupt a stopper may have used to wake the callback, so that it does not
     * reach JavaScript while the termination unwinds it.
     */
    private JsTerminatedException stoppedInCallback() {
        Thread.interrupted();
        return new JsTerminatedException(JsTerminatedException.Reason.INTERRUPTED,
                "The script was stopped while a host callback ran.", true);
    }

    /** A handle object for {@code handle} that belongs to no scope (the caller releases it). */
    JsObject newHandle(ObjectKind kind, Object handle) {
        return switch (kind) {
            case OBJECT -> new JsObject(this, handle);
            case ARRAY -> new JsArray(this, handle);
            case FUNCTION -> new JsFunction(this, handle);
            case ARRAY_BUFFER -> new JsArrayBuffer(this, handle);
        };
    }

    /** The number of handles on the scope stack now. */
    int handleCount() {
        return handles.height();
    }

    private static ObjectKind kindOf(JsObject object) {
        return switch (object) {
            case JsArray a -> ObjectKind.ARRAY;
            case JsFunction f -> ObjectKind.FUNCTION;
            case JsArrayBuffer b -> ObjectKind.ARRAY_BUFFER;
            default -> ObjectKind.OBJECT;
        };
    }

    void closeScope(JsScope scope) {
        if (scope.closed || closed) {
            scope.closed = true;
            return;
        }
        checkThread();
        if (scope == root) throw new IllegalStateException("The root scope closes with the runtime");
        closeScopesTo(scope.parent);
        handles.releaseTo(scope.mark, backend);
    }

    /** Marks the explicit scopes above {@code keep} closed and makes {@code keep} current. */
    private void closeScopesTo(JsScope keep) {
        for (JsScope s = current; s != keep && s != null; s = s.parent) s.closed = true;
        current = keep;
    }

    private void release(JsObject object) {
        if (object.released) return;
        object.released = true;
        backend.release(object.handle);
    }

    void closeRef(JsRef<?> ref, JsObject object) {
        if (closed) return;
        checkThread();
        if (refs.remove(ref)) release(object);
    }

    JsObject deref(Object weakToken) {
        checkUsable();
        Object handle = backend.deref(weakToken);
        return handle == null ? null : services.wrap(handle, backend.kindOf(handle));
    }

    void closeWeak(Object weakToken) {
        if (closed) return;
        checkThread();
        backend.releaseWeak(weakToken);
        weakRefs--;
    }

    /** Runs {@code body}, releasing the handles it made. */
    <T> T inInternalScope(Supplier<T> body) {
        JsScope scope = current;
        int mark = handles.height();
        try {
            return body.get();
        } finally {
            if (current != scope) closeScopesTo(scope);
            handles.releaseTo(mark, backend);
        }
    }

    /** A duplicated handle to the function that the internal script {@code source} evaluates to. */
    Object internalFunction(String source) {
        return inInternalScope(() -> backend.duplicate(handleOf(backend.evaluate(source, "jsi4j:internal").asObject())));
    }

    /** Releases the core's own handles to internal functions. */
    void releaseInternalFunctions() {
        hostErrors.release();
        intrinsics.release();
        if (rejections != null) rejections.release();
    }

    /** Makes the error helper again after a snapshot when host callbacks may need it. */
    void reinstateErrorFactory() {
        if (hostFunctions > 0 || !hostObjects.isEmpty()) hostErrors.ensureStackOverflow();
    }

    /** Counts an external that a restored engine image brought back. */
    void adoptExternal(Object impl, Journal.Kind kind) {
        if (impl instanceof HostObject h && kind == Journal.Kind.OBJECT) hostObjects.add(h);
        else hostFunctions++;
    }

    /** The engine backend, without checks (for the core's helpers). */
    EngineBackend engineBackend() {
        return backend;
    }

    /** How deep Java-to-JavaScript entries are nested now; 0 outside any script. */
    int depth() {
        return depth;
    }

    /** The core's side of the backend SPI. */
    private final class Services implements RuntimeServices {
        @Override
        public JsRuntime runtime() {
            return JsRuntime.this;
        }

        @Override
        public RuntimeOptions options() {
            return options;
        }

        @Override
        public JsObject wrap(Object handle, ObjectKind kind) {
            JsObject o = newHandle(kind, handle);
            handles.push(o);
            return o;
        }

        @Override
        public JsObject wrapPermanent(Object handle, ObjectKind kind) {
            return newHandle(kind, handle);
        }

        @Override
        public JsSymbol symbol(String description, Object token) {
            return new JsSymbol(description, token, JsRuntime.this);
        }

        @Override
        public Object unwrap(JsObject object) {
            return handleOf(object);
        }

        /**
         * The hot path is kept small enough (well under the JIT's inlining limit for hot methods) to
         * be inlined into the backend's call site, where the exact {@link HostCall} class is known
         * and its {@code run} is inlined too; everything that happens only when the callback throws
         * is in {@link #hostCallFailed}, and the unwinding in {@link #hostCallEnds}.
         */
        @Override
        public Object hostCall(HostCall call) {
            // no allocation: the callback's handles are those pushed above this height
            JsScope scope = current;
            int mark = handles.height();
            depth++;
            boolean nested = stops.hostCallStarts();
            try {
                Object result = call.run();
                if (stops.stopping()) throw stoppedInCallback();
                return result;
            } catch (Throwable t) {
                return hostCallFailed(t, call);
            } finally {
                hostCallEnds(scope, mark, nested);
            }
        }

        private void hostCallEnds(JsScope scope, int mark, boolean nested) {
            stops.hostCallEnds(nested);
            depth--;
            if (current != scope) closeScopesTo(scope);
            if (handles.height() > mark) handles.releaseTo(mark, backend);
        }

        /** What a host callback's exception (or a stop seen when it returned) becomes in the script. */
        private Object hostCallFailed(Throwable thrown, HostCall call) {
            if (thrown instanceof JsTerminatedException e) {
                if (stops.stopping()) Thread.interrupted(); // a stopper's wake-up must not reach JavaScript
                throw e;
            }
            if (thrown instanceof StackOverflowError) return hostErrors.raiseStackOverflow();
            if (thrown instanceof OutOfMemoryError) throw outOfMemory(); // unwinds the script uncatchably, as any termination
            if (thrown instanceof VirtualMachineError e) throw e;
            if (stops.stopping()) throw stoppedInCallback();
            // an engine that ran out of stack while unwinding a nested overflow reports it wrapped
            if (causedByStackOverflow(thrown)) return hostErrors.raiseStackOverflow();
            JsValue error;
            try {
                error = hostErrors.toJsException(thrown, call.hostFunctionName());
            } catch (JsError makingFailed) {
                // no stack left to make the error in (the engine refused a new entry this deep):
                // throw the runtime's pre-made RangeError, which needs no entry into the engine
                if (!"RangeError".equals(makingFailed.name().orElse(""))) throw makingFailed;
                return hostErrors.raiseStackOverflow();
            }
            return backend.raise(error);
        }

        private JsTerminatedException stoppedInCallback() {
            return JsRuntime.this.stoppedInCallback();
        }

        @Override
        public JsError error(JsValue thrown, String name, String message, String stack, SourceLocation location) {
            Throwable cause = null;
            if (thrown instanceof JsObject o && !o.released) {
                try {
                    if (name == null && isError(o)) {
                        // an object made by a user-defined error constructor: its own name and message
                        name = stringProperty(o, "name", "Error");
                        if (message == null || message.isEmpty()) message = stringProperty(o, "message", "");
                        if (stack == null) stack = stringProperty(o, "stack", null);
                    } else if (name == null) {
                        // a thrown object that is no Error: its name when it has one as data ({name: 'Custom'})
                        if (intrinsics.direct(Intrinsics.NAME_OF, o) instanceof JsString s) name = s.value();
                    }
                    cause = hostErrors.causeOf(o);
                } catch (JsException ignored) {
                    // a proxy or getter refused the lookup: keep what the engine said
                }
            }
            return new JsError(thrown, name, message, stack, location, cause);
        }

        private boolean isError(JsObject o) {
            return hostErrors.isError(o);
        }

        private String stringProperty(JsObject o, String key, String fallback) {
            JsValue v = backend.get(o.handle, JsValue.of(key));
            return v instanceof JsString s ? s.value() : fallback;
        }
    }
}
