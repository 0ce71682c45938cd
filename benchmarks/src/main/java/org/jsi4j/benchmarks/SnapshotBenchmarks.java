package org.jsi4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.Snapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to a ready runtime, per engine: {@link #cold} creates a runtime, binds the external,
 * evaluates a library bundle and the application's initialisation ({@link SnapshotSetup}), asks
 * {@code check()} once and closes it; {@link #fromSnapshot} creates the runtime from a snapshot of
 * that same setup (blob bytes, parsed and checked on every restore, externals passed back), asks
 * {@code check()} and closes it. A cold runtime is made with the default options, as an
 * application without snapshots would make it.
 *
 * <p>The bundle is read from {@link SnapshotSetup#bundleDir()}; nothing is downloaded
 * ({@code benchmarks/fetch-bundle.sh} fetches it). {@link SnapshotBenchMain} runs this class and
 * prints the ratios.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SnapshotBenchmarks {
    /** The jsi4j engine id. */
    @Param({"rhino", "v8", "graal"})
    public String engine;
    /** The bundle: {@code lodash}, {@code underscore} (see fetch-bundle.sh) or {@code inline}. */
    @Param({"lodash"})
    public String bundle;

    private JsRuntimeFactory factory;
    private SnapshotSetup setup;
    private byte[] blob;

    /** Loads the bundle and takes the snapshot that {@link #fromSnapshot} restores. */
    @Setup(Level.Trial)
    public void setUp() {
        factory = JsEngines.factory(engine);
        if (engine.equals("graal") && !factory.capabilities().jit()) GraalBenchmarks.requireJit();
        setup = SnapshotSetup.load(bundle);
        blob = snapshot(factory, setup).bytes();
    }

    /** A snapshot of {@code setup} on {@code factory}'s engine. */
    static Snapshot snapshot(JsRuntimeFactory factory, SnapshotSetup setup) {
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            setup.run(rt);
            return rt.snapshot();
        }
    }

    /** The snapshot's blob (for tests). */
    final byte[] blob() {
        return blob.clone();
    }

    /** Create, set up, check once, close. */
    @Benchmark
    public double cold() {
        try (JsRuntime rt = factory.create()) {
            setup.run(rt);
            return SnapshotSetup.check(rt);
        }
    }

    /** Restore from the blob, check once, close. */
    @Benchmark
    public double fromSnapshot() {
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(blob).externals(SnapshotSetup.EXTERNALS))) {
            return SnapshotSetup.check(rt);
        }
    }
}
