package org.jsi4j.modules;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Modules under one directory; nothing outside it is read, whichever way a specifier or a link points. */
final class DirectoryModuleLoader extends FileTreeLoader {
    private final Path root;
    private final String rootUri;

    DirectoryModuleLoader(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("The module root " + root + " cannot be used: " + e.getMessage(), e);
        }
        if (!Files.isDirectory(this.root)) throw new IllegalArgumentException("The module root " + root + " is not a directory");
        String uri = this.root.toUri().toString();
        this.rootUri = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    @Override
    boolean isFile(String path) {
        Path file = file(path);
        if (!Files.isRegularFile(file)) return false;
        try {
            if (!file.toRealPath().startsWith(root)) {
                throw new ModuleResolutionException("Module " + path + " is a link that leads outside the module root "
                        + root + " (to " + file.toRealPath() + "); refused");
            }
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    @Override
    String read(String path) {
        try {
            return Files.readString(file(path));
        } catch (CharacterCodingException e) {
            throw new ModuleResolutionException("Module " + idOf(path) + " is not UTF-8 text");
        } catch (IOException e) {
            throw new ModuleResolutionException("Module " + idOf(path) + " cannot be read: " + e.getMessage());
        }
    }

    private Path file(String path) {
        return root.resolve(path.substring(1));
    }

    @Override
    String idOf(String path) {
        return file(path).toUri().toString();
    }

    @Override
    String pathOf(String id) {
        if (!id.startsWith(rootUri + "/")) return null;
        try {
            Path p = Path.of(URI.create(id)).normalize();
            return p.startsWith(root) ? "/" + root.relativize(p).toString().replace('\\', '/') : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    String describeRoot() {
        return root.toString();
    }
}
