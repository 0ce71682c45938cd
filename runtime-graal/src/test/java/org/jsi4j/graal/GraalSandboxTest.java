package org.jsi4j.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class GraalSandboxTest {
    private static final GraalRuntimeFactory FACTORY = new GraalRuntimeFactory();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void graalSpecificGlobalsAreGone() {
        try (JsRuntime rt = FACTORY.create()) {
            assertEquals(JsValue.of("undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined"),
                    rt.evaluate("[typeof Java, typeof Polyglot, typeof Graal, typeof Packages, typeof print, typeof load,"
                            + " typeof console, typeof arguments, typeof java].join()", "globals.js"));
        }
    }

    @Test
    void noJavaIsReachableThroughHostFacesOrErrors() {
        try (JsRuntime rt = FACTORY.create()) {
            rt.global().set("fn", rt.function("fn", 0, (r, self, args) -> {
                throw new IllegalStateException("java");
            }));
            rt.global().set("obj", rt.hostObject((r, name) -> JsValue.undefined()));
            assertEquals(JsValue.of("undefined,undefined,undefined,true,undefined"), rt.evaluate(
                    "var e; try { fn(); } catch (x) { e = x; }"
                    + " [typeof fn.getClass, typeof obj.getClass, typeof e.getClass, e instanceof Error,"
                    + " typeof Object.getPrototypeOf(obj).getClass].join()", "reach.js"));
            assertEquals(JsValue.of("blocked"), rt.evaluate(
                    "try { eval('Java').type('java.lang.System'); 'reached' } catch (x) { 'blocked' }", "type.js"));
        }
    }
}
