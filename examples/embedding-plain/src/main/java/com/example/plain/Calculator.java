package com.example.plain;

import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsValue;

/**
 * An application class that evaluates user formulas in JavaScript, on whichever engine is chosen
 * ({@code -Djsi.engine}, {@code JSI_ENGINE}, else the first of v8, graal, rhino), found through
 * {@link java.util.ServiceLoader} by {@link JsEngines}: no Guice anywhere.
 */
public final class Calculator {
    private final JsRuntimeFactory factory;

    /** A calculator on engine {@code engineId}. */
    public Calculator(String engineId) {
        this.factory = JsEngines.factory(engineId);
    }

    /** The value of {@code formula}, with {@code x} bound and a host function {@code sq}. */
    public double evaluate(String formula, double x) {
        try (JsRuntime rt = factory.create()) {
            rt.global().set("x", x);
            rt.global().set("sq", rt.function("sq", 1, (r, self, args) -> JsValue.of(args.get(0).asNumber() * args.get(0).asNumber())));
            return rt.evaluate(formula, "formula.js").asNumber();
        }
    }

    /** Which engine, and whether it runs with an optimizing JIT. */
    public String describe() {
        return factory.engine().name() + " " + factory.engine().version() + ", JIT " + (factory.capabilities().jit() ? "active" : "inactive");
    }

    /** {@code java com.example.plain.Calculator ENGINE FORMULA X}. */
    public static void main(String[] args) {
        Calculator c = new Calculator(args.length > 0 ? args[0] : JsEngines.selectedId());
        System.out.println(c.describe());
        System.out.println(c.evaluate(args.length > 1 ? args[1] : "sq(x) + 1", args.length > 2 ? Double.parseDouble(args[2]) : 3));
    }
}
