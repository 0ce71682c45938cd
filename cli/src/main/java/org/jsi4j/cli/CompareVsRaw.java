package org.jsi4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.benchmarks.RawScenarios;
import org.jsi4j.compare.ScenarioRunner;
import org.jsi4j.compare.Test262Harness;
import org.jsi4j.compare.TestCase;
import org.jsi4j.compare.TestDiscovery;
import org.jsi4j.compare.TestResult;
import org.jsi4j.compare.TestRunner;

/**
 * {@code jsi compare --vs-raw}: runs the same test262 tests, in this JVM on one thread, through
 * jsi4j and through a minimal loop over each engine's own API ({@link RawScenarios}), interleaved
 * test by test so that both are equally warm, judged by the same rules; prints tests/s and pass
 * rate of each, and the tests whose verdicts differ.
 */
final class CompareVsRaw {
    private static final int WARM_UP = 30;

    private CompareVsRaw() {
    }

    /**
     * One engine's measurement.
     *
     * @param engine the engine id
     * @param tests tests run (unsupported ones included)
     * @param raw the raw loop's results
     * @param jsi jsi4j's results
     * @param rawMillis the raw loop's summed time
     * @param jsiMillis jsi4j's summed time
     */
    record Row(String engine, int tests, List<TestResult> raw, List<TestResult> jsi, double rawMillis, double jsiMillis) {
        static double rate(List<TestResult> rs) {
            long counted = rs.stream().filter(TestResult::counted).count();
            return counted == 0 ? 0 : 100.0 * rs.stream().filter(TestResult::passed).count() / counted;
        }
    }

    static List<Row> run(PrintWriter out, PrintWriter err, TestDiscovery.Suite suite, List<String> engines, Duration limit)
            throws IOException {
        Test262Harness harness = new Test262Harness(suite.test262Root());
        List<String> sources = new ArrayList<>();
        List<TestCase> tests = new ArrayList<>();
        for (TestCase t : suite.tests()) {
            String source = Files.readString(t.path());
            if (org.jsi4j.compare.Frontmatter.parse(source).has("module")) continue;
            tests.add(t);
            sources.add(source);
        }
        if (tests.size() < suite.tests().size()) {
            err.println("vs-raw: " + (suite.tests().size() - tests.size()) + " module tests left out (the raw loops evaluate scripts)");
            err.flush();
        }
        List<Row> rows = new ArrayList<>();
        for (String engine : engines) {
            JsRuntimeFactory factory = JsEngines.factory(engine);
            // jsi4j loads the engine first: V8's flags belong to the process (sloppy mode by default, as jsi4j sets
            // them; Javet's own default is strict), and the raw loop then runs under the same ones
            factory.create().close();
            ScenarioRunner jsi = (s, l) -> TestRunner.runScenario(factory, s, l);
            List<TestResult> raw = new ArrayList<>();
            List<TestResult> viaJsi = new ArrayList<>();
            double rawMillis = 0;
            double jsiMillis = 0;
            try (RawScenarios loop = RawScenarios.of(engine)) {
                for (int i = 0; i < Math.min(WARM_UP, tests.size()); i++) {
                    TestRunner.judge(engine, tests.get(i).id(), sources.get(i), harness, factory.capabilities(), loop, limit);
                    TestRunner.judge(engine, tests.get(i).id(), sources.get(i), harness, factory.capabilities(), jsi, limit);
                }
                for (int i = 0; i < tests.size(); i++) {
                    String id = tests.get(i).id();
                    long t0 = System.nanoTime();
                    raw.add(TestRunner.judge(engine, id, sources.get(i), harness, factory.capabilities(), loop, limit));
                    long t1 = System.nanoTime();
                    viaJsi.add(TestRunner.judge(engine, id, sources.get(i), harness, factory.capabilities(), jsi, limit));
                    long t2 = System.nanoTime();
                    rawMillis += (t1 - t0) / 1e6;
                    jsiMillis += (t2 - t1) / 1e6;
                    if (i % 200 == 0) {
                        err.println("vs-raw: " + engine + " " + i + "/" + tests.size());
                        err.flush();
                    }
                }
            }
            rows.add(new Row(engine, tests.size(), raw, viaJsi, rawMillis, jsiMillis));
        }
        print(out, rows);
        return rows;
    }

    static void print(PrintWriter out, List<Row> rows) {
        out.println(String.format(Locale.ROOT, "%-6s %6s %10s %10s %8s %10s %10s %7s", "engine", "tests", "raw pass", "jsi4j pass",
                "diff", "raw t/s", "jsi4j t/s", "ratio"));
        for (Row r : rows) {
            double rawRate = Row.rate(r.raw());
            double jsiRate = Row.rate(r.jsi());
            double rawTps = r.tests() * 1000.0 / r.rawMillis();
            double jsiTps = r.tests() * 1000.0 / r.jsiMillis();
            out.println(String.format(Locale.ROOT, "%-6s %6d %9.2f%% %9.2f%% %+6.2fpp %10.1f %10.1f %6.2fx", r.engine(), r.tests(),
                    rawRate, jsiRate, jsiRate - rawRate, rawTps, jsiTps, rawTps / jsiTps));
        }
        for (Row r : rows) {
            out.println(r.engine() + ": raw " + counts(r.raw()) + "; jsi4j " + counts(r.jsi()));
        }
        for (Row r : rows) {
            int shown = 0;
            for (int i = 0; i < r.raw().size(); i++) {
                TestResult a = r.raw().get(i);
                TestResult b = r.jsi().get(i);
                if (a.verdict() == b.verdict()) continue;
                if (shown++ == 0) out.println(r.engine() + ": tests judged differently (raw → jsi4j):");
                if (shown <= 30) out.println("  " + a.test() + ": " + a.verdict().label() + " (" + oneLine(a) + ") → "
                        + b.verdict().label() + " (" + oneLine(b) + ")");
            }
            if (shown > 30) out.println("  ... " + (shown - 30) + " more");
        }
        out.flush();
    }

    private static String counts(List<TestResult> rs) {
        StringBuilder b = new StringBuilder();
        org.jsi4j.compare.Comparison.Tally.of(rs).counts()
                .forEach((v, c) -> b.append(b.isEmpty() ? "" : ", ").append(c).append(' ').append(v.label()));
        return b.toString();
    }

    private static String oneLine(TestResult r) {
        String s = (r.message().isEmpty() ? r.outcome() : r.message()).replace('\n', ' ');
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
