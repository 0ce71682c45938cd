package org.jsi4j.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node-style resolution over a tree of files addressed by root-relative paths ({@code /lib/a.js}):
 * relative and root-absolute specifiers, file extensions, directory {@code index} files,
 * {@code node_modules} lookup and package.json {@code exports} (conditions), {@code main} and
 * {@code type}. Subclasses say only how to test and read a path, and how a path maps to an id.
 */
abstract sealed class FileTreeLoader implements ModuleLoader
        permits DirectoryModuleLoader, ClassPathModuleLoader, MapModuleLoader {
    private static final List<String> EXTENSIONS = List.of(".js", ".mjs", ".cjs", ".ts", ".mts", ".json");

    /** Whether {@code path} (root-relative, normalized, starting with '/') is a readable file. */
    abstract boolean isFile(String path);

    /** The text of a file {@link #isFile} accepted. */
    abstract String read(String path);

    /** The id (a URL) of the file at {@code path}. */
    abstract String idOf(String path);

    /** The path of an id this loader made, or {@code null} for another loader's id. */
    abstract String pathOf(String id);

    /** How the root is described in messages. */
    abstract String describeRoot();

    @Override
    public ResolvedModule resolve(String specifier, String referrer, ResolveMode mode) {
        if (specifier == null || specifier.isEmpty()) {
            throw new ModuleResolutionException("An empty module specifier was imported" + from(referrer));
        }
        String base = referrer == null ? "/" : directoryOf(referrerPath(referrer));
        List<String> searched = new ArrayList<>();
        String found;
        if (isPathLike(specifier)) {
            String path = specifier.startsWith("/") ? normalize("/", specifier, specifier, referrer)
                    : normalize(base, specifier, specifier, referrer);
            found = fileOrDirectory(path, searched);
        } else if (pathOf(specifier) != null) {
            found = fileOrDirectory(normalize("/", pathOf(specifier), specifier, referrer), searched);
        } else if (specifier.startsWith("file:")) {
            throw new ModuleResolutionException("Cannot import '" + specifier + "'" + from(referrer)
                    + ": it is outside the module root " + describeRoot() + "; refused");
        } else if (specifier.contains(":")) {
            throw new ModuleResolutionException("Cannot import '" + specifier + "'" + from(referrer)
                    + ": only relative paths, paths from the module root, bare package names and jsi: host modules"
                    + " are served by " + describeRoot());
        } else {
            found = fromNodeModules(specifier, base, mode, searched, referrer);
        }
        if (found == null) {
            throw new ModuleResolutionException("Cannot find module '" + specifier + "'" + from(referrer)
                    + "; searched " + String.join(", ", searched) + " in " + describeRoot());
        }
        return new ResolvedModule(idOf(found), kindOf(found));
    }

    @Override
    public String load(ResolvedModule module) {
        String path = pathOf(module.id());
        if (path == null || !isFile(path)) {
            throw new ModuleResolutionException("Module " + module.id() + " is not in " + describeRoot());
        }
        return read(path);
    }

    private String referrerPath(String referrer) {
        String path = pathOf(referrer);
        return path != null ? path : "/";
    }

    static String from(String referrer) {
        return referrer == null ? "" : " from " + referrer;
    }

    private static boolean isPathLike(String specifier) {
        return specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/")
                || specifier.equals(".") || specifier.equals("..");
    }

    static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** {@code relative} against directory {@code base}, refusing any step above the root. */
    String normalize(String base, String relative, String specifier, String referrer) {
        List<String> parts = new ArrayList<>();
        for (String p : (base + "/" + relative).split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    throw new ModuleResolutionException("Cannot import '" + specifier + "'" + from(referrer)
                            + ": it leads outside the module root " + describeRoot() + "; refused");
                }
                parts.remove(parts.size() - 1);
            } else if (p.indexOf('\\') >= 0 || p.indexOf('\0') >= 0) {
                throw new ModuleResolutionException("Cannot import '" + specifier + "'" + from(referrer)
                        + ": a path segment holds a backslash or NUL; refused");
            } else {
                parts.add(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    private String fileOrDirectory(String path, List<String> searched) {
        String file = asFile(path, searched);
        return file != null ? file : asDirectory(path, searched);
    }

    private String asFile(String path, List<String> searched) {
        searched.add(path);
        if (isFile(path)) return path;
        if (path.endsWith("/")) return null;
        for (String ext : EXTENSIONS) {
            if (isFile(path + ext)) return path + ext;
        }
        return null;
    }

    private String asDirectory(String dir, List<String> searched) {
        String root = dir.equals("/") ? "" : dir;
        Object pkg = packageJson(root);
        if (pkg instanceof Map<?, ?> json && json.get("main") instanceof String main) {
            String mainPath = normalize(root.isEmpty() ? "/" : root, main, main, null);
            String found = asFile(mainPath, searched);
            if (found == null) found = asIndex(mainPath, searched);
            if (found != null) return found;
        }
        return asIndex(root, searched);
    }

    private String asIndex(String dir, List<String> searched) {
        searched.add(dir + "/index");
        for (String ext : EXTENSIONS) {
            if (isFile(dir + "/index" + ext)) return dir + "/index" + ext;
        }
        return null;
    }

    private String fromNodeModules(String specifier, String base, ResolveMode mode, List<String> searched,
                                   String referrer) {
        int slash = specifier.startsWith("@") ? specifier.indexOf('/', specifier.indexOf('/') + 1) : specifier.indexOf('/');
        String name = slash < 0 ? specifier : specifier.substring(0, slash);
        String subpath = slash < 0 ? "." : "." + specifier.substring(slash);
        for (String dir = base; ; dir = directoryOf(dir)) {
            String pkgDir = (dir.equals("/") ? "" : dir) + "/node_modules/" + name;
            Object pkg = packageJson(pkgDir);
            if (pkg instanceof Map<?, ?> json && json.containsKey("exports")) {
                String target = PackageExports.resolve(json.get("exports"), subpath, mode.conditions());
                if (target == null) {
                    throw new ModuleResolutionException("Cannot import '" + specifier + "'" + from(referrer) + ": package "
                            + pkgDir + "/package.json does not export '" + subpath + "' for " + mode.conditions());
                }
                String path = normalize(pkgDir, target, specifier, referrer);
                if (!path.startsWith(pkgDir + "/")) {
                    throw new ModuleResolutionException("Cannot import '" + specifier + "': package " + name
                            + " exports a path outside itself (" + target + "); refused");
                }
                searched.add(path);
                if (isFile(path)) return path;
            } else {
                String found = fileOrDirectory(normalize(pkgDir, subpath, specifier, referrer), searched);
                if (found != null) return found;
            }
            if (dir.equals("/")) return null;
        }
    }

    private Object packageJson(String dir) {
        String path = dir + "/package.json";
        if (!isFile(path)) return null;
        try {
            return MiniJson.parse(read(path));
        } catch (IllegalArgumentException e) {
            throw new ModuleResolutionException(idOf(path) + " is not valid JSON: " + e.getMessage());
        }
    }

    private ModuleKind kindOf(String path) {
        if (path.endsWith(".mjs")) return ModuleKind.ESM;
        if (path.endsWith(".cjs")) return ModuleKind.COMMONJS;
        if (path.endsWith(".json")) return ModuleKind.JSON;
        if (path.endsWith(".ts") || path.endsWith(".mts")) return ModuleKind.TYPESCRIPT;
        for (String dir = directoryOf(path); ; dir = directoryOf(dir)) {
            String root = dir.equals("/") ? "" : dir;
            if (packageJson(root) instanceof Map<?, ?> json && json.get("type") instanceof String type) {
                return type.equals("module") ? ModuleKind.ESM : ModuleKind.COMMONJS;
            }
            if (dir.equals("/") || root.endsWith("/node_modules")) return ModuleKind.JAVASCRIPT;
        }
    }
}
