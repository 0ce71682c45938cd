package org.jsi4j.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;

/**
 * Compile once, run in many runtimes: per engine, the time to a ready runtime that has evaluated a
 * 200 KB bundle, for the factory's first runtime (nothing compiled yet) and for later ones (the
 * factory's compiled scripts reused), in one JVM:
 * {@code java -cp benchmarks/target/benchmarks.jar:$(cat benchmarks/target/classpath.txt)
 * org.jsi4j.benchmarks.CompileOnceMain [ENGINE...]}. Each engine gets its own factory; "later" is
 * the median of {@value #LATER} runtimes after {@value #WARMUP} unmeasured ones (the JVM's own JIT
 * warms up on those). A figure per engine, not a JMH benchmark: the first runtime happens once.
 */
public final class CompileOnceMain {
    static final int FUNCTIONS = 1500;
    static final int WARMUP = 20;
    static final int LATER = 30;

    private CompileOnceMain() {
    }

    /** A deterministic bundle of about 200 KB: {@value #FUNCTIONS} functions and a {@code check()}. */
    static String bundle() {
        StringBuilder b = new StringBuilder(210_000);
        for (int i = 0; i < FUNCTIONS; i++) {
            b.append("function f").append(i).append("(x) { var s = 0; for (var i = 0; i < x; i++) { s += (i * ")
                    .append(i).append(") % 7; } return s + 'padding-to-make-a-realistic-bundle-").append(i)
                    .append("'.length; }\n");
        }
        b.append("function check() { return f1(10) + f").append(FUNCTIONS - 1).append("(10); }\n");
        return b.toString();
    }

    /** Prints a Markdown table: engine, first runtime ms, later runtimes ms (median), ratio. */
    public static void main(String[] args) {
        List<String> engines = args.length > 0 ? Arrays.asList(args) : JsEngines.ids();
        String bundle = bundle();
        System.out.printf(Locale.ROOT, "bundle: %,d chars, %d functions%n%n", bundle.length(), FUNCTIONS);
        System.out.println("| engine | first runtime ms | later runtimes ms (median) | first / later"
                + " | later, nothing reused (median) |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String id : engines) {
            try (JsRuntimeFactory factory = JsEngines.factory(id)) {
                double first = readyRuntime(factory, bundle, "bundle.js");
                for (int i = 0; i < WARMUP; i++) readyRuntime(factory, bundle, "bundle.js");
                double median = median(factory, bundle, false);
                // the control: the same text under a new name each time, so no compiled form can be reused
                double fresh = median(factory, bundle, true);
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", id, first, median, first / median, fresh);
            }
        }
    }

    private static int names;

    private static double median(JsRuntimeFactory factory, String bundle, boolean newNames) {
        double[] times = new double[LATER];
        for (int i = 0; i < LATER; i++) times[i] = readyRuntime(factory, bundle, newNames ? "bundle-" + names++ + ".js" : "bundle.js");
        Arrays.sort(times);
        return times[LATER / 2];
    }

    /** Milliseconds to create a runtime, evaluate the bundle and call into it, then close it. */
    private static double readyRuntime(JsRuntimeFactory factory, String bundle, String name) {
        long start = System.nanoTime();
        try (JsRuntime rt = factory.create()) {
            rt.evaluate(bundle, name);
            double v = rt.evaluate("check()", "check.js").asNumber();
            if (v <= 0) throw new IllegalStateException("the bundle computed " + v);
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
