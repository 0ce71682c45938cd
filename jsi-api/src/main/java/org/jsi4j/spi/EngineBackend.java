package org.jsi4j.spi;

import java.util.List;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;

/**
 * One engine instance behind a {@link org.jsi4j.JsRuntime}: the whole of what a backend
 * implements. The core checks threads, liveness and runtime ownership before every call, so a
 * backend sees only its own live handles (the {@code Object}s it gave to
 * {@link RuntimeServices#wrap}) on the owner thread. Every JavaScript value a backend returns is
 * a primitive {@link JsValue} or a handle from {@link RuntimeServices#wrap}; every engine
 * exception becomes a {@link org.jsi4j.JsException} (use {@link RuntimeServices#error} for
 * thrown values).
 *
 * <p>Only {@link #interrupt()} is called from other threads.
 */
public interface EngineBackend {
    /** Evaluates a script in the global scope and returns its completion value. */
    JsValue evaluate(String source, String sourceName);

    /** Compiles a script for {@link #run(Object)}; throws {@link org.jsi4j.JsSyntaxError}. */
    Object compile(String source, String sourceName);

    /** Runs a script from {@link #compile}. */
    JsValue run(Object compiled);

    /** The global object. */
    JsObject global();

    /** {@code object[key]}; the key is a {@code JsString}, {@code JsNumber} (index) or {@code JsSymbol}. */
    JsValue get(Object object, JsValue key);

    /** {@code object[key] = value}, throwing as strict-mode code would on failure. */
    void set(Object object, JsValue key, JsValue value);

    /** {@code key in object}. */
    boolean has(Object object, JsValue key);

    /** {@code delete object[key]}. */
    boolean delete(Object object, JsValue key);

    /** {@code Object.keys(object)}. */
    List<String> propertyNames(Object object);

    /** Calls a function. */
    JsValue call(Object function, JsValue thisValue, List<JsValue> args);

    /** {@code new function(...args)}. */
    JsObject construct(Object function, List<JsValue> args);

    /** {@code object instanceof constructor}. */
    boolean instanceOf(Object object, Object constructor);

    /** {@code a === b} for two objects. */
    boolean sameObject(Object a, Object b);

    /** The host object behind {@code object}, or {@code null}. */
    HostObject hostObjectOf(Object object);

    /**
     * The engine's own conversion of whole graphs to and from Java data
     * ({@link org.jsi4j.JsRuntime#toJavaData}), or null (the default) to let the core walk the graph
     * through this SPI property by property.
     */
    default JsonGraphs jsonGraphs() {
        return null;
    }

    /** {@code {}}. */
    JsObject newObject();

    /** An array of the elements. */
    JsArray newArray(List<JsValue> elements);

    /** An {@code ArrayBuffer} holding a copy of the bytes. */
    JsArrayBuffer newArrayBuffer(byte[] bytes);

    /** A copy of an {@code ArrayBuffer}'s bytes. */
    byte[] arrayBufferBytes(Object buffer);

    /**
     * A view of an {@code ArrayBuffer}'s memory without a copy, or {@code null} when the engine
     * cannot share it. Never called on a detached buffer.
     */
    java.nio.ByteBuffer arrayBufferView(Object buffer);

    /**
     * An {@code ArrayBuffer} over {@code memory}'s remaining bytes: sharing them where the engine
     * can, else holding a copy.
     */
    default JsArrayBuffer newArrayBuffer(java.nio.ByteBuffer memory) {
        byte[] bytes = new byte[memory.remaining()];
        memory.duplicate().get(bytes);
        return newArrayBuffer(bytes);
    }

    /** The {@link HostFunction} behind a function made by {@link #newFunction}, or {@code null}. */
    HostFunction hostFunctionOf(Object function);

    /** {@code Symbol(description)}. */
    JsSymbol newSymbol(String description);

    /**
     * A function that runs {@code function} through {@link RuntimeServices#hostCall}, with
     * {@code name} and {@code length} visible in JavaScript and {@code this} passed through.
     */
    JsFunction newFunction(String name, int length, HostFunction function);

    /** The JavaScript face of a host object, behaving as an ordinary object. */
    JsObject newHostObject(HostObject host);

    /**
     * Inside a host callback: makes the engine throw {@code error} to the script. Either throws
     * the engine's exception or returns what the callback must hand back to the engine.
     */
    Object raise(JsValue error);

    /** Runs pending promise jobs until none remain. */
    void drainMicrotasks();

    /**
     * JSI's {@code drainMicrotasks(maxMicrotasksHint)}: runs pending promise jobs, at most
     * {@code maxMicrotasksHint} of them where the engine can stop early (-1: all), and answers
     * whether none remain. The default runs them all ({@link #drainMicrotasks()}) and answers true.
     */
    default boolean drainMicrotasks(int maxMicrotasksHint) {
        drainMicrotasks();
        return true;
    }

    /**
     * Called by the core after every outermost entry from Java into JavaScript (an evaluation, a
     * prepared script, a call) returns normally, so that pending promise jobs run before control
     * returns to Java. The default runs {@link #drainMicrotasks()}; an engine that already runs
     * them itself when the outermost call returns (V8's automatic microtask checkpoint) overrides
     * this to do nothing and save a second trip into the engine on every call.
     */
    default void afterOutermostEntry() {
        drainMicrotasks();
    }

    /** From any thread: stop the running script soon with a {@link org.jsi4j.JsTerminatedException}. */
    void interrupt();

    /** After a stopped script: make the engine ready to run code again. */
    void resetInterrupt();

    /**
     * How often the core's watchdog should call {@link #watch()} while an outermost entry runs
     * (also after it was stopped, until it ends), in nanoseconds; 0, the default, never. For an
     * engine that samples its own limits or must repeat a stop request it may have lost; the core
     * then serves it with the runtime's one watchdog task instead of a thread of the engine's own.
     */
    default long watchPeriodNanos() {
        return 0;
    }

    /**
     * Called on the core's watchdog thread every {@link #watchPeriodNanos()} while an outermost
     * entry runs or is being stopped (never concurrently with itself); like {@link #interrupt()}
     * it runs on another thread than the runtime's, so it may only use what the engine allows
     * from there.
     */
    default void watch() {
    }

    /** A second, independent handle to the same object (for {@link org.jsi4j.JsRef}). */
    Object duplicate(Object handle);

    /** Lets a handle go (closes it where the engine has handles). */
    void release(Object handle);

    /** A weak token for the object behind {@code handle}. */
    Object weaken(Object handle);

    /** A new strong handle from a weak token, or {@code null} when collected; {@link #kindOf} tells its kind. */
    Object deref(Object weak);

    /** The kind of object behind a handle. */
    ObjectKind kindOf(Object handle);

    /** Drops a weak token. */
    void releaseWeak(Object weak);

    /** Asks the engine to collect garbage now, as fully as it can. */
    void collectGarbage();

    /** Handles the engine itself counts, or {@code -1}. */
    long engineReferences();

    /**
     * The engine's native heap image for {@link org.jsi4j.JsRuntime#snapshot()}, or {@code null}
     * when the engine has none (the snapshot then holds only the portable journal). Called only
     * on a runtime whose options {@link org.jsi4j.RuntimeOptions#journaling() journal}, outside
     * any script. {@code externals} maps each named external to its Java implementation (a
     * {@link HostFunction} or {@link HostObject}); on restore the backend finds the
     * implementations under the same names in {@link org.jsi4j.RuntimeOptions#externals()}.
     * Throw {@link org.jsi4j.JsSnapshotException} to refuse with a reason.
     */
    default byte[] snapshotImage(java.util.Map<String, Object> externals) {
        return null;
    }

    /**
     * True when this backend was built from the native image of
     * {@link org.jsi4j.RuntimeOptions#restore()} (and rebound its externals); the core then does
     * not replay the journal. A backend that cannot use the image (another engine or version)
     * returns false and the core replays.
     */
    default boolean restoredFromImage() {
        return false;
    }

    /**
     * Whether the engine keeps its objects on the JVM heap (Rhino, GraalJS on the JVM) rather than
     * in a heap of its own it can limit (V8). When true, the core enforces
     * {@link org.jsi4j.RuntimeOptions#maxHeapBytes()} (by default half the JVM's maximum heap, and
     * then only while the JVM's heap is over 70% full) as a
     * budget of bytes the runtime's thread may allocate during one entry from Java into
     * JavaScript, sampled every few milliseconds, and stops the entry with a
     * {@link org.jsi4j.JsTerminatedException} of reason {@code MEMORY_LIMIT} through
     * {@link #interrupt()}. When false the backend enforces {@code maxHeapBytes} itself.
     */
    default boolean heapOnJvm() {
        return false;
    }

    /**
     * Starts recording promises that are rejected while no handler is attached (called once, when
     * the first {@link org.jsi4j.UnhandledRejectionListener} is set). A promise that gets a handler
     * before {@link #takeRejections()} is called is dropped from the record.
     */
    default void trackRejections() {
        throw new UnsupportedOperationException("this backend does not report unhandled promise rejections");
    }

    /**
     * The promises recorded by {@link #trackRejections()} that are still rejected without a handler,
     * oldest first where the engine keeps the order, and forgets them. Called by the core outside any script, after an outermost entry
     * and its promise jobs; values are wrapped with {@link RuntimeServices#wrap}.
     */
    default List<RejectedPromise> takeRejections() {
        return List.of();
    }

    /** The engine's own ES modules, or null when it has none (the module system then translates modules). */
    default NativeModules nativeModules() {
        return null;
    }

    /** Frees the engine. Handles are released before this is called. */
    void close();
}
