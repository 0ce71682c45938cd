package org.jsi4j.graal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.management.ExecutionEvent;
import org.graalvm.polyglot.management.ExecutionListener;

/**
 * The fallback stop for JavaScript that reaches no safepoint, where the thread-local action of
 * {@link GraalStopInstrument} never runs: Truffle polls at loop back edges and at normal returns
 * only, so a recursion whose calls only ever end by throwing ({@code function f() { try { f(); }
 * finally { f(); } }}, which re-enters after each stack overflow and would take exponential time)
 * passes none. Such code can only run on by recursing at the end of its stack, so when a stop is
 * still under way {@link #GRACE_MILLIS} after it was asked for (checked again as often) and the
 * stopped thread's stack is deep, a polyglot listener on function entries is attached to the
 * engine, and for good: it throws the stop at every call made in a stopped context. A stop that
 * lands late for another reason (a long builtin, a host function that does not return) leaves the
 * engine as it is. Attached once and never closed, because attaching
 * or closing a listener while scripts run makes every instrumented function update its probes
 * under its root node's lock, which a script at the end of its stack can leave locked forever. An
 * engine that needed it keeps paying one listener check per call.
 */
final class GraalCallStop {
    /** How long a stop may go unnoticed before the listener is attached. */
    static final long GRACE_MILLIS = 500;
    private static final ScheduledExecutorService ATTACHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jsi4j-graal-call-stop");
        t.setDaemon(true);
        return t;
    });

    private final Engine engine;
    private final GraalStopInstrument.Stops stops;
    /** The stops under way, by the engine-side handle of their context. */
    private final Map<Object, GraalStop> stopping = new ConcurrentHashMap<>();
    private volatile boolean attached;

    GraalCallStop(Engine engine, GraalStopInstrument.Stops stops) {
        this.engine = engine;
        this.stops = stops;
    }

    /** The Java frames ({@code Thread.getStackTrace} stops at 1024 by default) that make a stack deep. */
    static final int DEEP_STACK = 1000;

    /**
     * Throws {@code stop} at every call in the context of {@code handle} once the stop has been
     * under way for the grace time while {@code thread} (the one running the context) is deep in
     * recursion.
     */
    void stop(Object handle, GraalStop stop, Thread thread) {
        stopping.put(handle, stop);
        if (!attached) check(handle, stop, thread);
    }

    private void check(Object handle, GraalStop stop, Thread thread) {
        ATTACHER.schedule(() -> {
            if (attached || stopping.get(handle) != stop) return;
            if (thread.getStackTrace().length >= DEEP_STACK) {
                attach();
            } else {
                check(handle, stop, thread);
            }
        }, GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Ends the stop of the context of {@code handle}. */
    void release(Object handle) {
        stopping.remove(handle);
    }

    private synchronized void attach() {
        if (attached) return;
        ExecutionListener.newBuilder().roots(true)
                .sourceFilter(source -> !GraalHelpers.SOURCE_NAME.equals(source.getName()))
                .onEnter(this::onCall).attach(engine);
        attached = true;
    }

    private void onCall(ExecutionEvent event) {
        if (stopping.isEmpty()) return;
        GraalStop stop = stopping.get(stops.current());
        if (stop != null) throw stop;
    }
}
