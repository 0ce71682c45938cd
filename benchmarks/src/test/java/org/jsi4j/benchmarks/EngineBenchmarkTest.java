package org.jsi4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Runs every benchmark method once on the real engines, in every flavor, and checks that each
 * flavor did the same work: the same sums, the same host object state, the same graph.
 */
class EngineBenchmarkTest {
    private static final Map<String, Double> EXPECTED = Map.of(
            "pooledRuntime", 1.0,
            "hostCall", Scripts.HOST_LOOP_RESULT,
            "jsCall", 6.0,
            "propertyGet", Scripts.HOST_INITIAL_VALUE * Scripts.LOOP,
            "propertySet", (double) Scripts.LOOP,
            "createRuntime", 1.0,
            "evalPrepared", Scripts.PREPARED_RESULT,
            "graphRoundTrip", Scripts.CHECK_GRAPH_RESULT,
            "graphWalk", Scripts.CHECK_GRAPH_RESULT);

    @TestFactory
    Stream<DynamicTest> everyFlavorOfEveryBenchmarkComputesTheSameResult() {
        List<DynamicTest> tests = new ArrayList<>();
        for (var engine : BenchRunner.ENGINES.entrySet()) {
            for (Flavor flavor : Flavor.values()) {
                List<Method> methods = methodsOf(engine.getValue(), flavor);
                if (methods.isEmpty()) continue;
                if (flavor == Flavor.JSI && !org.jsi4j.JsEngines.ids().contains(engine.getKey())) continue;
                tests.add(DynamicTest.dynamicTest(engine.getKey() + " " + flavor.suffix(), () -> {
                    EngineBenchmark bench = engine.getValue().getDeclaredConstructor().newInstance();
                    bench.setUp(flavor);
                    try {
                        for (Method m : methods) {
                            String name = m.getName().substring(0, m.getName().lastIndexOf('_'));
                            double result = number(m.invoke(bench));
                            assertEquals(EXPECTED.get(name), result, 1e-9, engine.getKey() + " " + m.getName());
                            if (name.equals("propertySet")) {
                                assertEquals(Scripts.LOOP - 1, hostValue(bench, flavor), engine.getKey() + " host value after setLoop");
                            }
                        }
                    } finally {
                        bench.tearDown();
                    }
                }));
            }
        }
        assertTrue(tests.size() >= 5, "rhino and v8 in all their flavors, graal raw and JSR-223: " + tests.size());
        return tests.stream();
    }

    private static List<Method> methodsOf(Class<?> type, Flavor flavor) {
        List<Method> out = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(Benchmark.class) && Flavor.of(m.getName()) == flavor) out.add(m);
        }
        // getMethods() has no set order, and propertySet changes what propertyGet reads: by name, Get comes first
        out.sort(java.util.Comparator.comparing(Method::getName));
        return out;
    }

    private static double hostValue(EngineBenchmark bench, Flavor flavor) {
        return switch (flavor) {
            case JSI -> bench.jsiHost().value;
            case JSR223 -> ((Jsr223EngineBenchmark) bench).jsr223Bean().value;
            case RAW -> switch (bench) {
                case RhinoBenchmarks r -> r.rawHost().value;
                case V8Benchmarks v -> v.rawHost().value;
                case GraalBenchmarks g -> g.rawHost().value;
                default -> throw new AssertionError(bench);
            };
        };
    }

    /** Whatever number a flavor returns: a double, a boxed number, a jsi4j, Javet or polyglot value. */
    private static double number(Object result) {
        return switch (result) {
            case Number n -> n.doubleValue();
            case JsValue v -> v.asNumber();
            case com.caoccao.javet.values.primitive.V8ValueInteger i -> i.getValue();
            case com.caoccao.javet.values.primitive.V8ValueDouble d -> d.getValue();
            case org.graalvm.polyglot.Value v -> v.asDouble();
            default -> throw new AssertionError("not a number: " + result + " (" + result.getClass().getName() + ")");
        };
    }

    @TestFactory
    Stream<DynamicTest> theGraphIsAbout100KbOfJson() {
        return Stream.of(DynamicTest.dynamicTest("rhino", () -> {
            try (var rt = org.jsi4j.JsEngines.factory("rhino").create()) {
                rt.evaluate(Scripts.FUNCTIONS.replace("hostFn(i)", "0"), "size.js");
                int size = rt.evaluate("JSON.stringify(graph).length", "size.js").asInt();
                assertTrue(size > 95_000 && size < 110_000, "graph JSON length " + size);
                assertFalse(Scripts.FUNCTIONS.contains("=>"), "ES5 only, so that Rhino runs it as the others do");
            }
        }));
    }
}
