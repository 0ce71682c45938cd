package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.exceptions.JavetScriptingError;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.converters.BaseJavetConverter;
import com.caoccao.javet.interop.converters.JavetConverterConfig;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.IV8ValueReference;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the object a script threw, which Javet 5.0.6 drops. Javet's native code wraps the thrown
 * value in a Java handle (registering it in the runtime's reference map), converts it into a copy
 * inside the {@link JavetScriptingError} constructor and closes the handle there, before jsi4j
 * sees the exception. This class replaces that map (a package-private field of the pinned Javet
 * version, found by reflection) with one that watches registrations:
 * <ul>
 *   <li>while code runs JavaScript from Java ({@link #enter()}; host callbacks switch it off),
 *       the first handle registered after the last switch is the <em>candidate</em>: when V8
 *       throws out of the script, the thrown value's handle is registered before anything else;</li>
 *   <li>when the candidate is closed from inside the {@code JavetScriptingError} constructor
 *       (checked on the stack, which happens at most once per entry), a clone is kept, which
 *       {@link #take()} hands to the error translation.</li>
 * </ul>
 * Javet's {@code JavetScriptingError} converts the thrown value into Java maps and copies with
 * its private converter, reading {@code message}, {@code name}, {@code toString()} and every own
 * property, which runs script-defined getters, {@code toString} and Proxy traps from inside native
 * exception handling: a throwing one aborts V8 ({@code Check failed: has_exception()}) and a revoked
 * Proxy is a SIGSEGV. This class therefore also <em>defuses</em> that converter: its configuration
 * is replaced by {@link DefusingConfig}, whose depth limit is 0 while a candidate is pending on
 * the current thread, so the converter refuses the thrown object before touching it and the
 * error keeps only its position. The object itself is then read by {@link V8Errors}, guarded.
 * Primitives have no handle; no candidate is pending then, so Javet converts them (no script
 * code runs for a primitive) and reports them exactly as Java values. When the field is
 * missing (another Javet version) or cannot be set, nothing is installed, {@link #installed()} is
 * false and errors fall back to Javet's copies. The field is {@code final}: JDK 25 sets it silently;
 * JDK 26 (JEP 500) warns unless run with {@code --enable-final-field-mutation=ALL-UNNAMED}, and a
 * later JDK that refuses lands in that fallback.
 */
final class V8ThrowCapture {
    private static final Field REFERENCE_MAP = referenceMapField();
    /** Whether Javet's scripting-error converter refuses thrown objects (see {@link DefusingConfig}). */
    private static final boolean DEFUSED = DefusingConfig.install();
    /** The registry whose candidate is pending on this thread, or null. */
    private static final ThreadLocal<Registry> PENDING = new ThreadLocal<>();

    private final Registry registry;

    private V8ThrowCapture(Registry registry) {
        this.registry = registry;
    }

    /** Starts watching {@code rt}'s handles, or returns a capture that never captures. */
    static V8ThrowCapture install(V8Runtime rt) {
        if (REFERENCE_MAP == null || !DEFUSED) return new V8ThrowCapture(null);
        try {
            Object current = REFERENCE_MAP.get(rt);
            if (current == null || current.getClass() != HashMap.class) return new V8ThrowCapture(null);
            @SuppressWarnings("unchecked")
            Registry registry = new Registry((Map<Long, IV8ValueReference>) current);
            REFERENCE_MAP.set(rt, registry);
            return new V8ThrowCapture(registry);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new V8ThrowCapture(null);
        }
    }

    private static Field referenceMapField() {
        try {
            Field f = V8Runtime.class.getDeclaredField("referenceMap");
            if (f.getType() != Map.class) return null;
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether thrown objects are captured (false when this Javet version hides its reference map). */
    boolean installed() {
        return registry != null;
    }

    /**
     * Whether the converter refused a thrown object since the last {@link #enter()} although no
     * clone of it could be kept; clears the flag. The error then has no value to report.
     */
    boolean takeLost() {
        if (registry == null || !registry.lost) return false;
        registry.lost = false;
        return true;
    }

    /** Java starts running JavaScript: watch for a thrown value. Returns the state to restore. */
    boolean enter() {
        if (registry == null) return false;
        discard(take());  // a value captured for an exception nobody translated
        registry.lost = false;
        return registry.track(true);
    }

    /** A host callback starts: handles made now belong to Java code. Returns the state to restore. */
    boolean enterCallback() {
        return registry != null && registry.track(false);
    }

    /** Restores the state from before the matching {@link #enter()} or {@link #enterCallback()}. */
    void leave(boolean previous) {
        if (registry != null) registry.track(previous);
    }

    private static void discard(V8Value stale) {
        if (stale == null) return;
        try {
            stale.close();
        } catch (JavetException ignored) {
            // the runtime is closing: nothing left to free
        }
    }

    /** The captured thrown value (the caller owns it), or {@code null}. */
    V8Value take() {
        if (registry == null) return null;
        V8Value v = registry.captured;
        registry.captured = null;
        return v;
    }

    /**
     * The runtime's reference map, watching for the thrown value's handle. All calls come under
     * Javet's reference lock.
     */
    private static final class Registry extends HashMap<Long, IV8ValueReference> {
        private boolean tracking;
        private boolean cloning;
        private IV8ValueReference candidate;
        private V8Value captured;
        private boolean refused;
        private boolean lost;

        Registry(Map<Long, IV8ValueReference> existing) {
            super(existing);
        }

        boolean track(boolean on) {
            boolean previous = tracking;
            tracking = on;
            clearCandidate();
            return previous;
        }

        private void clearCandidate() {
            if (candidate != null) {
                candidate = null;
                refused = false;
                PENDING.remove();
            }
        }

        @Override
        public IV8ValueReference put(Long handle, IV8ValueReference reference) {
            if (tracking && candidate == null && !cloning) {
                candidate = reference;
                PENDING.set(this);
            }
            return super.put(handle, reference);
        }

        @Override
        public IV8ValueReference remove(Object handle) {
            IV8ValueReference reference = super.remove(handle);
            if (reference != null && reference == candidate) {
                boolean wasRefused = refused;
                clearCandidate();
                // still alive here: Javet frees the native handle after removing it from the map
                if (wasRefused || closedByScriptingError()) keep(reference);
            }
            return reference;
        }

        private void keep(IV8ValueReference reference) {
            cloning = true;
            try {
                V8Value old = captured;
                captured = reference.toClone();
                if (old != null) old.close();
            } catch (JavetException e) {
                captured = null;
                lost = true;  // the error is reported without its value
            } finally {
                cloning = false;
            }
        }

        private static boolean closedByScriptingError() {
            return StackWalker.getInstance().walk(frames -> frames.limit(24).anyMatch(f ->
                    f.getClassName().equals(JavetScriptingError.class.getName()) && f.getMethodName().equals("<init>")));
        }
    }

    /**
     * The configuration of Javet's private scripting-error converter: a depth limit of 0 (the
     * converter then throws before it reads anything) while this thread has a pending candidate,
     * i.e. while the value being reported is an object, symbol or function that the capture keeps;
     * Javet's own limit otherwise (a thrown primitive, or an error outside any entry).
     */
    private static final class DefusingConfig extends JavetConverterConfig<DefusingConfig> {
        private final int defaultDepth;

        private DefusingConfig(int defaultDepth) {
            this.defaultDepth = defaultDepth;
        }

        /** Installs itself on {@code JavetScriptingError}'s converter; whether that worked. */
        static boolean install() {
            try {
                Field f = JavetScriptingError.class.getDeclaredField("CONVERTER");
                f.setAccessible(true);
                if (!(f.get(null) instanceof BaseJavetConverter converter)) return false;
                if (!(converter.getConfig() instanceof DefusingConfig)) {
                    converter.setConfig(new DefusingConfig(converter.getConfig().getMaxDepth()));
                }
                return true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }

        @Override
        public int getMaxDepth() {
            Registry pending = PENDING.get();
            if (pending != null && pending.candidate != null) {
                pending.refused = true;
                return 0;
            }
            return defaultDepth;
        }
    }
}
