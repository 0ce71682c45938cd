package org.jsi4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jsi4j.JsEngines;
import org.jsi4j.compare.Baseline;
import org.jsi4j.compare.Comparison;
import org.jsi4j.compare.TestDiscovery;
import org.jsi4j.compare.TestResult;
import org.jsi4j.compare.WorkerPool;
import org.jsi4j.compare.report.HtmlReport;
import org.jsi4j.compare.report.JsonReport;
import org.jsi4j.compare.report.JunitReport;
import org.jsi4j.compare.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jsi compare DIR|FILE|GLOB...}: runs test files on every engine in a pool of worker JVMs
 * (the library in the {@code compare} module), plain scripts or test262 tests, and reports pass
 * rates, where engines differ, and changes against a baseline. Exit status: 2 for bad usage; with
 * {@code --baseline}, 1 when a test that passed there fails now; otherwise 1 when engines differ.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Runs test files on every engine, in parallel in worker JVMs, and shows where engines differ.",
                "Directories are searched recursively; test262 tests (--test262 ROOT, or files in a test262 checkout) are judged"
                + " by their frontmatter as test262-harness does; other files pass when they run without an uncaught error, and"
                + " engines agree when outcome, completion value and console output are equal.",
                "Exit 0 when all agree (with --baseline: when nothing newly fails), 1 otherwise, 2 for bad usage."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--engine"}, paramLabel = "ID", description = "Compare only these engines (repeatable). Default: every engine found.")
    List<String> engines = new ArrayList<>();

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Per test, engine and script: stop it after this long and call it a timeout (default 5s).")
    Duration timeLimit = Duration.ofSeconds(5);

    @Option(names = {"-j", "--workers"}, paramLabel = "N", description = "Tests run in parallel (default: the number of cores), as"
            + " threads (lanes) of one worker JVM per 8, which share its compiled code; a test that kills its JVM is re-run alone.")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--jvms", paramLabel = "M", description = "Spread the --workers over M worker JVMs (default: one per 8 workers;"
            + " --jvms N with -j N: one JVM per worker, each warming up on its own).")
    Integer jvms;

    @Option(names = "--test262", paramLabel = "ROOT", description = "A test262 checkout: judge tests as test262 does (its test/ directory when no FILE is given).")
    Path test262;

    @Option(names = "--plain", description = "Run every file as a plain script, even in a test262 checkout.")
    boolean plain;

    @Option(names = "--json", description = "Print the results as JSON instead of the summary.")
    boolean json;

    @Option(names = "--junit", paramLabel = "DIR", description = "Write JUnit XML, one file (test suite) per engine, into DIR.")
    Path junit;

    @Option(names = "--html", paramLabel = "FILE", description = "Write one self-contained HTML report (charts as inline SVG, no network).")
    Path html;

    @Option(names = "--save-baseline", paramLabel = "FILE", description = "Save each engine's results as a baseline to compare later runs against.")
    Path saveBaseline;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report what newly passes, newly fails and changed output against this baseline; exit 1 when anything newly fails.")
    Path baseline;

    @Option(names = "--details", negatable = true, description = "Show every test's results side by side (default: when there are at most 10 tests).")
    Boolean details;

    @Option(names = "--show", paramLabel = "N", description = "List at most N disagreements in the summary (default 20).")
    int show = 20;

    @Option(names = "--vs-raw", description = "Measure instead: run the test262 tests in this JVM, one thread, through jsi4j and through a"
            + " minimal loop over each engine's own API, interleaved; print tests/s, pass rates and the tests judged differently.")
    boolean vsRaw;

    @Parameters(paramLabel = "DIR|FILE|GLOB", arity = "0..*", description = "Test files, directories (searched recursively) or quoted globs.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TestDiscovery.Suite suite;
        List<String> ids;
        Baseline before = null;
        try {
            if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1");
            if (jvms != null && jvms < 1) throw new IllegalArgumentException("--jvms must be at least 1");
            if (timeLimit.isZero() || timeLimit.isNegative()) throw new IllegalArgumentException("--time-limit must be positive");
            if (files.isEmpty() && test262 == null) throw new IllegalArgumentException("give test files, directories or globs, or --test262 ROOT");
            suite = TestDiscovery.discover(files, test262, plain);
            ids = engineIds();
            if (baseline != null) before = Baseline.load(baseline);
            if (html != null && Files.isDirectory(html)) throw new IllegalArgumentException("--html " + html + " is a directory; give a file name");
        } catch (IllegalArgumentException e) {
            err.println("jsi compare: " + e.getMessage());
            err.flush();
            return Jsi.USAGE;
        }
        if (vsRaw) {
            if (suite.test262Root() == null) {
                err.println("jsi compare: --vs-raw measures test262 tests; give --test262 ROOT or files in a test262 checkout");
                err.flush();
                return Jsi.USAGE;
            }
            CompareVsRaw.run(out, err, suite, ids, timeLimit);
            return 0;
        }
        long total = (long) suite.tests().size() * ids.size();
        AtomicLong done = new AtomicLong();
        long every = total <= 200 ? 1 : Math.max(1, total / 100);
        long start = System.nanoTime();
        List<TestResult> results;
        try (ProgressDisplay progress = ProgressDisplay.start(err, "compare", total)) {
            WorkerPool pool = new WorkerPool(ids, Math.min(workers, suite.tests().size()), jvms == null ? 0 : jvms, timeLimit, suite.test262Root(),
                    List.of());
            results = pool.run(suite.tests(), r -> {
                long n = done.getAndIncrement();
                if (n % every == 0 || n + 1 == total) progress.step(n, r.test() + " on " + r.engine());
            });
        } catch (IllegalStateException e) {
            err.println("jsi compare: " + e.getMessage());
            err.flush();
            return Jsi.SCRIPT_FAILED;
        }
        Comparison run = new Comparison(ids, suite.tests(), results, Math.min(workers, suite.tests().size()),
                (System.nanoTime() - start) / 1e6);
        Map<String, Baseline.Diff> diffs = before == null ? null : before.diff(run);
        boolean regressed = diffs != null && diffs.values().stream().anyMatch(d -> !d.newlyFailing().isEmpty());
        if (json) {
            out.println(JsonReport.of(run, diffs));
        } else {
            if (details != null ? details : suite.tests().size() <= 10) TextReport.details(out, run);
            TextReport.summary(out, run, show);
            if (diffs != null) TextReport.baseline(out, diffs, show);
        }
        if (junit != null) JunitReport.write(run, junit);
        if (html != null) {
            Path parent = html.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(html, HtmlReport.of(run, diffs));
        }
        if (saveBaseline != null) Baseline.of(run).save(saveBaseline);
        if (!json) {
            if (junit != null) out.println("JUnit XML: " + junit);
            if (html != null) out.println("HTML report: " + html);
            if (saveBaseline != null) out.println("baseline saved: " + saveBaseline);
        }
        out.flush();
        if (diffs != null) return regressed ? Jsi.SCRIPT_FAILED : 0;
        return run.allAgree() ? 0 : Jsi.SCRIPT_FAILED;
    }

    private List<String> engineIds() {
        List<String> found = JsEngines.ids();
        if (!engines.isEmpty()) {
            for (String e : engines) if (!found.contains(e)) throw JsEngines.unknown(e, found);
            return List.copyOf(engines);
        }
        if (found.isEmpty()) throw new IllegalArgumentException("no JavaScript engine on the class path");
        List<String> ordered = new ArrayList<>();
        for (String preferred : JsEngines.PREFERENCE) if (found.contains(preferred)) ordered.add(preferred);
        for (String id : found) if (!ordered.contains(id)) ordered.add(id);
        return ordered;
    }
}
