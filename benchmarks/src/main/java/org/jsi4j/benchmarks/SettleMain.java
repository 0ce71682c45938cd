package org.jsi4j.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Runs one benchmark method in a loop in this JVM and prints its time per operation every two
 * seconds, to see where a row settles once the JIT, the collector and the runtime's own objects
 * have settled (a JMH fork measures after about a second): {@code java [the engine's fork options]
 * -cp benchmarks/target/benchmarks.jar:$(cat benchmarks/target/classpath.txt)
 * org.jsi4j.benchmarks.SettleMain ENGINE METHOD [SECONDS]}, e.g. {@code rhino propertySet_jsi 16}.
 * The flavor is the method's suffix ({@code _jsi}, {@code _raw}, {@code _jsr223}); a method of
 * {@code N} operations per invocation is divided by {@code N}. The method is called reflectively,
 * which adds a few nanoseconds per invocation: negligible for the 1000-operation rows, not for a
 * single-operation row such as jsCall, whose jsi4j and raw figures carry the same overhead. Start
 * the JVM with the options {@link BenchRunner#forkArgs} gives the engine (the Graal compiler for
 * GraalJS).
 */
public final class SettleMain {
    private static final long WINDOW_NANOS = 2_000_000_000L;

    private SettleMain() {
    }

    /** ENGINE METHOD [SECONDS]: prints one line per two-second window. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SettleMain ENGINE METHOD [SECONDS]   e.g. rhino propertySet_jsi 16");
            System.exit(2);
        }
        Class<? extends EngineBenchmark> type = BenchRunner.ENGINES.get(args[0]);
        if (type == null) throw new IllegalArgumentException("no engine " + args[0] + "; engines: " + BenchRunner.ENGINES.keySet());
        Method method = type.getMethod(args[1]);
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 20;
        EngineBenchmark benchmark = type.getDeclaredConstructor().newInstance();
        benchmark.setUp(flavorOf(args[1]));
        try {
            run(benchmark, method, seconds);
        } finally {
            benchmark.tearDown();
        }
    }

    static Flavor flavorOf(String method) {
        String suffix = method.substring(method.lastIndexOf('_') + 1);
        return Flavor.valueOf(suffix.toUpperCase(Locale.ROOT));
    }

    private static void run(EngineBenchmark benchmark, Method method, long seconds)
            throws IllegalAccessException, InvocationTargetException {
        OperationsPerInvocation ops = method.getAnnotation(OperationsPerInvocation.class);
        int perInvocation = ops == null ? 1 : ops.value();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long windowStart = start;
        long invocations = 0;
        int sink = 0;
        while (true) {
            Object result = method.invoke(benchmark);
            sink += result == null ? 0 : result.hashCode() & 1; // keep every result live
            if ((++invocations & 63) != 0) continue; // the clock read amortised over 64 invocations
            long now = System.nanoTime();
            if (now - windowStart >= WINDOW_NANOS) {
                System.out.printf(Locale.ROOT, "%5.1f s  %,12.1f ns/op%n", (now - start) / 1e9,
                        (now - windowStart) / (double) (invocations * perInvocation));
                windowStart = now;
                invocations = 0;
                if (now >= end) break;
            }
        }
        if (sink == -1) System.out.println(sink);
    }
}
