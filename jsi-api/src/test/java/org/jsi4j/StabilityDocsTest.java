package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the published modules states its stability (stable, experimental, SPI):
 * in its own javadoc, or in its package's {@code package-info.java}, each with a "Stability:" line.
 */
class StabilityDocsTest {
    private static final List<String> PUBLISHED = List.of("jsi-api", "jsi-guice", "host-object", "jsi-modules", "runtime-rhino",
            "runtime-graal", "runtime-v8");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public (final |abstract |sealed |non-sealed )*(class|interface|record|enum|@interface) ");
    private static final Pattern STABILITY = Pattern.compile("Stability: (stable|experimental|SPI)");

    @Test
    void everyPublicTypeOfEveryPublishedModuleSaysHowStableItIs() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> silent = new ArrayList<>();
        int checked = 0;
        for (String module : PUBLISHED) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(sources), sources + " is missing");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).toList()) {
                    String text = Files.readString(file);
                    if (!PUBLIC_TYPE.matcher(text).find()) continue;
                    checked++;
                    Path info = file.resolveSibling("package-info.java");
                    boolean own = STABILITY.matcher(text).find();
                    boolean byPackage = Files.exists(info) && STABILITY.matcher(Files.readString(info)).find();
                    if (!own && !byPackage) silent.add(root.relativize(file).toString());
                }
            }
        }
        assertTrue(checked > 60, "only " + checked + " public types found: is the source tree where the test expects it?");
        assertEquals(List.of(), silent, "public types whose stability is stated neither in their javadoc nor in package-info.java");
    }
}
