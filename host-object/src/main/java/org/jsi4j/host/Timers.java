package org.jsi4j.host;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsArray;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsExecutor;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;

/**
 * The timer functions: {@code setTimeout(fn, ms, ...args)} and {@code setInterval(fn, ms, ...args)},
 * which return a {@code Timeout} object as Node's do ({@code ref()}, {@code unref()},
 * {@code hasRef()}, {@code refresh()}, and its numeric id as its primitive value, so {@code +t}
 * and {@code clearTimeout(+t)} work), {@code clearTimeout(t)}, {@code clearInterval(t)} and
 * {@code queueMicrotask(fn)}. Timers run on the runtime's {@link JsExecutor}: they fire when the
 * owner pumps it ({@link JsRuntime#runEventLoop}), earliest due first, and in the order they were
 * set when due together; a pending timer or interval keeps the event loop busy until it runs or is
 * cleared, unless {@code unref()}ed. A delay below 1 ms, {@code undefined} or {@code NaN} means
 * 1 ms, as in Node.
 *
 * <p>An exception thrown by a timer callback, or by a {@code queueMicrotask} callback, comes out
 * of the call that pumps the event loop, as an uncaught error would stop a script in Node; an
 * interval stays scheduled. One instance serves one runtime; the timers still pending are
 * cancelled when the runtime closes.
 */
public final class Timers extends MethodHostObject {
    /** The names this object defines, installed as globals by {@link #installGlobals}. */
    public static final List<String> NAMES = List.of("setTimeout", "setInterval", "clearTimeout", "clearInterval",
            "queueMicrotask");

    private final State state;

    /** A timers object for one runtime. */
    public Timers() {
        this(new State());
    }

    private Timers(State state) {
        super(List.of(
                new Method("setTimeout", 2, (rt, self, args) -> state.set(rt, args, false, "setTimeout")),
                new Method("setInterval", 2, (rt, self, args) -> state.set(rt, args, true, "setInterval")),
                new Method("clearTimeout", 1, (rt, self, args) -> state.clear(args)),
                new Method("clearInterval", 1, (rt, self, args) -> state.clear(args)),
                new Method("queueMicrotask", 1, (rt, self, args) -> state.queueMicrotask(rt, args))));
        this.state = state;
    }

    /** Defines the timer functions as globals of {@code runtime}, taken from {@code face}, this object's JavaScript face. */
    public static void installGlobals(JsRuntime runtime, JsObject face) {
        JsObject global = runtime.global();
        for (String name : NAMES) global.set(name, face.get(name));
    }

    /** How many timeouts and intervals are pending. */
    public int pendingTimers() {
        return state.active.size();
    }

    @Override
    public void release() {
        state.release();
        super.release();
    }

    /** The timers of one runtime. */
    static final class State {
        private final Map<Integer, Timer> active = new HashMap<>();
        private final TimeoutObjects timeouts = new TimeoutObjects(this);
        private int nextId = 1;
        private JsRef<JsFunction> microtask;
        private JsRef<JsFunction> report;
        private JsRef<JsFunction> thrower;

        JsValue set(JsRuntime runtime, List<JsValue> args, boolean repeat, String name) {
            JsFunction callback = callback(args, name);
            Duration delay = delay(args.size() > 1 ? args.get(1) : JsValue.undefined(), name);
            JsArray extra = runtime.newArray(args.size() > 2 ? args.subList(2, args.size()) : List.of());
            int id = nextId++;
            Timer timer = new Timer(runtime.persist(callback), runtime.persist(extra), delay, repeat);
            active.put(id, timer);
            schedule(runtime, id, timer);
            return timeouts.make(runtime, id);
        }

        private void schedule(JsRuntime runtime, int id, Timer timer) {
            timer.pending = runtime.executor().schedule(timer.delay, rt -> fire(rt, id));
            if (!timer.referenced) timer.pending.unref();
        }

        /** {@code unref()}, {@code ref()}, {@code hasRef()}, {@code refresh()} of the timer {@code id}. */
        boolean control(JsRuntime runtime, TimeoutObjects.Op op, int id) {
            Timer timer = active.get(id);
            if (timer == null) return false;
            switch (op) {
                case UNREF -> {
                    timer.referenced = false;
                    timer.pending.unref();
                }
                case REF -> {
                    timer.referenced = true;
                    timer.pending.ref();
                }
                case REFRESH -> {
                    if (timer.pending.cancel()) schedule(runtime, id, timer);
                }
                case HAS_REF -> {
                    return timer.referenced;
                }
            }
            return true;
        }

        private void fire(JsRuntime runtime, int id) {
            Timer timer = active.get(id);
            if (timer == null) return;
            if (timer.repeat) {
                schedule(runtime, id, timer);
            } else {
                active.remove(id);
            }
            try (JsScope scope = runtime.openScope()) {
                timer.callback.get().call(timer.args.get().toList());
            } finally {
                if (!timer.repeat) timer.close();
            }
        }

        JsValue clear(List<JsValue> args) {
            if (args.isEmpty()) return JsValue.undefined();
            if (args.get(0) instanceof JsNumber n) clear((int) n.value());
            else if (args.get(0) instanceof JsObject o) timeouts.idOf(o).ifPresent(this::clear);
            return JsValue.undefined();
        }

        private void clear(int id) {
            Timer timer = active.remove(id);
            if (timer == null) return;
            if (timer.pending != null) timer.pending.cancel();
            timer.close();
        }

        JsValue queueMicrotask(JsRuntime runtime, List<JsValue> args) {
            JsFunction callback = callback(args, "queueMicrotask");
            if (microtask == null) {
                microtask = runtime.persist(runtime.evaluate("(function (fn, report) { Promise.resolve().then(function () {"
                        + " try { fn(); } catch (e) { report(e); } }); })", "jsi4j:queueMicrotask").asFunction());
                thrower = runtime.persist(runtime.evaluate("(function (e) { throw e; })", "jsi4j:rethrow").asFunction());
                report = runtime.persist(runtime.function("report", 1, this::report));
            }
            microtask.get().call(callback, report.get());
            return JsValue.undefined();
        }

        /** Throws a microtask's error out of the event loop, in the next task. */
        private JsValue report(JsRuntime rt, JsValue self, List<JsValue> reportArgs) {
            JsRef<JsArray> error = rt.persist(rt.newArray(reportArgs));
            rt.executor().execute(() -> {
                try (JsScope scope = rt.openScope()) {
                    thrower.get().call(error.get().get(0));
                } finally {
                    error.close();
                }
            });
            return JsValue.undefined();
        }

        private static JsFunction callback(List<JsValue> args, String name) {
            if (args.isEmpty() || !(args.get(0) instanceof JsFunction f)) {
                throw JsError.of(JsErrorType.TYPE_ERROR, name + "(): parameter 'callback' must be a function, got "
                        + (args.isEmpty() ? "nothing" : TypeMapping.describe(args.get(0))));
            }
            return f;
        }

        private static Duration delay(JsValue value, String name) {
            if (value instanceof JsUndefined) return Duration.ofMillis(1);
            if (!(value instanceof JsNumber n)) {
                throw JsError.of(JsErrorType.TYPE_ERROR, name + "(): parameter 'delay' must be a number of milliseconds, got "
                        + TypeMapping.describe(value));
            }
            double ms = n.value();
            if (!(ms >= 1)) return Duration.ofMillis(1);
            return Duration.ofNanos((long) Math.min(ms * 1_000_000, Long.MAX_VALUE / 2.0));
        }

        void release() {
            for (Timer t : active.values()) {
                if (t.pending != null) t.pending.cancel();
                t.close();
            }
            active.clear();
            if (microtask != null) microtask.close();
            if (thrower != null) thrower.close();
            if (report != null) report.close();
            timeouts.release();
        }
    }

    /** One pending timeout or interval. */
    private static final class Timer {
        final JsRef<JsFunction> callback;
        final JsRef<JsArray> args;
        final Duration delay;
        final boolean repeat;
        JsExecutor.Cancellable pending;
        boolean referenced = true;

        Timer(JsRef<JsFunction> callback, JsRef<JsArray> args, Duration delay, boolean repeat) {
            this.callback = callback;
            this.args = args;
            this.delay = delay;
            this.repeat = repeat;
        }

        void close() {
            callback.close();
            args.close();
        }
    }
}
