package org.jsi4j.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * How to run one test262 test, as test262's INTERPRETING.md says, on any engine: the scenarios
 * (non-strict and strict for a test without flags, one of them under {@code onlyStrict} /
 * {@code noStrict}, the bare source under {@code raw}, one {@code module} scenario whose test is
 * imported as an ES module), each a list of scripts evaluated in order in one fresh realm: the
 * host's {@code $262}, {@code assert.js}, {@code sta.js}, {@code doneprintHandle.js} for
 * {@code async} tests, the includes, then the test (with {@code "use strict";} prepended in strict
 * mode). Harness files are evaluated as scripts of their
 * own under their own names, so that an engine's compiled-script cache serves every test after the
 * first. {@link #judge} then says whether what happened is what the test demands.
 *
 * @param frontmatter the test's metadata
 * @param scenarios the runs the test needs; it passes when every one passes
 */
public record Test262Plan(Frontmatter frontmatter, List<Scenario> scenarios) {
    /**
     * The host part of the harness: {@code $262}, defined in JavaScript. A runner may give it host
     * functions first, as the properties {@code evalScript} and {@code gc} of a global
     * {@code __jsi4jHost262} (which it deletes): {@code evalScript} then evaluates a real script (its
     * {@code let} and {@code const} become global lexical bindings), else it falls back to an
     * indirect {@code eval}. {@code print} is a host function of each runner.
     */
    static final String HOST_262 = """
            var $262 = (function (global, host) {
              function lacks(what) {
                return function () { throw new Test262Error('$262.' + what + ' is not available in jsi4j compare'); };
              }
              return {
                global: global,
                evalScript: host && host.evalScript ? host.evalScript : function (source) { return (0, eval)(source); },
                detachArrayBuffer: function (buffer) {
                  if (typeof buffer.transfer !== 'function') throw new TypeError('$262.detachArrayBuffer: this engine has no ArrayBuffer.prototype.transfer');
                  buffer.transfer();
                  return null;
                },
                gc: host && host.gc ? host.gc : lacks('gc'),
                createRealm: lacks('createRealm (a second realm of the same engine)'),
                agent: {}
              };
            })(this, typeof __jsi4jHost262 === 'undefined' ? undefined : __jsi4jHost262);
            delete this.__jsi4jHost262;
            """;
    /** The global through which a runner gives {@link #HOST_262} its host functions. */
    public static final String HOST_262_FUNCTIONS = "__jsi4jHost262";
    /** The source name of {@link #HOST_262}. */
    public static final String HOST_262_NAME = "jsi4j:host262.js";

    /**
     * One run of the test.
     *
     * @param label {@code non-strict}, {@code strict}, {@code raw} or {@code module}
     * @param scripts the scripts to evaluate, in order, in one fresh runtime; the last is the test
     * @param module for a {@code module} test, its file: the last script is then imported as an ES
     *     module from that file (its imports resolved in the file's directory), not evaluated as a
     *     script; {@code null} otherwise
     */
    public record Scenario(String label, List<Script> scripts, java.nio.file.Path module) {
        /** Copies the list. */
        public Scenario {
            scripts = List.copyOf(scripts);
        }

        /** A scenario of scripts only. */
        public Scenario(String label, List<Script> scripts) {
            this(label, scripts, null);
        }
    }

    /** A script to evaluate, and the name it is evaluated under. */
    public record Script(String name, String source) {
    }

    /**
     * What one scenario did.
     *
     * @param thrownBy the index of the script that threw (or did not parse), -1 when none did
     * @param errorName the thrown error's name ({@code SyntaxError} for a parse failure), when one was thrown
     * @param errorMessage the thrown error's message as the engine words it
     * @param timedOut whether it ran past the time limit
     * @param printed what the test printed through {@code print} (async tests report through it)
     */
    public record Ending(int thrownBy, String errorName, String errorMessage, boolean timedOut, List<String> printed) {
        /** Copies the list. */
        public Ending {
            printed = List.copyOf(printed);
        }

        /** A scenario that ended without a throw. */
        public static Ending completed(List<String> printed) {
            return new Ending(-1, "", "", false, printed);
        }

        /** A scenario that ran past its time limit. */
        public static Ending timeout(List<String> printed) {
            return new Ending(-1, "", "", true, printed);
        }
    }

    /** Copies the list. */
    public Test262Plan {
        scenarios = List.copyOf(scenarios);
    }

    /** The plan for {@code source} (test {@code id}), its harness files read from {@code harness}. */
    public static Test262Plan of(String id, String source, Test262Harness harness) {
        return of(id, source, harness, null);
    }

    /**
     * The plan for {@code source} (test {@code id}, the file {@code file}), its harness files read
     * from {@code harness}. A {@code module} test is one scenario, the test imported as a module from
     * {@code file} after the harness scripts.
     *
     * @throws IllegalArgumentException for a {@code module} test without its {@code file}
     */
    public static Test262Plan of(String id, String source, Test262Harness harness, java.nio.file.Path file) {
        Frontmatter fm = Frontmatter.parse(source);
        List<Scenario> scenarios = new ArrayList<>();
        if (fm.has("raw")) {
            scenarios.add(new Scenario("raw", List.of(new Script(id, source))));
            return new Test262Plan(fm, scenarios);
        }
        List<Script> prelude = new ArrayList<>();
        prelude.add(new Script(HOST_262_NAME, HOST_262));
        List<String> files = new ArrayList<>(List.of("assert.js", "sta.js"));
        if (fm.has("async")) files.add("doneprintHandle.js");
        for (String inc : fm.includes()) if (!files.contains(inc)) files.add(inc);
        for (String f : files) prelude.add(new Script("harness/" + f, harness.file(f)));
        if (fm.has("module")) {
            if (file == null) throw new IllegalArgumentException("a module test needs its file, to resolve its imports");
            List<Script> all = new ArrayList<>(prelude);
            all.add(new Script(id, source));
            scenarios.add(new Scenario("module", all, file));
            return new Test262Plan(fm, scenarios);
        }
        if (!fm.has("onlyStrict")) scenarios.add(scenario("non-strict", prelude, new Script(id, source)));
        if (!fm.has("noStrict")) scenarios.add(scenario("strict", prelude, new Script(id, "\"use strict\";\n" + source)));
        return new Test262Plan(fm, scenarios);
    }

    private static Scenario scenario(String label, List<Script> prelude, Script test) {
        List<Script> all = new ArrayList<>(prelude);
        all.add(test);
        return new Scenario(label, all);
    }

    /**
     * The verdict on one scenario's ending: {@link Verdict#PASS}, {@link Verdict#FAIL} or
     * {@link Verdict#TIMEOUT}, with the outcome engines must agree on and the engine's message.
     */
    public Judgement judge(Scenario scenario, Ending ending) {
        String in = scenarios.size() > 1 ? " [" + scenario.label() + "]" : "";
        if (ending.timedOut()) return new Judgement(Verdict.TIMEOUT, "timeout" + in, "ran past the time limit" + in);
        int testIndex = scenario.scripts().size() - 1;
        String name = ending.errorName();
        String message = ending.errorMessage();
        if (ending.thrownBy() >= 0 && ending.thrownBy() < testIndex) {
            String file = scenario.scripts().get(ending.thrownBy()).name();
            return fail(in, "harness " + file + " threw " + name, name + ": " + message + " (in " + file + ")");
        }
        boolean threw = ending.thrownBy() == testIndex;
        if (!threw && frontmatter.has("async")) {
            String failure = ending.printed().stream().filter(l -> l.startsWith("Test262:AsyncTestFailure:")).findFirst().orElse(null);
            if (failure != null) {
                threw = true;
                String rest = failure.substring("Test262:AsyncTestFailure:".length());
                int colon = rest.indexOf(':');
                name = colon < 0 ? rest : rest.substring(0, colon);
                message = colon < 0 ? "" : rest.substring(colon + 1).strip();
            } else if (!ending.printed().contains("Test262:AsyncTestComplete")) {
                return fail(in, "async test never called $DONE", "the async test ended without calling $DONE");
            }
        }
        Frontmatter.Negative negative = frontmatter.negative();
        if (negative != null) {
            if (threw && negative.type().equals(name)) return new Judgement(Verdict.PASS, "pass", "");
            if (!threw) return fail(in, "completed, expected " + negative.type(), "expected " + negative.phase() + " "
                    + negative.type() + " but the test completed");
            return fail(in, name + ", expected " + negative.type(), "expected " + negative.phase() + " " + negative.type()
                    + ", got " + name + ": " + message);
        }
        if (!threw) return new Judgement(Verdict.PASS, "pass", "");
        // the harness words Test262Error's message itself, the same on every engine; engines word theirs differently
        return fail(in, name + (name.equals("Test262Error") ? ": " + message : ""), name + ": " + message);
    }

    private static Judgement fail(String in, String outcome, String message) {
        return new Judgement(Verdict.FAIL, "fail" + in + ": " + outcome, message);
    }

    /**
     * A verdict with what engines must agree on and the engine's own words.
     *
     * @param verdict pass, fail or timeout
     * @param outcome the comparable outcome ({@link TestResult#outcome()})
     * @param message the engine's message, empty on a pass
     */
    public record Judgement(Verdict verdict, String outcome, String message) {
    }
}
