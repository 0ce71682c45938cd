package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NativeModuleTest {
    private final JsRuntime rt = JsEngines.factory("rhino").create();

    @AfterEach
    void close() {
        rt.close();
    }

    /** A module with every kind of member. */
    @JsModule("counter")
    public static final class Counter implements ModuleProvider {
        @JsProperty public static final String UNIT = "clicks";
        @JsProperty("LIMITS") public final List<Integer> limits = List.of(1, 10);
        private int count;
        private String label = "none";

        @JsMethod public int add(int by) {
            count += by;
            return count;
        }

        @JsMethod("reset") public void clear() {
            count = 0;
        }

        @JsMethod public String greet(String name, Optional<String> greeting) {
            return greeting.orElse("hello") + ", " + name;
        }

        @JsMethod public String engine(JsRuntime runtime) {
            return runtime.engine().id();
        }

        @JsMethod public void fail() throws java.io.IOException {
            throw new java.io.IOException("disk on fire");
        }

        @JsProperty public int getCount() {
            return count;
        }

        @JsProperty public String getLabel() {
            return label;
        }

        @JsProperty public void setLabel(String label) {
            this.label = label;
        }
    }

    private JsValue eval(String source) {
        return rt.evaluate(source, "test.js");
    }

    private void install(Object module) {
        rt.global().set("m", NativeModule.of(module).load(rt));
    }

    @Test
    void functionsPropertiesAndConstantsWork() {
        Counter counter = new Counter();
        install(counter);
        assertEquals(JsValue.of(5), eval("m.add(2); m.add(3)"));
        assertEquals(5, counter.count);
        assertEquals(JsValue.of(5), eval("m.count"));
        assertEquals(JsValue.of("clicks"), eval("m.UNIT"));
        assertEquals(JsValue.of("1,10"), eval("m.LIMITS.join()"));
        assertEquals(JsValue.of(true), eval("m.LIMITS === m.LIMITS"), "an object constant is converted once");
        eval("m.label = 'new'");
        assertEquals("new", counter.label);
        assertEquals(JsValue.of(0), eval("m.reset(); m.count"));
        assertEquals(JsValue.of("undefined"), eval("typeof m.reset()"));
        assertEquals(JsValue.of("rhino"), eval("m.engine()"));
        assertEquals(JsValue.of(0), eval("m.engine.length"), "the runtime parameter is not an argument");
        assertEquals(JsValue.of(true), eval("m.add === m.add"));
    }

    @Test
    void trailingOptionalParametersMayBeOmitted() {
        install(new Counter());
        assertEquals(JsValue.of("hello, ada"), eval("m.greet('ada')"));
        assertEquals(JsValue.of("hi, ada"), eval("m.greet('ada', 'hi')"));
        assertEquals(JsValue.of("hello, ada"), eval("m.greet('ada', undefined)"));
    }

    @Test
    void wrongArgumentsGiveTypeErrorsNamingModuleFunctionAndParameter() {
        install(new Counter());
        assertEquals(JsValue.of("TypeError: counter.add() takes 1 argument (by), got 0"),
                eval("try { m.add(); } catch (e) { e.name + ': ' + e.message }"));
        assertEquals(JsValue.of("TypeError: counter.add(): parameter 'by' must be an integer (int), got a string"),
                eval("try { m.add('2'); } catch (e) { e.name + ': ' + e.message }"));
        assertEquals(JsValue.of("TypeError: counter.greet() takes 1 to 2 arguments (name, greeting?), got 3"),
                eval("try { m.greet('a', 'b', 'c'); } catch (e) { e.name + ': ' + e.message }"));
        assertEquals(JsValue.of("TypeError: counter.add(): parameter 'by' must be an integer (int), got a number"),
                eval("try { m.add(1.5); } catch (e) { e.name + ': ' + e.message }"));
    }

    @Test
    void readOnlyPropertiesAndUnknownNamesRefuseWrites() {
        install(new Counter());
        assertEquals(JsValue.of("TypeError: Cannot set property 'count' of module 'counter': it is read-only"),
                eval("try { m.count = 3; } catch (e) { e.name + ': ' + e.message }"));
        assertEquals(JsValue.of("TypeError"), eval("try { m.extra = 3; } catch (e) { e.name }"));
    }

    @Test
    void javaExceptionsReachJavaScriptAndComeBackWithTheirCause() {
        install(new Counter());
        assertEquals(JsValue.of("disk on fire"), eval("try { m.fail(); } catch (e) { e.message }"));
        JsError e = assertThrows(JsError.class, () -> eval("m.fail()"));
        assertTrue(e.getCause() instanceof java.io.IOException, "cause: " + e.getCause());
    }

    @Test
    void modulesAreBoundOncePerClass() {
        NativeModule a = NativeModule.of(new Counter());
        NativeModule b = NativeModule.of(new Counter());
        assertEquals(new java.util.TreeSet<>(List.of("UNIT", "LIMITS", "count", "label", "add", "engine", "fail", "greet", "reset")),
                new java.util.TreeSet<>(a.memberNames()));
        assertEquals(List.of("count", "label"), a.memberNames().subList(0, 2), "values first");
        assertEquals(a.memberNames(), b.memberNames());
        assertSame(a, NativeModule.of(a));
        assertEquals("counter", new Counter().name(), "an annotated ModuleProvider needs no code");
    }

    @JsModule("bad")
    public static final class SetterOnly {
        @JsProperty public void setX(int x) {
        }
    }

    @JsModule("bad")
    public static final class UnsupportedParameter {
        @JsMethod public void take(Thread t) {
        }
    }

    @JsModule("bad")
    public static final class MutableField {
        @JsProperty public int x;
    }

    public static final class NotAnnotated {
    }

    @Test
    void authoringMistakesAreReportedWhenBinding() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NativeModule.of(new SetterOnly())).getMessage()
                .contains("setter setX has no getter for property 'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NativeModule.of(new UnsupportedParameter())).getMessage()
                .contains("bad.take(): parameter 't': Java type java.lang.Thread cannot receive a JavaScript value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NativeModule.of(new MutableField())).getMessage()
                .contains("must be final"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NativeModule.of(new NotAnnotated())).getMessage()
                .contains("has no public @JsMethod or @JsProperty member"));
        assertThrows(IllegalArgumentException.class, () -> NativeModule.builder("has space"));
    }

    /** An object that is no module, with annotated members. */
    public static final class Thermostat {
        private double target = 20;

        @JsProperty public double getTarget() {
            return target;
        }

        @JsProperty public void setTarget(double value) {
            target = value;
        }

        @JsMethod public String describe(String room) {
            return room + ": " + target;
        }

        public String hidden() {
            return "not exposed";
        }
    }

    @Test
    void anAnnotatedObjectWithoutJsModuleIsExposedToo() {
        Thermostat t = new Thermostat();
        rt.global().set("t", NativeModule.of(t).load(rt));
        assertEquals(JsValue.of("hall: 22.5|undefined"), rt.evaluate(
                "t.target = 22.5; t.describe('hall') + '|' + typeof t.hidden", "t.js"));
        assertEquals(22.5, t.getTarget());
        JsError wrong = assertThrows(JsError.class, () -> rt.evaluate("t.describe(5)", "w.js"));
        assertEquals("TypeError", wrong.name().orElseThrow());
    }

    @Test
    void builderModulesConvertArgumentsLikeAnnotatedOnes() {
        int[] stored = {0};
        NativeModule math = NativeModule.builder("math")
                .function("twice", Integer.class, x -> 2 * x)
                .function("join", String.class, Integer.class, (s, n) -> s.repeat(n))
                .function("now", () -> 7L)
                .function("raw", 1, (r, self, args) -> JsValue.of(args.get(0).typeOf()))
                .property("version", () -> "1.0")
                .property("stored", Integer.class, () -> stored[0], v -> stored[0] = v)
                .constant("PI", Math.PI)
                .build();
        rt.global().set("m", math.load(rt));
        assertEquals(JsValue.of(8), eval("m.twice(4)"));
        assertEquals(JsValue.of("abab"), eval("m.join('ab', 2)"));
        assertEquals(JsValue.of(7), eval("m.now()"));
        assertEquals(JsValue.of("symbol"), eval("m.raw(Symbol('s'))"));
        assertEquals(JsValue.of(Math.PI), eval("m.PI"));
        assertEquals(JsValue.of("1.0"), eval("m.version"));
        eval("m.stored = 12");
        assertEquals(12, stored[0]);
        assertEquals(JsValue.of("TypeError: math.twice(): parameter 'arg1' must be an integer (int), got a string"),
                eval("try { m.twice('x'); } catch (e) { e.name + ': ' + e.message }"));
        assertEquals(JsValue.of("TypeError: math.stored(): parameter 'value' must be an integer (int), got a boolean"),
                eval("try { m.stored = true; } catch (e) { e.name + ': ' + e.message }"));
        assertThrows(IllegalArgumentException.class, () -> NativeModule.builder("x").constant("a", 1).constant("a", 2).build());
    }
}
