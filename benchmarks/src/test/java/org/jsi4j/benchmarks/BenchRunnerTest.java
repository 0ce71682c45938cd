package org.jsi4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selection, JVM options and one real (short, in-process) JMH run. */
class BenchRunnerTest {
    @Test
    void selectsEveryFlavorOfTheEnginesFound() {
        List<BenchRunner.Selected> all = BenchRunner.select(label -> true);
        List<String> labels = all.stream().map(BenchRunner.Selected::label).toList();
        assertTrue(labels.contains("rhino.hostCall_jsi"), labels.toString());
        assertTrue(labels.contains("rhino.hostCall_raw"), labels.toString());
        assertTrue(labels.contains("rhino.hostCall_jsr223"), labels.toString());
        assertTrue(labels.contains("v8.graphRoundTrip_raw"), labels.toString());
        assertTrue(labels.contains("graal.jsCall_raw"), labels.toString());
        assertTrue(labels.contains("graal.jsCall_jsi"), "runtime-graal is on the class path: " + labels);
        assertTrue(labels.stream().noneMatch(l -> l.startsWith("v8.") && l.endsWith("_jsr223")), "V8 has no JSR-223");
        assertTrue(labels.stream().noneMatch(l -> l.equals("rhino.graphRoundTrip_jsr223")), "JSR-223 cannot build JS graphs");
    }

    @Test
    void aFilterNarrowsTheSelection() {
        List<BenchRunner.Selected> some = BenchRunner.select(label -> label.startsWith("rhino.jsCall"));
        assertEquals(List.of("rhino.jsCall_jsi", "rhino.jsCall_raw", "rhino.jsCall_jsr223"),
                some.stream().map(BenchRunner.Selected::label).toList());
    }

    @Test
    void graalForksGetTheCompilerOnTheUpgradeModulePathWhenItFitsTheJdk() {
        // the build copies the Graal compiler jars of graal.version to target/graal-jit
        boolean fits = System.getProperty("java.version").equals(System.getProperty("graal.version"));
        assertEquals(fits, BenchRunner.graalJitDir().isPresent(), "JDK " + System.getProperty("java.version"));
        List<String> graal = BenchRunner.forkArgs("graal");
        assertEquals(fits, graal.stream().anyMatch(a -> a.startsWith("--upgrade-module-path=")), graal.toString());
        assertEquals(fits, graal.contains("-XX:+EnableJVMCI"), graal.toString());
        assertTrue(BenchRunner.forkArgs("v8").contains("--enable-native-access=ALL-UNNAMED"));
        assertTrue(BenchRunner.forkArgs("rhino").stream().noneMatch(a -> a.contains("JVMCI")));
    }

    @Test
    void forksMeasureLikeALongRunningServerProcess() {
        var settings = new BenchRunner.Settings(1, 1, Duration.ofMillis(10), 1, Duration.ofMillis(10), 1);
        for (String engine : List.of("rhino", "v8", "graal")) {
            var options = BenchRunner.options(engine, settings).build();
            // the runtime's objects old before every measurement, as in a process that ran a while
            assertTrue(options.shouldDoGC().orElse(false), engine);
            // the JVM's default collector (G1), whose write barrier punishes young objects stored into old ones
            List<String> args = BenchRunner.forkArgs(engine);
            assertTrue(args.stream().noneMatch(a -> a.matches("-XX:\\+Use\\w+GC")), args.toString());
        }
    }

    @Test
    void runsOneBenchmarkThroughJmhAndReportsItsTime() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        List<BenchRunner.Selected> one = BenchRunner.select(label -> label.equals("rhino.jsCall_jsi")
                || label.equals("rhino.jsCall_raw"));
        var settings = new BenchRunner.Settings(0, 0, Duration.ofMillis(50), 1, Duration.ofMillis(100), 0);
        List<String> started = new ArrayList<>();
        List<BenchRow> rows = BenchRunner.run(one, settings, new BenchRunner.Listener() {
            @Override
            public void started(String engine, String benchmark, Flavor flavor, int index, int total) {
                started.add(index + "/" + total + " " + engine + " " + benchmark + " " + flavor);
            }
        });
        assertEquals(List.of("0/2 rhino jsCall JSI", "1/2 rhino jsCall RAW"), started);
        assertEquals(1, rows.size());
        BenchRow row = rows.get(0);
        assertEquals("jsCall", row.benchmark());
        assertEquals("rhino", row.engine());
        assertNotNull(row.jsiNs());
        assertNotNull(row.rawNs());
        assertNull(row.jsr223Ns());
        assertTrue(row.jsiNs() > 0 && row.rawNs() > 0, row.toString());
        assertTrue(row.failures().isEmpty(), row.failures().toString());
    }

    @Test
    void settingsRefuseNoMeasurement() {
        assertThrows(IllegalArgumentException.class,
                () -> new BenchRunner.Settings(1, 1, Duration.ofMillis(1), 0, Duration.ofMillis(1), 1));
    }
}
