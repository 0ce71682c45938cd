package org.jsi4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Records}: reflection once per record class, values read and records built through method handles. */
class RecordsTest {
    record Item(String name, List<Integer> sizes) {
    }

    private record Hidden(int n) {
        Hidden {
            if (n < 0) throw new IllegalArgumentException("negative");
        }

        @Override
        public int n() {
            if (n == 13) throw new IllegalStateException("unlucky");
            return n;
        }
    }

    @Test
    void componentsAreLookedUpOncePerClass() {
        List<Records.Component> first = Records.components(Item.class);
        assertSame(first, Records.components(Item.class), "the same cached components, not a new reflection per conversion");
        assertEquals(List.of("name", "sizes"), first.stream().map(Records.Component::name).toList());
        assertEquals("java.util.List<java.lang.Integer>", first.get(1).type().getTypeName());
        assertSame(Records.constructor(Item.class), Records.constructor(Item.class));
    }

    @Test
    void valuesAreReadAndRecordsBuiltEvenWhenNotPublic() throws Throwable {
        assertEquals(Map.of("name", "pen", "sizes", List.of(1, 2)), Records.components(new Item("pen", List.of(1, 2))));
        assertEquals(Map.of("n", 7), Records.components(new Hidden(7)));
        assertEquals(new Hidden(3), (Object) Records.constructor(Hidden.class).invokeExact(new Object[] {3}));
    }

    @Test
    void whatAnAccessorOrConstructorThrowsComesOutAsItIs() {
        IllegalStateException accessor = assertThrows(IllegalStateException.class, () -> Records.components(new Hidden(13)));
        assertEquals("unlucky", accessor.getMessage());
        IllegalArgumentException constructor = assertThrows(IllegalArgumentException.class,
                () -> { Object ignored = (Object) Records.constructor(Hidden.class).invokeExact(new Object[] {-1}); });
        assertEquals("negative", constructor.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Records.components(String.class), "not a record");
    }
}
