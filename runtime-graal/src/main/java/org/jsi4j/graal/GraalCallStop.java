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
 * passes none. When a stop is still under way {@link #GRACE_MILLIS} after it was asked for, a
 * polyglot listener on function entries is attached to the engine, and for good: it throws the
 * stop at every call made in a stopped context. Attached once and never closed, because attaching
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

    /** Throws {@code stop} at every call in the context of {@code handle} if the stop is still under way after the grace time. */
    void stop(Object handle, GraalStop stop) {
        stopping.put(handle, stop);
        if (attached) return;
        ATTACHER.schedule(() -> {
            if (stopping.get(handle) == stop) attach();
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
