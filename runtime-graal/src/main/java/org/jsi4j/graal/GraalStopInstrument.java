package org.jsi4j.graal;

import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.nodes.LanguageInfo;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

/**
 * Stops a GraalJS context with a Truffle thread-local action: at the next safepoint of its thread
 * (every loop back edge and call, in builtins too) the action throws a {@link GraalStop}, a
 * {@link ThreadDeath} that no JavaScript {@code catch} catches and that GraalJS's promise jobs do
 * not turn into a rejection, and it does so again at every later safepoint until cancelled.
 *
 * <p>Why not {@code Context.interrupt}: the exception it throws is an ordinary Truffle exception,
 * which a JavaScript {@code catch} catches and a promise reaction job turns into a rejected
 * promise; a microtask flood interrupted that way just ends. Why not a statement listener attached
 * at stop time (the former way): attaching or closing one changes the engine's instrumentation, and
 * every instrumented function then updates its probes under its root node's lock on its next run;
 * a script recursing at the end of its stack gets the {@link StackOverflowError} right after
 * taking that lock, so it is never released, and every later attach on the engine (the next stop
 * of any runtime) waits for it forever. A thread-local action changes no code and takes no lock.
 */
final class GraalStopInstrument extends TruffleInstrument {
    static final String ID = "jsi4j-stop";

    @Override
    protected void onCreate(Env env) {
        env.registerService(new Stops(env));
    }

    /** The service the engine hands out: what the rest of the backend calls. */
    static final class Stops {
        private final Env env;

        private Stops(Env env) {
            this.env = env;
        }

        /** The stops of {@code engine}'s contexts (creates the instrument on the engine the first time). */
        static Stops of(Engine engine) {
            Stops stops = engine.getInstruments().get(ID).lookup(Stops.class);
            if (stops == null) throw new IllegalStateException("the jsi4j stop instrument is not installed in this engine");
            return stops;
        }

        /** The engine-side handle of {@code context}, for {@link #stop}. */
        Object handleOf(Context context) {
            context.enter();
            try {
                return env.getEnteredContext();
            } finally {
                context.leave();
            }
        }

        /** The engine-side handle of the context entered on this thread (inside guest code). */
        Object current() {
            return env.getEnteredContext();
        }

        /**
         * Throws {@code stop}'s exception on every thread running in the context of {@code handle} at
         * each safepoint until the returned future is cancelled. Never blocks.
         */
        Future<Void> stop(Object handle, Supplier<GraalStop> stop) {
            return env.submitThreadLocal((TruffleContext) handle, null, new StopAction(stop));
        }
    }

    /** Side-effecting (it throws into the guest), asynchronous, recurring. */
    private static final class StopAction extends ThreadLocalAction {
        private final Supplier<GraalStop> stop;

        StopAction(Supplier<GraalStop> stop) {
            super(true, false, true);
            this.stop = stop;
        }

        /**
         * Throws only inside JavaScript: a thread also reaches a safepoint as it enters the context
         * from Java, and Truffle cannot convert an exception thrown there (the next safepoint in the
         * script throws instead).
         */
        @Override
        protected void perform(Access access) {
            RootNode root = access.getLocation().getRootNode();
            LanguageInfo language = root == null ? null : root.getLanguageInfo();
            if (language != null && "js".equals(language.getId())) throw stop.get();
        }
    }
}
