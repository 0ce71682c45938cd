package org.jsi4j.compare;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsValue;

/**
 * The host functions jsi4j gives a test262 realm, before {@link Test262Plan#HOST_262} builds
 * {@code $262} on them: {@code print} (recorded, for async tests), {@code $262.evalScript} (a real
 * script evaluated in the realm, through {@link JsRuntime#evaluate}) and {@code $262.gc}
 * ({@link JsRuntime#collectGarbage}). Each is made only when a script of the scenario names it, since
 * every host function costs a fresh runtime time and most tests use none.
 */
final class Test262Host {
    private static final int PRINT = 1;
    private static final int EVAL_SCRIPT = 2;
    private static final int GC = 4;
    /** What each harness file's text names, by its text. */
    private static final Map<String, Integer> HARNESS_NEEDS = new ConcurrentHashMap<>();

    private Test262Host() {
    }

    /** Which host functions {@code source} names. */
    private static int needs(String source) {
        return (source.contains("print") ? PRINT : 0) | (source.contains("evalScript") ? EVAL_SCRIPT : 0)
                | (source.contains("gc(") ? GC : 0);
    }

    /** Installs what the scripts of {@code scenario} name into {@code rt}; {@code print} adds to {@code printed}. */
    static void install(JsRuntime rt, Test262Plan.Scenario scenario, List<String> printed) {
        int needs = 0;
        for (Test262Plan.Script s : scenario.scripts()) {
            if (s.name().equals(Test262Plan.HOST_262_NAME)) continue;
            // a harness file (the same String each time, from Test262Harness; its hash is kept) is searched once per JVM
            needs |= s.name().startsWith("harness/") ? HARNESS_NEEDS.computeIfAbsent(s.source(), Test262Host::needs) : needs(s.source());
        }
        boolean print = (needs & PRINT) != 0;
        boolean evalScript = (needs & EVAL_SCRIPT) != 0;
        boolean gc = (needs & GC) != 0;
        if (print) {
            rt.global().set("print", rt.function("print", 1, (r, self, args) -> {
                printed.add(args.isEmpty() ? "" : text(args.get(0)));
                return JsValue.undefined();
            }));
        }
        if (!evalScript && !gc) return;
        JsObject host = rt.newObject();
        if (evalScript) host.set("evalScript", rt.function("evalScript", 1, (r, self, args) -> evalScript(r, args)));
        if (gc) {
            host.set("gc", rt.function("gc", 0, (r, self, args) -> {
                r.collectGarbage();
                return JsValue.undefined();
            }));
        }
        rt.global().set(Test262Plan.HOST_262_FUNCTIONS, host);
    }

    /** {@code $262.evalScript(source)}: a script of its own in the realm; a parse failure is a SyntaxError thrown there. */
    private static JsValue evalScript(JsRuntime rt, List<JsValue> args) {
        String source = args.isEmpty() ? "undefined" : text(args.get(0));
        try {
            return rt.evaluate(source, "evalScript");
        } catch (JsSyntaxError e) {
            throw JsError.of(JsErrorType.SYNTAX_ERROR, e.getMessage());
        } catch (JsError e) {
            // what the script threw goes on to the caller as the same value
            if (e.value() != null) throw JsError.throwing(e.value());
            throw e;
        }
    }

    private static String text(JsValue v) {
        return v instanceof JsString s ? s.value() : String.valueOf(v);
    }
}
