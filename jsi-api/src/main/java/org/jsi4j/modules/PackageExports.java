package org.jsi4j.modules;

import java.util.List;
import java.util.Map;

/** package.json {@code exports}: subpaths, subpath patterns ({@code ./*}) and conditions, as Node resolves them. */
final class PackageExports {
    private PackageExports() {
    }

    /** The target path (relative to the package, starting with {@code ./}) for {@code subpath}, or {@code null}. */
    static String resolve(Object exports, String subpath, List<String> conditions) {
        if (exports instanceof Map<?, ?> map && !map.isEmpty() && map.keySet().iterator().next().toString().startsWith(".")) {
            Object exact = map.get(subpath);
            if (exact != null) return target(exact, conditions, null);
            String best = null;
            for (Object key : map.keySet()) {
                String k = key.toString();
                int star = k.indexOf('*');
                if (star < 0) continue;
                String prefix = k.substring(0, star);
                String suffix = k.substring(star + 1);
                if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length() >= k.length() - 1
                        && (best == null || prefix.length() > best.indexOf('*'))) {
                    best = k;
                }
            }
            if (best == null) return null;
            int star = best.indexOf('*');
            String match = subpath.substring(star, subpath.length() - (best.length() - star - 1));
            return target(map.get(best), conditions, match);
        }
        return subpath.equals(".") ? target(exports, conditions, null) : null;
    }

    private static String target(Object value, List<String> conditions, String match) {
        if (value instanceof String s) return match == null ? s : s.replace("*", match);
        if (value instanceof List<?> list) {
            for (Object item : list) {
                String t = target(item, conditions, match);
                if (t != null) return t;
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (conditions.contains(e.getKey().toString())) {
                    String t = target(e.getValue(), conditions, match);
                    if (t != null) return t;
                }
            }
        }
        return null;
    }
}
