package org.jsi4j.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the test files of a run: files, directories (searched recursively for {@code .js} and
 * {@code .mjs}) and globs ({@code 'test/**&#47;*.js'}, for a shell that did not expand them), in
 * test262 mode when a test262 root is given or when the files lie in a test262 checkout (a
 * directory with {@code harness/assert.js} and {@code test/}). test262's {@code _FIXTURE.js}
 * files are modules other tests import, not tests, and are left out.
 */
public final class TestDiscovery {
    private TestDiscovery() {
    }

    /**
     * The tests of a run.
     *
     * @param test262Root the test262 checkout the tests come from, or {@code null} for plain scripts
     * @param tests the tests, sorted by id, each once
     */
    public record Suite(Path test262Root, List<TestCase> tests) {
        /** Copies the list. */
        public Suite {
            tests = List.copyOf(tests);
        }
    }

    /**
     * Finds the tests named by {@code args}.
     *
     * @param test262Root a test262 checkout (its {@code test/} directory when {@code args} is empty), or {@code null}
     *     to detect one from the files
     * @param plain run every file as a plain script, even in a test262 checkout
     * @throws IllegalArgumentException when a file does not exist, a glob matches nothing, the root is no test262
     *     checkout, or nothing at all is found
     */
    public static Suite discover(List<String> args, Path test262Root, boolean plain) {
        Path root = null;
        if (test262Root != null) {
            root = test262Root.toAbsolutePath().normalize();
            if (!isTest262Root(root)) {
                throw new IllegalArgumentException(test262Root + " is not a test262 checkout (no harness/assert.js and test/ in it)");
            }
        }
        List<String> names = new ArrayList<>(args);
        if (names.isEmpty() && root != null) names.add(root.resolve("test").toString());
        if (names.isEmpty()) throw new IllegalArgumentException("no test files given");
        List<Path> files = new ArrayList<>();
        for (String name : names) files.addAll(expand(name, root));
        if (root == null && !plain) root = detectRoot(files);
        if (plain) root = null;
        Path cwd = Path.of("").toAbsolutePath();
        Map<String, TestCase> byId = new TreeMap<>();
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            if (root != null && abs.getFileName().toString().endsWith("_FIXTURE.js")) continue;
            String id = id(abs, root, cwd);
            byId.putIfAbsent(id, new TestCase(id, abs, root != null && abs.startsWith(root)));
        }
        if (byId.isEmpty()) throw new IllegalArgumentException("no test files (.js, .mjs) found in " + String.join(" ", names));
        return new Suite(root, List.copyOf(byId.values()));
    }

    /** Whether {@code dir} looks like a test262 checkout. */
    public static boolean isTest262Root(Path dir) {
        return Files.isRegularFile(dir.resolve("harness").resolve("assert.js")) && Files.isDirectory(dir.resolve("test"));
    }

    private static Path detectRoot(List<Path> files) {
        if (files.isEmpty()) return null;
        for (Path p = files.get(0).toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
            if (isTest262Root(p)) return p;
        }
        return null;
    }

    private static String id(Path abs, Path root, Path cwd) {
        Path base = root != null && abs.startsWith(root.resolve("test")) ? root.resolve("test")
                : root != null && abs.startsWith(root) ? root
                : abs.startsWith(cwd) ? cwd : null;
        String id = base == null ? abs.toString() : base.relativize(abs).toString();
        return id.replace('\\', '/');
    }

    private static List<Path> expand(String name, Path root) {
        if (name.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) return glob(name);
        Path p = Path.of(name);
        if (!p.isAbsolute() && !Files.exists(p) && root != null && Files.exists(root.resolve(name))) p = root.resolve(name);
        if (!Files.exists(p)) throw new IllegalArgumentException("no such file or directory: " + name);
        if (Files.isDirectory(p)) return walk(p, q -> true);
        return List.of(p);
    }

    private static List<Path> glob(String pattern) {
        String[] parts = pattern.replace('\\', '/').split("/", -1);
        int fixed = 0;
        while (fixed < parts.length - 1 && parts[fixed].chars().noneMatch(c -> "*?[{".indexOf(c) >= 0)) fixed++;
        String baseName = String.join("/", java.util.Arrays.copyOfRange(parts, 0, fixed));
        Path base = Path.of(baseName.isEmpty() ? (pattern.startsWith("/") ? "/" : ".") : baseName);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher(
                "glob:" + String.join("/", java.util.Arrays.copyOfRange(parts, fixed, parts.length)));
        List<Path> found = Files.isDirectory(base) ? walk(base, p -> matcher.matches(base.relativize(p))) : List.of();
        if (found.isEmpty()) throw new IllegalArgumentException("no test file matches " + pattern);
        return found;
    }

    private static List<Path> walk(Path dir, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".mjs"))
                    .filter(keep)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
