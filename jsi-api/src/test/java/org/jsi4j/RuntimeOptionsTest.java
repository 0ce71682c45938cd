package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.jsi4j.snapshot.SnapshotCodec;
import org.jsi4j.snapshot.SnapshotCodecTest;
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

    @Test
    void snapshotOptionsKeepTheLimitsAndCheckExternals() {
        RuntimeOptions o = RuntimeOptions.forSnapshotting().withTimeLimit(Duration.ofSeconds(1));
        assertTrue(o.snapshotting() && o.journaling());
        assertEquals(Duration.ofSeconds(1), o.timeLimit());
        assertFalse(RuntimeOptions.defaults().journaling());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuntimeOptions.defaults().externals(java.util.Map.of("x", "a string")));
        assertTrue(e.getMessage().contains("'x' must be a HostFunction or a HostObject"), e.getMessage());
        HostFunction f = (rt, self, args) -> JsValue.undefined();
        assertSame(f, RuntimeOptions.defaults().externals(java.util.Map.of("f", f)).externals().get("f"));
    }

    @Test
    void fromSnapshotChecksTheBlobAtOnce() {
        SnapshotKey key = SnapshotKey.generate();
        JsSnapshotException e = assertThrows(JsSnapshotException.class,
                () -> RuntimeOptions.fromSnapshot("not a snapshot".getBytes(java.nio.charset.StandardCharsets.UTF_8), key));
        assertTrue(e.getMessage().contains("no authentication tag"), e.getMessage());
        e = assertThrows(JsSnapshotException.class,
                () -> RuntimeOptions.fromUnauthenticatedSnapshot("not a snapshot".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("not a jsi4j snapshot"), e.getMessage());
        byte[] blob = Snapshot.parseUnauthenticated(SnapshotCodec.encode(SnapshotCodecTest.sample(null))).bytes(key);
        RuntimeOptions o = RuntimeOptions.fromSnapshot(blob, key);
        assertTrue(o.journaling());
        assertEquals(java.util.List.of("log", "store"), o.restore().externalNames());
        assertEquals(java.util.List.of("init.js", "bad.js"),
                o.restore().scripts().stream().map(Snapshot.Script::sourceName).toList());
    }
}
