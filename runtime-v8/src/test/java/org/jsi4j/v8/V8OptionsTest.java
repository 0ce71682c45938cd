package org.jsi4j.v8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsRuntime;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.testing.ChildJvm;
import org.junit.jupiter.api.Test;

/** V8's flags are per process, so each case that loads V8 runs in a JVM of its own. */
class V8OptionsTest {
    private static RuntimeOptions flags(String flags) {
        return RuntimeOptions.defaults().withEngineOptions(Map.of("v8.flags", flags));
    }

    /** Child: the first runtime sets the flags, a second with the same flags is fine, one with others is refused. */
    public static void main(String[] args) {
        V8RuntimeFactory factory = new V8RuntimeFactory();
        try (JsRuntime first = factory.create(flags(args[0]))) {
            System.out.println("gc: " + first.evaluate("typeof gc", "gc.js"));
            try (JsRuntime same = factory.create(flags(args[0])); JsRuntime plain = factory.create()) {
                System.out.println("same: " + same.evaluate("typeof gc", "gc.js") + " " + plain.evaluate("typeof gc", "gc.js"));
            }
            try (JsRuntime other = factory.create(flags("--max-lazy"))) {
                System.out.println("other: made");
            } catch (IllegalStateException e) {
                System.out.println("other: " + e.getMessage());
            }
        }
    }

    /** Child: makes a runtime and prints what happened. */
    public static final class StackChild {
        public static void main(String[] args) {
            try (JsRuntime rt = new V8RuntimeFactory().create()) {
                System.out.println("made: " + rt.evaluate("6 * 7", "x.js"));
            } catch (RuntimeException e) {
                System.out.println("refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    /** A V8 stack too small to start (V8 used to abort the process, or fail with a NullPointerException) is refused with a reason. */
    @Test
    void aStackTooSmallForV8IsRefusedWithAReason() throws Exception {
        for (String kb : List.of("8", "32")) {
            ChildJvm.Outcome out = ChildJvm.run(Duration.ofSeconds(60), List.of("-Djsi.v8.stackSizeKb=" + kb), StackChild.class);
            assertTrue(out.alive(), out.toString());
            assertEquals("IllegalStateException: -Djsi.v8.stackSizeKb=" + kb + " is too small: a V8 runtime needs at least 64 KB"
                    + " of stack to start (the default is 512); start the JVM with a larger value", out.line("refused: "), out.toString());
        }
        ChildJvm.Outcome enough = ChildJvm.run(Duration.ofSeconds(60), List.of("-Djsi.v8.stackSizeKb=64"), StackChild.class);
        assertEquals("42", enough.line("made: "), enough.toString());
    }

    @Test
    void flagsGivenWithTheFirstRuntimeApplyToTheProcess() throws Exception {
        ChildJvm.Outcome out = ChildJvm.run(Duration.ofSeconds(60), V8OptionsTest.class, "--expose-gc");
        assertTrue(out.alive(), out.toString());
        assertEquals("function", out.line("gc: "), out.toString());
        assertEquals("function function", out.line("same: "), out.toString());
        assertEquals("V8's flags belong to the process and were fixed when V8 was first loaded (v8.flags=--expose-gc);"
                + " this runtime asks for v8.flags=--max-lazy. Give v8.flags to the process's first V8 runtime, and the"
                + " same to every later one.", out.line("other: "), out.toString());
    }

    @Test
    void malformedOrReservedFlagsAreRefusedBeforeV8Loads() {
        V8RuntimeFactory factory = new V8RuntimeFactory();
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> factory.create(flags("expose-gc")));
        assertEquals("Engine option v8.flags=expose-gc for engine v8: 'expose-gc' is not a V8 flag; expected V8 flags,"
                + " each --name or --name=value, space-separated", bad.getMessage());
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> factory.create(flags("--expose-gc --allow-natives-syntax")));
        assertTrue(reserved.getMessage().contains("--allow-natives-syntax is set by jsi4j itself or would expose V8's internals"),
                reserved.getMessage());
        assertThrows(IllegalArgumentException.class, () -> factory.create(flags("--stack_size=100")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> factory.create(RuntimeOptions.defaults().withEngineOptions(Map.of("v8.flag", "--expose-gc"))));
        assertEquals("Unknown engine option 'v8.flag' for engine v8; it accepts v8.flags, v8.inspect, v8.inspect.Suspend,"
                + " v8.inspect.WaitAttached (./jsi engines --options lists what each does)", unknown.getMessage());
        IllegalArgumentException address = assertThrows(IllegalArgumentException.class,
                () -> factory.create(RuntimeOptions.defaults().withEngineOptions(Map.of("v8.inspect", "localhost:99999"))));
        assertTrue(address.getMessage().contains("'localhost:99999' is not [HOST:]PORT"), address.getMessage());
    }
}
