package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.junit.jupiter.api.Test;

class ConsoleSinkTest {
    @Test
    void slf4jSinkLogsAtTheConsoleMethodsLevel() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (JsRuntime rt = JsEngines.factory("rhino").create()) {
            Builtins.install(rt, ConsoleSink.slf4j("jsi.test"), List.of(), ModuleRegistry.empty());
            rt.evaluate("console.log('n=%d', 5); console.warn('careful'); console.error('bad %s', 'thing')", "t.js");
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        // slf4j-simple writes "[thread] LEVEL logger - message" to System.err
        assertTrue(text.contains("INFO jsi.test - n=5"), text);
        assertTrue(text.contains("WARN jsi.test - careful"), text);
        assertTrue(text.contains("ERROR jsi.test - bad thing"), text);
    }
}
