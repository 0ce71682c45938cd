package org.jsi4j.graal;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The only files a GraalJS runtime with modules can read: the module texts its module system has
 * resolved, loaded and handed to {@link GraalNativeModules}, each under the name errors and stack
 * traces give it (a file's path, else its id such as {@code memory:/lib.mjs}). Nothing on disk is
 * reachable through it, nothing can be written, listed or followed: every other path is a
 * {@link NoSuchFileException}. GraalJS finds a module a native module imports through it, by the
 * name the module system wrote as the import's specifier. Set only on contexts of runtimes created
 * with a module loader.
 */
final class GraalModuleFiles implements FileSystem {
    private static final Path ROOT = Path.of("/");
    private final Map<Path, byte[]> texts = new ConcurrentHashMap<>();
    /** Other names of modules ({@link #alias}): their real path is the module's. */
    private final Map<Path, Path> aliases = new ConcurrentHashMap<>();
    private final Map<String, String> aliasOf = new ConcurrentHashMap<>();

    /** The path GraalJS knows the module {@code name} by. */
    static Path path(String name) {
        return Path.of(name);
    }

    void put(String name, String text) {
        texts.put(path(name), text.getBytes(StandardCharsets.UTF_8));
    }

    void remove(String name) {
        texts.remove(path(name));
    }

    /**
     * A path of exactly {@code width} characters ({@code /~N~~~}) whose real path is the module
     * {@code name}'s, or {@code name} when the width is too small for one: GraalJS reads the module at
     * its real path and names it by that path in stack traces, so an import written with the alias
     * keeps every column of its line.
     */
    String alias(String name, int width) {
        String id = aliasOf.computeIfAbsent(name, n -> Integer.toString(aliasOf.size(), 36));
        if (width < id.length() + 2 || width == Integer.MAX_VALUE) return name;
        String alias = "/~" + id + "~".repeat(width - id.length() - 2);
        aliases.putIfAbsent(path(alias), path(name));
        return alias;
    }

    /** The module path {@code path} names: itself, or the module an alias stands for. */
    private Path real(Path path) {
        Path to = aliases.get(path);
        return to != null ? to : path;
    }

    private byte[] text(Path path) {
        byte[] t = texts.get(real(path));
        // GraalJS makes a name that is not an absolute path (memory:/x.mjs) absolute before reading it
        if (t == null && path.isAbsolute() && path.getNameCount() > 0) t = texts.get(ROOT.relativize(path));
        return t;
    }

    private byte[] existing(Path path) throws NoSuchFileException {
        byte[] t = text(path);
        if (t == null) throw new NoSuchFileException(path.toString());
        return t;
    }

    @Override
    public Path parsePath(URI uri) {
        if ("file".equals(uri.getScheme())) return Path.of(uri);
        return path(uri.toString());
    }

    @Override
    public Path parsePath(String path) {
        return path(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        existing(path);
        if (modes.contains(AccessMode.WRITE) || modes.contains(AccessMode.EXECUTE)) {
            throw new AccessDeniedException(path.toString(), null, "modules are read only");
        }
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "modules are read only");
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "modules are read only");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        for (OpenOption o : options) {
            if (o != StandardOpenOption.READ && o instanceof StandardOpenOption) {
                throw new AccessDeniedException(path.toString(), null, "modules are read only");
            }
        }
        return new Reader(existing(path));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "modules cannot be listed");
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return path.isAbsolute() ? path : ROOT.resolve(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        existing(path);
        return real(path);
    }

    /** Every text served is an ES module (the module system made JSON and CommonJS into ones), whatever its name ends with. */
    @Override
    public String getMimeType(Path path) {
        return text(path) == null ? null : "application/javascript+module";
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        byte[] t = existing(path);
        FileTime epoch = FileTime.fromMillis(0);
        return Map.of("size", (long) t.length, "isRegularFile", true, "isDirectory", false, "isSymbolicLink", false,
                "isOther", false, "lastModifiedTime", epoch, "lastAccessTime", epoch, "creationTime", epoch);
    }

    /** A read-only channel over one module's bytes. */
    private static final class Reader implements SeekableByteChannel {
        private final byte[] bytes;
        private int position;
        private boolean open = true;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) return -1;
            int n = Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = (int) Math.min(newPosition, bytes.length);
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
