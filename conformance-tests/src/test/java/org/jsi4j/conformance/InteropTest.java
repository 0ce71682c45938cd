package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsi4j.JsConversionException;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.interop.TypeToken;

/** Typed interop: {@code JsValue.as(...)} and {@code JsRuntime.toJs(...)}. */
@Area("interop")
class InteropTest {
    enum Status { OPEN, CLOSED }

    record Item(String name, int qty, double price) {
    }

    record Order(long id, Status status, List<Item> items, Optional<String> note, Instant at) {
    }

    /** A bean with getters. */
    public static final class Person {
        public String getName() {
            return "Ada";
        }

        public boolean isActive() {
            return true;
        }

        public List<Integer> getScores() {
            return List.of(1, 2);
        }
    }

    @EngineTest
    void numbersByTargetType(JsRuntime rt) {
        assertEquals(42, rt.evaluate("42", "n.js").as(int.class));
        assertEquals(0, rt.evaluate("Math.round(-0.2)", "z.js").as(int.class), "-0 is the integer 0 (as a host module's int parameter takes it)");
        assertEquals(42L, rt.evaluate("42", "n.js").as(Long.class));
        assertEquals(42.0, rt.evaluate("42", "n.js").as(double.class));
        assertEquals(new BigInteger("1234567890123456789"), rt.evaluate("1234567890123456789n", "b.js").as(BigInteger.class));
        assertEquals(BigInteger.TWO.pow(70), rt.evaluate("2n ** 70n", "b.js").as(BigInteger.class));
        assertEquals(BigInteger.valueOf(7), rt.evaluate("7", "b.js").as(BigInteger.class));
        JsConversionException notInt = assertThrows(JsConversionException.class, () -> rt.evaluate("1.5", "f.js").as(int.class));
        assertEquals("$: expected int, got 1.5", notInt.getMessage());
        assertThrows(JsConversionException.class, () -> rt.evaluate("2 ** 40", "o.js").as(int.class), "overflow");
        assertThrows(JsConversionException.class, () -> rt.evaluate("2 ** 60", "o.js").as(long.class), "not exact");
        assertThrows(JsConversionException.class, () -> rt.evaluate("'12'", "s.js").as(int.class), "no parsing");
        assertThrows(JsConversionException.class, () -> rt.evaluate("null", "z.js").as(int.class));
        assertNull(rt.evaluate("null", "z.js").as(Integer.class));
        assertInstanceOf(Integer.class, rt.evaluate("3", "o.js").as(Object.class), "no silent Double");
    }

    @EngineTest
    void structuresRecordsEnumsOptionalInstant(JsRuntime rt) {
        Order order = rt.evaluate("({id: 7, status: 'OPEN', items: [{name: 'pen', qty: 2, price: 1.5}],"
                + " at: new Date(86400000)})", "o.js").as(Order.class);
        assertEquals(new Order(7, Status.OPEN, List.of(new Item("pen", 2, 1.5)), Optional.empty(), Instant.ofEpochMilli(86400000)),
                order);
        List<Integer> ints = rt.evaluate("[1, 2, 3]", "l.js").as(new TypeToken<List<Integer>>() { });
        assertEquals(List.of(1, 2, 3), ints);
        Map<String, List<String>> map = rt.evaluate("({a: ['x'], b: []})", "m.js").as(new TypeToken<Map<String, List<String>>>() { });
        assertEquals(Map.of("a", List.of("x"), "b", List.of()), map);
        assertArrayEquals(new int[] {4, 5}, rt.evaluate("[4, 5]", "a.js").as(int[].class));
        assertArrayEquals(new String[] {"p"}, rt.evaluate("['p']", "a.js").as(String[].class));
        assertEquals(true, rt.evaluate("true", "t.js").as(boolean.class));
        assertEquals(Optional.of("x"), rt.evaluate("'x'", "x.js").as(new TypeToken<Optional<String>>() { }));
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), rt.evaluate("'2020-01-02T03:04:05Z'", "i.js").as(Instant.class));
    }

    @EngineTest
    void failuresNameThePath(JsRuntime rt) {
        JsConversionException e = assertThrows(JsConversionException.class, () -> rt.evaluate(
                "({id: 1, status: 'OPEN', items: [{name: 'a', qty: 1, price: 1}, {name: 'b', qty: 1, price: 1},"
                        + " {name: 'c', qty: 1, price: 1}, {name: 'd', qty: '12a', price: 2}], at: 0})", "p.js").as(Order.class));
        assertEquals("$.items[3].qty: expected int, got \"12a\"", e.getMessage());
        assertEquals("$.items[3].qty", e.path());
        JsConversionException en = assertThrows(JsConversionException.class,
                () -> rt.evaluate("({id: 1, status: 'HALF', items: [], at: 0})", "e.js").as(Order.class));
        assertEquals("$.status: expected Status, got \"HALF\"", en.getMessage());
        JsConversionException key = assertThrows(JsConversionException.class,
                () -> rt.evaluate("({'a b': 1})", "k.js").as(new TypeToken<Map<String, String>>() { }));
        assertEquals("$[\"a b\"]: expected String, got 1", key.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rt.evaluate("1", "t.js").as(Thread.class));
    }

    @EngineTest
    void javaToJavaScript(JsRuntime rt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order", new Order(9, Status.CLOSED, List.of(new Item("cup", 1, 2.5)), Optional.of("n"), Instant.ofEpochMilli(0)));
        data.put("person", new Person());
        data.put("big", BigInteger.TEN);
        data.put("none", null);
        data.put("nums", new int[] {1, 2});
        rt.global().set("d", rt.toJs(data));
        assertEquals(JsValue.of("CLOSED|cup|2.5|n|0|true|Ada|1,2|bigint|null|2"), rt.evaluate(
                "[d.order.status, d.order.items[0].name, d.order.items[0].price, d.order.note, d.order.at.getTime(),"
                        + " d.order.at instanceof Date, d.person.name, d.person.scores.join(), typeof d.big, String(d.none), d.nums.length].join('|')",
                "j.js"));
        assertEquals(JsValue.of(true), rt.evaluate("d.person.active === true", "b.js"));
        Order back = ((JsObject) rt.evaluate("d.order", "o.js")).as(Order.class);
        assertEquals(9, back.id());
        List<Object> cycle = new java.util.ArrayList<>();
        cycle.add(cycle);
        JsConversionException deep = assertThrows(JsConversionException.class, () -> rt.toJs(cycle));
        assertTrue(deep.path().startsWith("$[0][0]"), deep.path());
        assertThrows(JsConversionException.class, () -> rt.toJs(Long.MAX_VALUE));
        assertThrows(JsConversionException.class, () -> rt.toJs(Map.of(1, "x")));
    }
}
