package org.jsi4j.conformance.testlib;

import org.jsi4j.JsFunction;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/** The two helpers of upstream's {@code JSITestBase}: {@code eval} and {@code function}. */
final class Testlib {
    private Testlib() {
    }

    /** Evaluates a script with an empty source name, as upstream's {@code eval}. */
    static JsValue eval(JsRuntime rt, String source) {
        return rt.evaluate(source, "");
    }

    /** The function that {@code source} (a function expression) evaluates to. */
    static JsFunction function(JsRuntime rt, String source) {
        return rt.evaluate("(" + source + ")", "testlib.js").asFunction();
    }
}
