package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import java.util.List;
import java.util.Set;
import org.jsi4j.Capabilities;
import org.jsi4j.EngineInfo;
import org.jsi4j.EngineOption;
import org.jsi4j.EsFeature;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.RuntimeOptions;

/**
 * Makes V8 runtimes through Javet: one isolate per {@link JsRuntime}, JIT on, scripts in sloppy
 * mode. With the plain Javet native {@code Intl} and {@code \p{…}} regular expressions are absent;
 * with the i18n one ({@code javet-v8-<os>-<arch>-i18n} and an ICU data file, see {@link V8IcuData})
 * they are present, and {@link #capabilities()} says which. V8 counts no statements and limits its stack by size (not depth):
 * under {@link RuntimeOptions#statementLimit()} or {@link RuntimeOptions#maxStackDepth()} every
 * script is rewritten to count itself ({@link V8Counting}; needs swc4j on the class path), and a
 * recursion past {@code maxStackDepth} is a catchable {@code RangeError}, as V8's own stack overflow
 * and Rhino's depth limit are. Each runtime's heap is limited to
 * {@link RuntimeOptions#maxHeapBytes()}, or {@link #DEFAULT_HEAP_LIMIT} when it is 0.
 *
 * <p>Stack guards keep V8 from aborting the process when JavaScript and Java call each other:
 * calls from JavaScript into Java nest at most {@value V8Callback#MAX_NESTING} deep, and every
 * entry into V8 checks that the stack pointer is still above V8's limit (where it cannot be read,
 * once a host callback has entered V8 again, each call into Java first checks that 16 KB of V8's
 * stack are still free); each failing is a {@code RangeError} ("Maximum call stack size
 * exceeded"). A runtime is refused on a thread whose stack is smaller than V8's limit
 * ({@code -Djsi.v8.stackSizeKb}, 512 KB by default) plus 96 KB: see {@link V8Limits}.
 *
 * <p>The factory's runtimes share a V8 code cache ({@link V8Scripts}): a script of 1 KB or more
 * that one runtime compiled (evaluated or prepared) is deserialized by the next instead of parsed
 * and compiled again. Runtimes that may take a snapshot (made for snapshotting or restored from
 * one) compile for themselves: V8 aborts the process when such an isolate serializes code.
 */
public final class V8RuntimeFactory implements JsRuntimeFactory {
    /** The engine id. */
    public static final String ID = "v8";
    /** The heap limit of a runtime whose options give none: 512 MB. */
    public static final long DEFAULT_HEAP_LIMIT = 512L << 20;
    /** The smallest heap limit V8 can start with. */
    public static final long MIN_HEAP_LIMIT = 16L << 20;

    /**
     * What V8 does here. No explicit microtasks: that would need Isolate::SetMicrotasksPolicy(kExplicit),
     * which Javet 5.0.6 binds nowhere (its native library exports only its JNI entry points), so
     * {@link JsRuntime#open} refuses MicrotaskPolicy.EXPLICIT.
     */
    private static final Capabilities CAPABILITIES = new Capabilities(
            "V8 JIT (Ignition interpreter, Sparkplug, Maglev and TurboFan compilers)", true,
            Capabilities.SnapshotSupport.NATIVE,
            V8IcuData.nativeIsI18n() ? Capabilities.allFeaturesExcept()
                    : Capabilities.allFeaturesExcept(EsFeature.INTL, EsFeature.REGEXP_UNICODE_PROPERTIES),
            Set.of(JsTerminatedException.Reason.TIME_LIMIT, JsTerminatedException.Reason.MEMORY_LIMIT,
                    JsTerminatedException.Reason.INTERRUPTED, JsTerminatedException.Reason.STATEMENT_LIMIT));

    /** {@code -Djsi.v8.codeCache=false} turns the code cache off (to measure what it saves). */
    private static final boolean CODE_CACHE = !"false".equals(System.getProperty("jsi.v8.codeCache"));

    private volatile EngineInfo engine;
    private final V8Scripts scripts = new V8Scripts();

    /** A factory; the native library loads when the first runtime (or {@link #engine()}) is made. */
    public V8RuntimeFactory() {
    }

    @Override
    public EngineInfo engine() {
        EngineInfo e = engine;
        if (e == null) {
            V8Runtime probe = V8Platform.newRuntime();
            try {
                e = new EngineInfo(ID, "V8 " + probe.getVersion() + " via Javet " + V8Platform.host().getJavetVersion(),
                        probe.getVersion());
            } finally {
                closeQuietly(probe);
            }
            engine = e;
        }
        return e;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** {@link V8Options#ALL}. */
    @Override
    public List<EngineOption<?>> engineOptions() {
        return V8Options.ALL;
    }

    /**
     * A new runtime.
     *
     * @throws IllegalArgumentException for options V8 cannot honour, or an unknown or malformed engine option
     * @throws IllegalStateException when {@code v8.flags} differ from those V8 was loaded with
     */
    @Override
    public JsRuntime create(RuntimeOptions options) {
        return create(options, backend -> { });
    }

    /** {@link #create(RuntimeOptions)}, handing the backend to {@code made} (for tests). */
    JsRuntime create(RuntimeOptions options, java.util.function.Consumer<V8Backend> made) {
        V8Counting counting = V8Counting.of(options);
        if (counting != null) V8Counting.checkAvailable(options);
        long heap = options.maxHeapBytes() == 0 ? DEFAULT_HEAP_LIMIT : options.maxHeapBytes();
        if (heap < MIN_HEAP_LIMIT) {
            throw new IllegalArgumentException("maxHeapBytes=" + options.maxHeapBytes() + " is below the "
                    + (MIN_HEAP_LIMIT >> 20) + " MB a V8 isolate needs; give at least " + MIN_HEAP_LIMIT);
        }
        String flags = V8Options.flags(options);
        V8Platform.host(flags); // before engine(), which loads V8 too: the flags must come first
        EngineInfo info = engine();
        V8Limits.checkOwnerThread();
        // a runtime that counts restores by replaying the setup, which is rewritten like any script: an
        // image's functions were compiled without the checks
        V8Image image = counting != null ? null : V8Image.usable(options.restore(), info.version());
        V8Runtime rt = V8Platform.newRuntime(options.journaling(), image == null ? null : image.v8(), flags);
        V8Backend[] backend = new V8Backend[1];
        try {
            V8Debugger.Settings inspect = V8Options.inspector(options);
            return JsRuntime.open(info, CAPABILITIES, options, services -> {
                backend[0] = new V8Backend(rt, services, heap, image, options.journaling() || !CODE_CACHE ? null : scripts,
                        counting);
                made.accept(backend[0]);
                if (inspect != null) backend[0].inspect(inspect, info.name());
                return backend[0];
            });
        } catch (RuntimeException | Error e) {
            // a backend made before the failure (its inspector could not start, say) closes its handles with the isolate
            if (backend[0] == null) {
                closeQuietly(rt);
            } else {
                try {
                    backend[0].close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Scripts this factory's runtimes compiled from another runtime's cached code instead of parsing again. */
    long reusedScripts() {
        return scripts.reused();
    }

    /** Cached code a runtime of this factory refused and replaced by its own. */
    long refusedScripts() {
        return scripts.refused();
    }

    /** The factory's code cache (for tests). */
    V8Scripts scripts() {
        return scripts;
    }

    private static void closeQuietly(V8Runtime rt) {
        try {
            rt.close();
        } catch (JavetException ignored) {
            // nothing more can be done for an isolate that fails to close
        }
    }
}
