package org.jsi4j.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The harness files of a test262 checkout ({@code harness/*.js}), each read once. Thread-safe. */
public final class Test262Harness {
    private final Path dir;
    private final ConcurrentMap<String, String> files = new ConcurrentHashMap<>();

    /** The harness of the checkout at {@code root}. */
    public Test262Harness(Path root) {
        this.dir = root.resolve("harness");
    }

    /**
     * The text of harness file {@code name} ({@code assert.js}).
     *
     * @throws IllegalArgumentException when there is no such harness file (a test includes one that does not exist)
     */
    public String file(String name) {
        return files.computeIfAbsent(name, n -> {
            if (n.contains("..") || n.startsWith("/")) throw new IllegalArgumentException("bad harness include: " + n);
            try {
                return Files.readString(dir.resolve(n));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no harness file " + n + " in " + dir);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read harness file " + n + ": " + e.getMessage());
            }
        });
    }
}
