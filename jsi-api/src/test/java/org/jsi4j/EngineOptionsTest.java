package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {
    private static final EngineOption<Integer> LEVEL = EngineOption.ofInt("e", "level", 0, 3, "a level");
    private static final EngineOption<String> MODE = EngineOption.ofChoice("e", "mode", List.of("fast", "safe"), "a mode");
    private static final EngineOption<Boolean> ON = EngineOption.ofBoolean("e", "on", "a switch");

    @Test
    void eachEngineResolvesOnlyItsOwnOptions() {
        EngineOptions o = EngineOptions.of(Map.of("e.level", "2", "e.mode", "safe", "other.x", "whatever"));
        assertEquals(Map.of("level", 2, "mode", "safe"), o.resolve("e", List.of(LEVEL, MODE, ON)));
        assertEquals(Map.of("x", "whatever"), o.forEngine("other"));
        assertEquals(Map.of(), o.resolve("third", List.of()));
    }

    @Test
    void unknownAndMalformedValuesSayWhatIsAccepted() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> EngineOptions.of(Map.of("e.levle", "1")).resolve("e", List.of(LEVEL, MODE)));
        assertEquals("Unknown engine option 'e.levle' for engine e; it accepts e.level, e.mode"
                + " (./jsi engines --options lists what each does)", unknown.getMessage());
        assertEquals("Unknown engine option 'e.x' for engine e: it accepts no engine options",
                assertThrows(IllegalArgumentException.class, () -> EngineOptions.of(Map.of("e.x", "1")).resolve("e", List.of())).getMessage());
        assertEquals("Engine option e.level=4 for engine e: 4 is out of range; expected an integer from 0 to 3",
                assertThrows(IllegalArgumentException.class, () -> LEVEL.parse("4")).getMessage());
        assertEquals("Engine option e.mode=quick for engine e: 'quick' is not one of them; expected one of fast, safe",
                assertThrows(IllegalArgumentException.class, () -> MODE.parse("quick")).getMessage());
        assertEquals("Engine option e.on=yes for engine e: 'yes' is neither true nor false; expected true or false",
                assertThrows(IllegalArgumentException.class, () -> ON.parse("yes")).getMessage());
        assertEquals(true, ON.parse("true"));
    }

    @Test
    void keysMustNameAnEngine() {
        for (String bad : new String[] {"level", ".level", "e.", ""}) {
            assertThrows(IllegalArgumentException.class, () -> EngineOptions.of(Map.of(bad, "1")), bad);
        }
        assertEquals(Map.entry("e.level", "a=b"), EngineOptions.parseAssignment("e.level=a=b"));
        assertThrows(IllegalArgumentException.class, () -> EngineOptions.parseAssignment("e.level"));
        assertThrows(IllegalArgumentException.class, () -> EngineOptions.parseAssignment("=1"));
    }

    @Test
    void runtimeOptionsKeepEngineOptionsThroughEveryWither() {
        RuntimeOptions o = RuntimeOptions.defaults().with(LEVEL, 2).withTimeLimit(Duration.ofSeconds(1)).withStatementLimit(5)
                .withMaxStackDepth(7).withMaxHeapBytes(1 << 20).withSnapshotting(true).externals(Map.of());
        assertEquals(Map.of("e.level", "2"), o.engineOptions().asMap());
        assertEquals(Map.of("e.level", "2", "e.on", "false"), o.with(ON, false).engineOptions().asMap());
        assertThrows(IllegalArgumentException.class, () -> RuntimeOptions.defaults().with(LEVEL, 9));
        assertEquals(EngineOptions.none(), RuntimeOptions.defaults().engineOptions());
    }
}
