package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsi4j.JsEngines;
import org.jsi4j.JsError;
import org.jsi4j.JsRuntime;
import org.jsi4j.host.ConsoleSink.Level;
import org.jsi4j.host.RecordingSink.Line;
import org.junit.jupiter.api.Test;

class ConsoleTest {
    @Test
    void eachMethodWritesAtItsLevel() {
        try (RhinoRuntime rt = new RhinoRuntime()) {
            rt.runtime.evaluate("console.log('l'); console.info('i'); console.debug('d'); console.warn('w'); console.error('e')", "t.js");
            assertEquals(List.of(new Line(Level.LOG, "l"), new Line(Level.INFO, "i"), new Line(Level.DEBUG, "d"),
                    new Line(Level.WARN, "w"), new Line(Level.ERROR, "e")), rt.sink.lines);
        }
    }

    @Test
    void writerSinkSendsWarnAndErrorToTheErrorStream() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (JsRuntime rt = JsEngines.factory("rhino").create()) {
            Builtins.install(rt, ConsoleSink.of(new PrintWriter(out), new PrintWriter(err)), List.of());
            rt.evaluate("console.log('a %d', 1); console.warn('b'); console.info('c'); console.error('d %s', 'x'); console.debug('e')", "t.js");
        }
        assertEquals(String.join(System.lineSeparator(), "a 1", "c", "e", ""), out.toString());
        assertEquals(String.join(System.lineSeparator(), "b", "d x", ""), err.toString());
    }

    @Test
    void standardSinkUsesSystemOutAndErr() {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (JsRuntime rt = JsEngines.factory("rhino").create()) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Builtins.install(rt);
            rt.evaluate("console.log('to out'); console.error('to err')", "t.js");
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertEquals("to out" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        assertEquals("to err" + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void methodsAreHostFunctionsMadeOnce() {
        try (RhinoRuntime rt = new RhinoRuntime()) {
            assertTrue(rt.runtime.evaluate("console.log === console.log && typeof console.warn === 'function'"
                    + " && console.log.name === 'log' && 'error' in console && !('nope' in console)", "t.js").asBoolean());
            assertEquals("log,info,debug,warn,error,dir,table,time,timeLog,timeEnd,count,countReset,assert,group,groupCollapsed,"
                    + "groupEnd,trace", rt.runtime.evaluate("Object.keys(console).join()", "t.js").asString());
            assertTrue(rt.runtime.global().get("console").asObject().getHostObject(Console.class) != null);
        }
    }

    @Test
    void consoleIsReadOnly() {
        try (RhinoRuntime rt = new RhinoRuntime()) {
            assertEquals("TypeError", rt.runtime.evaluate(
                    "try { console.log = function () {}; 'assigned' } catch (e) { e.name }", "t.js").asString());
        }
    }

    @Test
    void aConsoleServesOneRuntime() {
        Console shared = new Console(new RecordingSink());
        try (JsRuntime first = JsEngines.factory("rhino").create(); JsRuntime second = JsEngines.factory("rhino").create()) {
            first.global().set("console", first.hostObject(shared));
            second.global().set("console", second.hostObject(shared));
            first.evaluate("console.log('fine')", "first.js");
            JsError e = assertThrows(JsError.class, () -> second.evaluate("console.log('refused')", "second.js"));
            IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(cause.getMessage().contains("install a new instance in each runtime"), cause.getMessage());
        }
    }

    @Test
    void aFormattingFailureReachesTheScriptAsAnError() {
        try (RhinoRuntime rt = new RhinoRuntime()) {
            String message = rt.runtime.evaluate(
                    "Number = 5; try { console.log('%d', 1); 'no error' } catch (e) { e.message }", "t.js").asString();
            assertTrue(message.contains("needs the global function Number"), message);
            assertTrue(rt.sink.lines.isEmpty());
        }
    }
}
