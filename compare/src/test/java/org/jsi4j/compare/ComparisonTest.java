package org.jsi4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which directory each test is summarised under. */
class ComparisonTest {
    private static Comparison of(String... ids) {
        return new Comparison(List.of("rhino"), java.util.Arrays.stream(ids).map(i -> new TestCase(i, Path.of(i), true)).toList(),
                List.of(), 1, 0);
    }

    @Test
    void directoriesAreCountedBelowWhatAllTestsShare() {
        assertEquals(Map.of("built-ins/Array/from/a.js", "built-ins/Array/from",
                        "built-ins/Array/prototype/map/b.js", "built-ins/Array/prototype/map",
                        "built-ins/Array/prototype/map/deep/c.js", "built-ins/Array/prototype/map"),
                of("built-ins/Array/from/a.js", "built-ins/Array/prototype/map/b.js", "built-ins/Array/prototype/map/deep/c.js").groups());
        assertEquals(Map.of("built-ins/Array/x/a.js", "built-ins/Array", "language/expressions/y/b.js", "language/expressions"),
                of("built-ins/Array/x/a.js", "language/expressions/y/b.js").groups());
        assertEquals(Map.of("examples/compare/a.js", "examples/compare", "top.js", "."), of("examples/compare/a.js", "top.js").groups());
    }
}
