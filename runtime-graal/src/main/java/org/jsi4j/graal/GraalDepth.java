package org.jsi4j.graal;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.management.ExecutionEvent;
import org.graalvm.polyglot.management.ExecutionListener;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsTerminatedException.Reason;

/**
 * {@link org.jsi4j.RuntimeOptions#maxStackDepth()} on GraalJS: a polyglot {@link ExecutionListener}
 * on roots counts the JavaScript frames (functions, scripts, {@code eval} and {@code new Function}
 * code; builtins such as {@code Array.prototype.map} are no roots, and jsi4j's own helper script is
 * filtered out, so neither is counted) of the
 * runtime entered on the thread, and a call past the limit stops the entry ({@link GraalStopper#stopCurrent}).
 *
 * <p>Why a termination and not a catchable {@code RangeError} as on Rhino: whatever a polyglot
 * listener throws reaches the script as a host exception (a JavaScript {@code catch} would see an
 * opaque host object, not a {@code RangeError}), and GraalJS's own stack-overflow error comes only
 * from the Java stack. So the entry ends with {@link Reason#STACK_LIMIT}: once tripped, the
 * {@link GraalStopper} stops the context at every safepoint (as it does for an interrupt) until
 * the outermost entry ends, so no {@code catch} block sees the stop and no {@code finally} block
 * runs on past its next call or loop. The runtime stays usable.
 *
 * <p>The listener is attached for good to an engine made only for depth-limited runtimes: it
 * slows every call down, and the other runtimes never pay for it.
 */
final class GraalDepth {
    private final ThreadLocal<Frames> current = new ThreadLocal<>();
    private final GraalStopper stopper;

    /** Attaches the counting listener to {@code engine} for as long as the engine lives. */
    GraalDepth(Engine engine, GraalStopper stopper) {
        this.stopper = stopper;
        ExecutionListener.newBuilder().roots(true)
                .sourceFilter(source -> !GraalHelpers.SOURCE_NAME.equals(source.getName()))
                .onEnter(this::onEnter).onReturn(this::onReturn).attach(engine);
    }

    /** The frames of one runtime; the count restarts at each outermost entry. */
    static final class Frames {
        private final int limit;
        private int depth;
        private boolean tripped;
        /** The stop of the context while tripped and its action, cancelled by {@link #release}. */
        private GraalStop thrown;
        private Runnable stop;

        Frames(int limit) {
            this.limit = limit;
        }

        void restart() {
            depth = 0;
            tripped = false;
        }

        /** Ends the stop of an entry that passed the limit (at the end of the outermost entry). */
        void release() {
            if (stop != null) stop.run();
            stop = null;
            thrown = null;
        }

        /** The stop of an entry that passed the limit, or null. */
        GraalStop stop() {
            return thrown;
        }

        GraalStop exceeded() {
            return new GraalStop(new JsTerminatedException(Reason.STACK_LIMIT, "The script nested function calls deeper"
                    + " than " + limit + " frames (RuntimeOptions.maxStackDepth) and was stopped; on GraalJS this"
                    + " cannot be caught by JavaScript. Raise the limit or make the recursion shallower."
                    + " The runtime is still usable.", true));
        }
    }

    /**
     * Makes {@code frames} the count charged on this thread; returns the previous one, for
     * {@link #leave}. Runtimes nest on a thread (a host callback of one runtime may run code in
     * another), so each entry swaps its own count in and back out.
     */
    Frames enter(Frames frames) {
        Frames previous = current.get();
        current.set(frames);
        return previous;
    }

    /** Puts back the count {@link #enter} returned. */
    void leave(Frames previous) {
        current.set(previous);
    }

    /**
     * Past the limit, stops the context through {@link GraalStopper#stopCurrent} instead of
     * throwing here: what a polyglot listener throws reaches the script as a host exception, which
     * a JavaScript {@code catch} catches, while the stop's own throw at the next call or safepoint
     * is a {@link GraalStop} no {@code catch} sees.
     */
    private void onEnter(ExecutionEvent event) {
        Frames f = current.get();
        if (f != null && ++f.depth > f.limit && !f.tripped) {
            f.tripped = true;
            f.thrown = f.exceeded();
            f.stop = stopper.stopCurrent(f.thrown);
        }
    }

    private void onReturn(ExecutionEvent event) {
        Frames f = current.get();
        if (f != null) f.depth--;
    }
}
