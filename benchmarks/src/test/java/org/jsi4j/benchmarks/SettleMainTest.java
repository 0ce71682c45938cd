package org.jsi4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The in-process settling loop: flavors by suffix, and one real window on Rhino. */
class SettleMainTest {
    @Test
    void theMethodsSuffixNamesItsFlavor() {
        assertEquals(Flavor.JSI, SettleMain.flavorOf("propertySet_jsi"));
        assertEquals(Flavor.RAW, SettleMain.flavorOf("hostCall_raw"));
        assertEquals(Flavor.JSR223, SettleMain.flavorOf("jsCall_jsr223"));
        assertThrows(IllegalArgumentException.class, () -> SettleMain.flavorOf("jsCall_other"));
    }

    @Test
    void printsTheTimePerOperationOfEachWindow() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SettleMain.main(new String[] {"rhino", "propertyGet_jsi", "1"});
        } finally {
            System.setOut(out);
        }
        String printed = captured.toString(StandardCharsets.UTF_8).strip();
        // one window of two seconds; 1000 reads per invocation, so a read costs well under a microsecond
        assertTrue(printed.matches("\\s*2\\.\\d s\\s+[\\d,]+\\.\\d ns/op"), printed);
        double ns = Double.parseDouble(printed.replaceAll(".*s\\s+([\\d,.]+) ns/op", "$1").replace(",", ""));
        assertTrue(ns > 0 && ns < 1_000, printed);
    }

    @Test
    void anUnknownEngineIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SettleMain.main(new String[] {"spidermonkey", "jsCall_jsi"}));
        assertTrue(e.getMessage().contains("spidermonkey"), e.getMessage());
    }
}
