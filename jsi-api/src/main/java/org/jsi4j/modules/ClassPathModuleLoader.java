package org.jsi4j.modules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Modules that are class path resources under a prefix; ids are {@code classpath:/PREFIX/path}. */
final class ClassPathModuleLoader extends FileTreeLoader {
    private final String prefix;
    private final ClassLoader loader;

    ClassPathModuleLoader(String prefix, ClassLoader loader) {
        String p = Objects.requireNonNull(prefix, "prefix").replaceAll("^/+|/+$", "");
        this.prefix = p.isEmpty() ? "" : p + "/";
        this.loader = loader != null ? loader : ClassPathModuleLoader.class.getClassLoader();
    }

    @Override
    boolean isFile(String path) {
        URL url = loader.getResource(prefix + path.substring(1));
        // a directory resource of a jar or folder has no content of its own to import
        return url != null && !url.toString().endsWith("/") && !isDirectory(url);
    }

    private static boolean isDirectory(URL url) {
        if (!"file".equals(url.getProtocol())) return false;
        try {
            return java.nio.file.Files.isDirectory(java.nio.file.Path.of(url.toURI()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    String read(String path) {
        try (InputStream in = loader.getResourceAsStream(prefix + path.substring(1))) {
            if (in == null) throw new ModuleResolutionException("Module " + idOf(path) + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModuleResolutionException("Module " + idOf(path) + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    String idOf(String path) {
        return "classpath:/" + prefix + path.substring(1);
    }

    @Override
    String pathOf(String id) {
        String head = "classpath:/" + prefix;
        return id.startsWith(head) ? "/" + id.substring(head.length()) : null;
    }

    @Override
    String describeRoot() {
        return "the class path under /" + prefix;
    }
}
