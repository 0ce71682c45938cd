package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    @Test
    void onATerminalABarRedrawnInPlaceNamesTheStep() throws InterruptedException {
        StringWriter text = new StringWriter();
        try (ProgressDisplay p = ProgressDisplay.start(new PrintWriter(text), "bench", 4, true)) {
            p.step(1, "rhino hostCall (jsi)");
            Thread.sleep(400);
        }
        String shown = text.toString();
        assertTrue(shown.contains("\rbench"), shown);
        assertTrue(shown.contains("rhino hostCall (jsi)"), shown);
        assertTrue(shown.contains("4/4"), "closing completes the bar: " + shown);
    }

    @Test
    void elsewhereOneLinePerStep() {
        StringWriter text = new StringWriter();
        try (ProgressDisplay p = ProgressDisplay.start(new PrintWriter(text), "compare", 2, false)) {
            p.step(0, "a.js on v8");
            p.step(1, "a.js on rhino");
        }
        assertEquals("compare [1/2] a.js on v8\ncompare [2/2] a.js on rhino\n", text.toString().replace(System.lineSeparator(), "\n"));
    }
}
