package org.jsi4j.rhino;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.jsi4j.EngineOption;
import org.jsi4j.Capabilities;
import org.jsi4j.EngineInfo;
import org.jsi4j.EsFeature;
import org.jsi4j.JsEngineException;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsTerminatedException.Reason;
import org.jsi4j.RuntimeOptions;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ScriptRuntime;

/**
 * Makes Rhino runtimes. Scripts are compiled to JVM bytecode (Rhino's compiled mode), run
 * sandboxed without any access to Java, and can be stopped by time and instruction limits.
 * A runtime created with {@link RuntimeOptions#maxStackDepth()} runs in Rhino's interpreter
 * instead, which is what enforces the depth (as a catchable {@code RangeError}; frames that
 * {@code eval}, built-ins and host calls start count too, see {@code InterpreterDepth}).
 * {@link RuntimeOptions#statementLimit()} counts Rhino's instruction units (see
 * {@code RhinoLimits}). A runtime that records its setup for snapshots
 * ({@link RuntimeOptions#forSnapshotting()}, or restored) runs in the interpreter too, since
 * Rhino's snapshot image serializes the global scope and only interpreted functions serialize. Safe to use from any thread; each runtime belongs to the thread that
 * created it.
 */
public final class RhinoRuntimeFactory implements JsRuntimeFactory {
    /** The engine id. */
    public static final String ID = "rhino";

    /**
     * What Rhino 1.9.2 lacks, each checked by experiment (see RhinoCapabilitiesTest): no
     * {@code class}, no {@code async}/{@code await}, no call spread {@code f(...a)} (array and
     * object spread work), no {@code WeakRef}, no {@code Intl}. {@code LET_CONST} is declared present although
     * {@code const} is refused in {@code for…of}/{@code for…in} heads.
     */
    static final EnumSet<EsFeature> ABSENT = EnumSet.of(EsFeature.CLASSES, EsFeature.ASYNC_AWAIT,
            EsFeature.SPREAD, EsFeature.WEAK_REF, EsFeature.INTL,
            // Rhino 1.9.2 passes the global object to strict functions called without a receiver
            // and boxes primitive receivers (mozilla/rhino#940)
            EsFeature.STRICT_MODE_THIS,
            // no ES modules: jsi4j translates them (docs/modules.md)
            EsFeature.MODULE_RECORDS);

    private static final Capabilities CAPABILITIES = new Capabilities(
            "compiled to JVM bytecode (Rhino's optimizer); no JIT of its own, HotSpot JIT-compiles the generated classes;"
                    + " runtimes made for or from snapshots, or with maxStackDepth, run in Rhino's interpreter",
            false, Capabilities.SnapshotSupport.SERIALIZED,
            Capabilities.allFeaturesExcept(ABSENT.toArray(EsFeature[]::new)),
            EnumSet.of(Reason.TIME_LIMIT, Reason.STATEMENT_LIMIT, Reason.MEMORY_LIMIT, Reason.INTERRUPTED),
            // Rhino runs promise jobs only when asked (Context.processMicrotasks)
            true);

    /** The largest {@link RuntimeOptions#maxStackDepth()} Rhino's interpreter can enforce. */
    static final int MAX_STACK_DEPTH = Short.MAX_VALUE - 1;

    private final SandboxContextFactory contexts = new SandboxContextFactory();
    private final RhinoScripts scripts = new RhinoScripts();
    private final EngineInfo engine;

    /** A factory with its own Rhino {@code ContextFactory}. */
    public RhinoRuntimeFactory() {
        String version;
        try (Context cx = contexts.enterContext()) {
            version = cx.getImplementationVersion();
            // Rhino loads its message bundle on first use. If that first use came during a stack
            // overflow, the JVM would mark the ResourceBundle classes as failed for good
            // (ExceptionInInitializerError) and every later Rhino error would fail, so load it now.
            ScriptRuntime.getMessageById("msg.no.properties", "");
        }
        // the same for the classes first used when a script is stopped or fails, often deep in a stack
        for (Class<?> type : new Class<?>[] {Termination.class, HostFailure.class, JsTerminatedException.Reason.class,
                JsTerminatedException.class, JsEngineException.class, JsSyntaxError.class, JsError.class}) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("jsi4j's Rhino backend is missing " + type.getName(), e);
            }
        }
        // Rhino reads Java stack traces to report script stacks and syntax errors. The first
        // getStackTrace() of a JVM initializes the JDK's StackTraceElement$HashedModules; if that
        // first time came during a stack overflow, its initializer would fail and every later stack
        // trace in the JVM would throw NoClassDefFoundError (seen with host re-entry on a 256 KB thread)
        new Throwable().getStackTrace();
        this.engine = new EngineInfo(ID, "Mozilla Rhino", version == null ? "unknown" : version.replace("Rhino ", ""));
    }

    @Override
    public EngineInfo engine() {
        return engine;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public JsRuntime create(RuntimeOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.maxStackDepth() > MAX_STACK_DEPTH) {
            throw new IllegalArgumentException("Rhino can limit the JavaScript stack to at most " + MAX_STACK_DEPTH
                    + " calls (its interpreter counts frames in a short); RuntimeOptions.maxStackDepth was "
                    + options.maxStackDepth() + ". Use a smaller maxStackDepth, or 0 for compiled mode without a limit");
        }
        RhinoOptions.resolve(options);
        return JsRuntime.open(engine, CAPABILITIES, options, services -> new RhinoBackend(contexts, scripts, services, engine.version()));
    }

    /** {@link RhinoOptions#ALL}. */
    @Override
    public List<EngineOption<?>> engineOptions() {
        return RhinoOptions.ALL;
    }

    /** Compiled scripts this factory's runtimes reused instead of compiling again. */
    long reusedScripts() {
        return scripts.hits();
    }
}
