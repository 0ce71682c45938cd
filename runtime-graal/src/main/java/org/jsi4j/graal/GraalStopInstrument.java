package org.jsi4j.graal;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.ExecutionEventNode;
import com.oracle.truffle.api.instrumentation.SourceSectionFilter;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.nodes.LanguageInfo;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

/**
 * Stops GraalJS contexts from inside the engine, with a {@link GraalStop}: a {@link ThreadDeath}
 * that no JavaScript {@code catch} catches and that GraalJS's promise jobs do not turn into a
 * rejection. A stopped context gets it
 * <ul>
 *   <li>at every safepoint (loop back edges, normal returns, in builtins too), from a recurring
 *       Truffle thread-local action, and</li>
 *   <li>at every function entry, from an event node on every root that this instrument attaches
 *       when it is created with the engine, before any script runs: a recursion whose calls only
 *       end by throwing ({@code function f() { try { f(); } finally { f(); } }}) reaches no
 *       safepoint. The node checks a Truffle {@link Assumption} that holds while no stop is under
 *       way in the engine, which compiled code folds away; a stop invalidates it.</li>
 * </ul>
 *
 * <p>Why not {@code Context.interrupt}: its exception is an ordinary Truffle exception, which a
 * JavaScript {@code catch} catches and a promise reaction job turns into a rejected promise (a
 * microtask flood interrupted that way just ends). Why not a polyglot listener attached at stop
 * time (the former way): attaching one visits every root under its lock, and closing one makes
 * every instrumented function update its probes under that lock on its next run; a script that
 * overflows its stack gets the {@link StackOverflowError} right after taking such a lock, which is
 * then never released, so every later attach on the engine (the next stop of any runtime) waited
 * forever. Nothing here is attached or closed after the engine starts.
 */
final class GraalStopInstrument extends TruffleInstrument {
    static final String ID = "jsi4j-stop";

    @Override
    protected void onCreate(Env env) {
        Stops stops = new Stops(env);
        env.registerService(stops);
        env.getInstrumenter().attachExecutionEventFactory(
                SourceSectionFilter.newBuilder().tagIs(StandardTags.RootTag.class).build(), context -> new CallCheck(stops));
    }

    /** The service the engine hands out: what the rest of the backend calls. */
    static final class Stops {
        private final Env env;
        /** The stops under way, by the engine-side handle of their context. */
        private final Map<Object, GraalStop> stopping = new ConcurrentHashMap<>();
        /** Valid while no stop is under way in the engine. */
        private volatile Assumption quiet = Truffle.getRuntime().createAssumption("no jsi4j stop");

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
         * Throws {@code stop} in the context of {@code handle} at each safepoint and function entry
         * until the returned release runs. Never blocks.
         */
        Runnable stop(Object handle, GraalStop stop) {
            synchronized (this) {
                stopping.put(handle, stop);
                quiet.invalidate();
            }
            Future<Void> action = env.submitThreadLocal((TruffleContext) handle, null, new StopAction(stop));
            return () -> {
                action.cancel(false);
                synchronized (this) {
                    if (stopping.remove(handle, stop) && stopping.isEmpty()) {
                        quiet = Truffle.getRuntime().createAssumption("no jsi4j stop");
                    }
                }
            };
        }

        Assumption quiet() {
            return quiet;
        }

        /** Throws the stop of the context entered on this thread, if it has one. */
        @TruffleBoundary
        void checkCall() {
            if (stopping.isEmpty()) return;
            GraalStop stop = stopping.get(env.getEnteredContext());
            if (stop != null) throw stop;
        }
    }

    /** On every function entry: nothing while the engine is quiet, else the stop of the caller's context. */
    private static final class CallCheck extends ExecutionEventNode {
        private final Stops stops;
        @CompilationFinal private Assumption quiet;

        CallCheck(Stops stops) {
            this.stops = stops;
        }

        @Override
        protected void onEnter(VirtualFrame frame) {
            Assumption seen = quiet;
            if (seen != null && seen.isValid()) return;
            CompilerDirectives.transferToInterpreterAndInvalidate();
            quiet = stops.quiet();
            stops.checkCall();
        }
    }

    /** Side-effecting (it throws into the guest), asynchronous, recurring. */
    private static final class StopAction extends ThreadLocalAction {
        private final GraalStop stop;

        StopAction(GraalStop stop) {
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
            if (language != null && "js".equals(language.getId())) throw stop;
        }
    }
}
