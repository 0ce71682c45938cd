package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RuntimeOptionsTest {
    @Test
    void defaultsHaveNoLimits() {
        RuntimeOptions o = RuntimeOptions.defaults();
        assertNull(o.timeLimit());
        assertEquals(0, o.statementLimit());
        assertEquals(0, o.maxStackDepth());
        assertEquals(0, o.maxHeapBytes());
    }

    @Test
    void withersChangeOneValue() {
        RuntimeOptions o = RuntimeOptions.defaults().withTimeLimit(Duration.ofMillis(5)).withStatementLimit(7)
                .withMaxStackDepth(9).withMaxHeapBytes(11);
        assertEquals(new RuntimeOptions(Duration.ofMillis(5), 7, 9, 11), o);
    }

    @Test
    void nonsenseIsRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeOptions.defaults().withTimeLimit(Duration.ZERO));
        assertEquals("timeLimit must be positive, was PT0S", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RuntimeOptions.defaults().withStatementLimit(-1));
        assertThrows(IllegalArgumentException.class, () -> RuntimeOptions.defaults().withMaxStackDepth(-1));
        assertThrows(IllegalArgumentException.class, () -> RuntimeOptions.defaults().withMaxHeapBytes(-1));
    }
}
