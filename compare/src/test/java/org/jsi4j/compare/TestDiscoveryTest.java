package org.jsi4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryInATest262CheckoutIsFoundRecursivelyAndDetected() {
        TestDiscovery.Suite s = TestDiscovery.discover(List.of(Fixture.root().resolve("test/language").toString()), null, false);
        assertEquals(Fixture.root(), s.test262Root());
        List<String> ids = s.tests().stream().map(TestCase::id).toList();
        assertTrue(ids.contains("language/negative/parse-error.js"), ids.toString());
        assertTrue(ids.contains("language/strict/with-statement.js"), ids.toString());
        assertEquals(ids.stream().sorted().toList(), ids, "sorted by id");
        assertTrue(s.tests().stream().allMatch(TestCase::test262));
    }

    @Test
    void theRootAloneMeansItsTestDirectoryAndFixturesAreNoTests() {
        TestDiscovery.Suite s = TestDiscovery.discover(List.of(), Fixture.root(), false);
        List<String> ids = s.tests().stream().map(TestCase::id).toList();
        assertEquals(20, ids.size(), ids.toString());
        assertFalse(ids.stream().anyMatch(i -> i.contains("_FIXTURE")), ids.toString());
    }

    @Test
    void globsPlainFilesAndDuplicates() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/one.js"), "1");
        Files.writeString(dir.resolve("a/b/two.js"), "2");
        Files.writeString(dir.resolve("a/b/notes.txt"), "not a test");
        TestDiscovery.Suite s = TestDiscovery.discover(List.of(dir + "/a/**/*.js", dir.resolve("a/one.js").toString()), null, false);
        assertNull(s.test262Root());
        assertEquals(2, s.tests().size(), s.tests().toString());
        assertFalse(s.tests().get(0).test262());
        TestDiscovery.Suite onlyTop = TestDiscovery.discover(List.of(dir + "/a/*.js"), null, false);
        assertEquals(1, onlyTop.tests().size(), onlyTop.tests().toString());
    }

    @Test
    void plainModeIgnoresTheCheckout() {
        TestDiscovery.Suite s = TestDiscovery.discover(List.of(Fixture.root().resolve("test/language/raw").toString()), null, true);
        assertNull(s.test262Root());
        assertFalse(s.tests().get(0).test262());
    }

    @Test
    void missingFilesEmptyGlobsAndWrongRootsSayWhat() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TestDiscovery.discover(List.of(dir.resolve("nope.js").toString()), null, false))
                .getMessage().contains("no such file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TestDiscovery.discover(List.of(dir + "/*.js"), null, false))
                .getMessage().contains("no test file matches"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TestDiscovery.discover(List.of(), dir, false))
                .getMessage().contains("not a test262 checkout"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TestDiscovery.discover(List.of(dir.toString()), null, false))
                .getMessage().contains("no test files"));
    }
}
