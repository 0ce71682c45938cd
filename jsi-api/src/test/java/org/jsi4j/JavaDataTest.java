package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine-free rules of {@link JavaData}; the conversions themselves are in the conformance suite. */
class JavaDataTest {
    @Test
    void nodesCountsJsonDataAndRefusesEverythingElse() {
        assertEquals(1, JavaData.nodes(null, 100));
        assertEquals(5, JavaData.nodes(Map.of("a", List.of(1, "x"), "b", true), 100));
        assertEquals(3, JavaData.nodes(Arrays.asList(null, 2.5f), 100));
        assertEquals(-1, JavaData.nodes(Map.of("a", Double.NaN), 100));
        assertEquals(-1, JavaData.nodes(Map.of(1, "int key"), 100));
        assertEquals(-1, JavaData.nodes(Map.of("__proto__", Map.of()), 100));
        assertEquals(-1, JavaData.nodes(List.of(new Object()), 100));
        assertEquals(-1, JavaData.nodes(new int[] {1}, 100), "arrays are TypeMapping's, not JSON data");
    }

    @Test
    void nodesStopsCountingAtEnough() {
        List<Integer> big = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) big.add(i);
        assertEquals(10, JavaData.nodes(big, 10));
        assertEquals(10_001, JavaData.nodes(big, Integer.MAX_VALUE));
    }

    @Test
    void nestingIsAllowedToMaxDepth() {
        Object data = 1;
        for (int i = 0; i < JavaData.MAX_DEPTH; i++) data = List.of(data);
        assertEquals(JavaData.MAX_DEPTH + 1, JavaData.nodes(data, Integer.MAX_VALUE));
        assertEquals(-1, JavaData.nodes(List.of(data), Integer.MAX_VALUE));
    }

    @Test
    void leavesAndKeys() {
        for (Object leaf : new Object[] {null, "s", true, 1, 1L, (short) 1, (byte) 1, 1.5, 1.5f}) assertTrue(JavaData.isLeaf(leaf), "" + leaf);
        for (Object other : new Object[] {Double.POSITIVE_INFINITY, Float.NaN, 'c', new java.math.BigDecimal("1"), List.of()}) {
            assertFalse(JavaData.isLeaf(other), "" + other);
        }
        assertTrue(JavaData.isKey(""));
        assertFalse(JavaData.isKey("__proto__"));
        assertFalse(JavaData.isKey(null));
    }

    @Test
    void numbersAsJsonHasThem() {
        assertEquals(0.0, JavaData.number(-0.0));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits((Double) JavaData.number(-0.0)));
        assertEquals(null, JavaData.number(Double.NaN));
        assertEquals(null, JavaData.number(Double.NEGATIVE_INFINITY));
        assertEquals(2.5, JavaData.number(2.5));
    }

    @Test
    void explainNamesThePathOfTheFirstPartThatIsNotJsonData() {
        IllegalArgumentException builderSaid = new IllegalArgumentException("leaf");
        Map<String, Object> inner = new HashMap<>();
        inner.put("ok", 1);
        inner.put("bad", new StringBuilder("x"));
        String message = JavaData.explain(Map.of("outer", List.of("fine", inner)), builderSaid).getMessage();
        assertTrue(message.startsWith("Not JSON data at $.outer[1].bad (a java.lang.StringBuilder)"), message);
        assertTrue(message.contains("BulkConversion.toJs"), "says what to use instead: " + message);
        assertSame(builderSaid, JavaData.explain(Map.of("a", 1), builderSaid), "JSON data after all: the builder's own error stands");
        assertTrue(JavaData.explain(List.of(Float.NEGATIVE_INFINITY), builderSaid).getMessage()
                .contains("$[0] (the non-finite number -Infinity)"));
    }
}
