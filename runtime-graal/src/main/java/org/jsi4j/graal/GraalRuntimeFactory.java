package org.jsi4j.graal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.Source;
import org.jsi4j.Capabilities;
import org.jsi4j.EngineInfo;
import org.jsi4j.EngineOption;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.spi.SystemLoggerHandler;

/**
 * Makes GraalJS runtimes. All runtimes of one factory share one polyglot {@link Engine}, so code
 * parsed and compiled for one is reused by the next (the code cache); {@link #close()} frees it.
 * Each runtime is a sandboxed {@link org.graalvm.polyglot.Context} with no Java access.
 *
 * <p>Capabilities: the optimizing JIT when the JVM runs the Graal compiler (see the module's
 * README), else interpreter only; snapshots by replay (GraalJS has no heap image on the JVM);
 * time limits, interrupts and statement limits, all leaving the runtime usable. Runtimes with a
 * statement limit run on a second engine, made when the first one is asked for, whose statement
 * counter slows their hot loops down (see {@link GraalStopper}); the others never pay for it.
 * Stack-depth limits count JavaScript frames on a third engine ({@link GraalDepth}) and end the
 * entry with an uncatchable {@code STACK_LIMIT} termination. Its heap is the JVM's, so
 * {@link RuntimeOptions#maxHeapBytes()} is enforced by the core as a budget of bytes the runtime's
 * thread allocates during one entry ({@link org.jsi4j.spi.EngineBackend#heapOnJvm()}).
 */
public final class GraalRuntimeFactory implements JsRuntimeFactory {
    private static final int SOURCES_CACHED = 512;
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED_UP = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.concurrent.atomic.AtomicBoolean MODULES_WARMED_UP = new java.util.concurrent.atomic.AtomicBoolean();

    private final Engine engine;
    private final GraalStopper stopper;
    /** Engines for limited runtimes, made on first use: [0] statement limit, [1] stack depth, [2] both. */
    private final GraalStopper[] limitedStoppers = new GraalStopper[3];
    private final EngineInfo info;
    private final Capabilities capabilities;
    private final GraalOptions graalOptions;
    private final Map<SourceKey, Source> sources = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SourceKey, Source> eldest) {
            return size() > SOURCES_CACHED;
        }
    };
    private volatile boolean closed;

    /** Starts the shared engine. */
    public GraalRuntimeFactory() {
        engine = newEngine();
        stopper = new GraalStopper(engine, false);
        boolean jit = GraalJit.active(engine);
        GraalJit.warnOnceIfInterpreted(jit);
        info = new EngineInfo(GraalEngineProvider.ID, "GraalJS", version(engine));
        graalOptions = new GraalOptions(engine);
        // no explicit microtasks: JavaScriptLanguage.interopBoundaryExit runs every pending promise job whenever
        // the interop depth returns to 0, and no js.* option defers it (JsRuntime.open refuses EXPLICIT)
        capabilities = new Capabilities(jit ? GraalJit.JIT : GraalJit.INTERPRETER, jit,
                Capabilities.SnapshotSupport.PORTABLE_REPLAY,
                Capabilities.allFeaturesExcept(),
                EnumSet.of(Reason.TIME_LIMIT, Reason.INTERRUPTED, Reason.STATEMENT_LIMIT, Reason.MEMORY_LIMIT,
                        Reason.STACK_LIMIT));
    }

    private static Engine newEngine() {
        return engineBuilder().build();
    }

    private static Engine.Builder engineBuilder() {
        return Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .logHandler(new SystemLoggerHandler("org.jsi4j.graal.engine"));
    }

    private static String version(Engine engine) {
        String v = engine.getLanguages().get("js").getVersion();
        if (v != null && !v.isBlank() && Character.isDigit(v.charAt(0))) return v;
        // Maven jars report "Development Build"; their manifests carry the release
        String jar = Engine.class.getPackage().getImplementationVersion();
        return jar != null ? jar : v;
    }

    @Override
    public EngineInfo engine() {
        return info;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** GraalJS's own {@code js.*} options, as {@code graal.js.*} ({@link GraalOptions}). */
    @Override
    public List<EngineOption<?>> engineOptions() {
        return graalOptions.accepted();
    }

    /**
     * A new sandboxed runtime.
     *
     * @throws IllegalStateException when the factory is closed
     */
    @Override
    public JsRuntime create(RuntimeOptions options) {
        if (closed) throw new IllegalStateException("This GraalJS factory is closed; get a new one from JsEngines");
        Map<String, String> inspector = GraalOptions.inspector(graalOptions.resolve(options));
        boolean counting = options.statementLimit() > 0;
        boolean depthLimited = options.maxStackDepth() > 0;
        if (!inspector.isEmpty()) return createInspected(options, inspector, counting, depthLimited);
        if (!counting && !depthLimited) {
            return JsRuntime.open(info, capabilities, options, services -> new GraalBackend(this, stopper, services));
        }
        GraalStopper limited = limitedStopper(counting, depthLimited);
        return JsRuntime.open(info, capabilities, options, services -> new GraalBackend(this, limited, services));
    }

    /**
     * A runtime on an engine of its own running the Chrome DevTools inspector with
     * {@code inspector}'s options; the engine closes with the runtime. The inspector prints its
     * DevTools URL on standard error and, with {@code inspect.Suspend} and
     * {@code inspect.WaitAttached}, holds the first script until a debugger attaches.
     */
    private JsRuntime createInspected(RuntimeOptions options, Map<String, String> inspector, boolean counting,
                                      boolean depthLimited) {
        checkFree(inspector.get(GraalOptions.INSPECT));
        Engine own;
        try {
            own = engineBuilder().allowExperimentalOptions(true).options(inspector).build();
        } catch (org.graalvm.polyglot.PolyglotException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("GraalJS could not start its inspector with " + inspector + ": " + e.getMessage(), e);
        }
        try {
            GraalStopper inspected = new GraalStopper(own, counting, depthLimited);
            return JsRuntime.open(info, capabilities, options, services -> new GraalBackend(this, inspected, services, own));
        } catch (RuntimeException | Error e) {
            own.close(true);
            throw e;
        }
    }

    /**
     * Fails when the inspector's {@code [host:]port} cannot be listened on: the inspector would
     * report it on another thread and leave the runtime waiting for good.
     */
    private static void checkFree(String address) {
        String given = address.trim().equals("true") || address.isBlank() ? "9229" : address.trim(); // the inspector's default
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:(.+):)?(\\d+)").matcher(given);
        if (!m.matches()) return; // "false": no inspector; anything else the inspector refuses itself
        String host = m.group(1) != null ? m.group(1) : "127.0.0.1";
        int port = Integer.parseInt(m.group(2));
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("GraalJS's inspector cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + "); give graal.inspect another port", e);
        }
    }

    /** The stopper of the engine for runtimes with statement and/or stack-depth limits, made on first use. */
    private synchronized GraalStopper limitedStopper(boolean counting, boolean depthLimited) {
        int i = (counting ? 1 : 0) + (depthLimited ? 2 : 0) - 1;
        if (limitedStoppers[i] == null) {
            limitedStoppers[i] = new GraalStopper(newEngine(), counting, depthLimited);
        }
        return limitedStoppers[i];
    }

    /** The cached source for a script, so that every runtime of this factory reuses its parsed code. */
    Source source(String text, String name) {
        SourceKey key = new SourceKey(text, name);
        synchronized (sources) {
            Source s = sources.get(key);
            if (s == null) {
                // jsi4j's own scripts are internal: no debugger stops in them
                s = Source.newBuilder("js", text, name).cached(true).internal(name.startsWith("jsi4j:")).buildLiteral();
                sources.put(key, s);
            }
            return s;
        }
    }

    /**
     * A context that reaches nothing outside JavaScript: no Java, no polyglot, no IO, threads,
     * processes or env; with the GraalJS engine options of {@code options} ({@link GraalOptions}).
     * With {@code modules} (not null), its only files are the module texts served there (a runtime
     * created with a module loader: GraalJS reads the modules it imports through it).
     */
    Context newContext(Engine on, RuntimeOptions options, GraalModuleFiles modules) {
        Context.Builder builder = Context.newBuilder("js")
                .engine(on)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowIO(modules == null ? IOAccess.NONE : IOAccess.newBuilder().fileSystem(modules).build())
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowExperimentalOptions(true)
                .option("js.java-package-globals", "false")
                // the Graal global carries setUnhandledPromiseRejectionHandler: GraalRejections takes it and deletes it
                .option("js.graal-builtin", "true")
                .option("js.unhandled-rejections", "handler")
                .option("js.polyglot-builtin", "false")
                .option("js.print", "false")
                .option("js.load", "false")
                .option("js.console", "false")
                .option("js.global-arguments", "false");
        // an evaluated module source gives its namespace (GraalNativeModules' registry)
        if (modules != null) builder.option("js.esm-eval-returns-exports", "true");
        GraalOptions.apply(builder, graalOptions.resolve(options));
        return builder.build();
    }

    /**
     * Reads an error once per JVM while the stack is shallow. GraalJS loads the classes of its
     * nodes when they first run, and a class whose initializer first runs with the stack nearly
     * exhausted (converting the RangeError of a deep recursion) fails for good in this JVM.
     */
    void warmUp(GraalHelpers helpers) {
        if (WARMED_UP.compareAndSet(false, true)) {
            helpers.errorInfo.execute(helpers.rangeError.execute(GraalErrors.OVERFLOW_MESSAGE));
        }
    }

    /** Once per JVM, in the first runtime with modules, before any entry: a module import ({@link GraalNativeModules#warmUp}). */
    void warmUpModules(GraalNativeModules modules) {
        if (MODULES_WARMED_UP.compareAndSet(false, true)) modules.warmUp();
    }

    /** Closes the shared engine. Runtimes made by this factory must be closed first. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        synchronized (sources) {
            sources.clear();
        }
        engine.close();
        synchronized (this) {
            for (GraalStopper s : limitedStoppers) {
                if (s != null) s.engine().close();
            }
        }
    }

    private record SourceKey(String text, String name) {
    }
}
