package org.jsi4j.modules;

import java.util.Map;
import java.util.TreeMap;

/** Modules held in a map of paths to source text; ids are {@code memory:/path}. */
final class MapModuleLoader extends FileTreeLoader {
    static final MapModuleLoader EMPTY = new MapModuleLoader(Map.of());

    private final Map<String, String> sources;

    MapModuleLoader(Map<String, String> sources) {
        Map<String, String> copy = new TreeMap<>();
        sources.forEach((path, text) -> {
            if (path == null || text == null) throw new IllegalArgumentException("a module path and its text must not be null");
            String p = path.startsWith("/") ? path : "/" + path;
            if (p.contains("/../") || p.contains("/./") || p.endsWith("/..")) {
                throw new IllegalArgumentException("module path '" + path + "' must be normalized (no . or .. segments)");
            }
            copy.put(p, text);
        });
        this.sources = Map.copyOf(copy);
    }

    @Override
    boolean isFile(String path) {
        return sources.containsKey(path);
    }

    @Override
    String read(String path) {
        return sources.get(path);
    }

    @Override
    String idOf(String path) {
        return "memory:" + path;
    }

    @Override
    String pathOf(String id) {
        return id.startsWith("memory:/") ? id.substring("memory:".length()) : null;
    }

    @Override
    String describeRoot() {
        return "the in-memory modules";
    }
}
