package org.jsi4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsi4j.compare.Test262Plan;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EcmaError;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/** The raw Rhino scenario run of {@link RawScenarios.Rhino}. */
final class RawRhino {
    private RawRhino() {
    }

    /** Stops a script past its deadline through Rhino's instruction observer (compiled code counts too). */
    static final class Contexts extends ContextFactory {
        private long deadline = Long.MAX_VALUE;

        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
            if (System.nanoTime() > deadline) throw new Timeout();
        }
    }

    /** Thrown by the observer past the deadline; no script can catch it. */
    static final class Timeout extends Error {
        Timeout() {
            super("time limit", null, false, false);
        }
    }

    static Test262Plan.Ending run(Contexts contexts, Map<String, Script> compiled, Test262Plan.Scenario scenario,
                                  java.time.Duration limit) {
        List<String> printed = new ArrayList<>();
        Context cx = contexts.enterContext();
        contexts.deadline = System.nanoTime() + limit.toNanos();
        int index = 0;
        try {
            cx.setLanguageVersion(Context.VERSION_ECMASCRIPT);
            cx.setInterpretedMode(false);
            cx.setInstructionObserverThreshold(10_000);
            ScriptableObject scope = cx.initSafeStandardObjects();
            ScriptableObject.putProperty(scope, "print", new LambdaFunction(scope, "print", 1, (c, s, self, args) -> {
                printed.add(args.length == 0 ? "" : Context.toString(args[0]));
                return Undefined.instance;
            }));
            for (Test262Plan.Script s : scenario.scripts()) {
                Script script = RawScenarios.harness(s.name())
                        ? compiled.computeIfAbsent(s.name() + '\0' + s.source(), k -> cx.compileString(s.source(), s.name(), 1, null))
                        : cx.compileString(s.source(), s.name(), 1, null);
                script.exec(cx, scope, scope);
                index++;
            }
            cx.processMicrotasks();
            return Test262Plan.Ending.completed(printed);
        } catch (Timeout e) {
            return Test262Plan.Ending.timeout(printed);
        } catch (EvaluatorException e) {
            return new Test262Plan.Ending(index, "SyntaxError", e.details(), false, printed);
        } catch (EcmaError e) {
            return new Test262Plan.Ending(index, e.getName(), e.getErrorMessage(), false, printed);
        } catch (JavaScriptException e) {
            Object v = e.getValue();
            if (v instanceof Scriptable o) {
                Object name = ScriptableObject.getProperty(o, "name");
                if (!(name instanceof CharSequence)) {
                    Object ctor = ScriptableObject.getProperty(o, "constructor");
                    name = ctor instanceof Scriptable c ? ScriptableObject.getProperty(c, "name") : "Uncaught";
                }
                Object message = ScriptableObject.getProperty(o, "message");
                return new Test262Plan.Ending(index, String.valueOf(name), message instanceof CharSequence m ? m.toString() : "",
                        false, printed);
            }
            return new Test262Plan.Ending(index, "Uncaught", Context.toString(v), false, printed);
        } catch (RhinoException e) {
            return new Test262Plan.Ending(index, "EngineFailure", e.getMessage(), false, printed);
        } finally {
            Context.exit();
        }
    }
}
