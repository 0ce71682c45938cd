package org.jsi4j.hostile;

import java.util.ArrayList;
import java.util.List;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.RuntimeOptions;

/**
 * What a case body gets: its engine, another engine for cross-engine misuse, and runtimes that
 * the harness closes after the case (those made on the case's thread).
 */
public final class CaseContext {
    private final String engine;
    private final String otherEngine;
    private final List<JsRuntime> runtimes = new ArrayList<>();

    CaseContext(String engine) {
        this.engine = engine;
        List<String> ids = JsEngines.ids();
        int i = ids.indexOf(engine);
        this.otherEngine = ids.size() < 2 ? engine : ids.get((i + 1) % ids.size());
    }

    /** The engine under test. */
    public String engine() {
        return engine;
    }

    /** Another engine (the next one found), or the same when it is the only one. */
    public String otherEngine() {
        return otherEngine;
    }

    /** A runtime of the engine under test, owned by the calling thread, closed after the case. */
    public JsRuntime runtime() {
        return runtime(RuntimeOptions.defaults());
    }

    /** A runtime of the engine under test with {@code options}, closed after the case. */
    public JsRuntime runtime(RuntimeOptions options) {
        return track(JsEngines.factory(engine).create(options));
    }

    /** A runtime of {@link #otherEngine()}, closed after the case. */
    public JsRuntime otherRuntime() {
        return track(JsEngines.factory(otherEngine).create());
    }

    /** The factory of the engine under test. */
    public JsRuntimeFactory factory() {
        return JsEngines.factory(engine);
    }

    /** Closes {@code rt} after the case, when it is still open and owned by the case's thread. */
    public synchronized JsRuntime track(JsRuntime rt) {
        runtimes.add(rt);
        return rt;
    }

    /**
     * Closes the runtimes the case made on {@code thread} and left open; returns what went wrong,
     * or {@code null}.
     */
    synchronized String closeAll(Thread thread) {
        StringBuilder problems = new StringBuilder();
        for (JsRuntime rt : runtimes) {
            if (rt.isClosed() || rt.owner() != thread) continue;
            try {
                rt.close();
            } catch (Throwable t) {
                problems.append(problems.isEmpty() ? "" : "; ").append("close() threw ").append(t);
            }
        }
        runtimes.clear();
        return problems.isEmpty() ? null : Text.firstLine(problems.toString());
    }
}
