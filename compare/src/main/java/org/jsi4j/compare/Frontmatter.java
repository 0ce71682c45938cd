package org.jsi4j.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The metadata of a test262 test: the YAML between {@code /*---} and {@code ---*&#47;}, as
 * test262's INTERPRETING.md defines it.
 *
 * @param includes harness files to run before the test, besides {@code assert.js} and {@code sta.js}
 * @param flags {@code onlyStrict}, {@code noStrict}, {@code module}, {@code raw}, {@code async}, ...
 * @param negative the error the test must end with, or {@code null} when it must complete normally
 * @param features the language and host features the test uses
 */
public record Frontmatter(List<String> includes, Set<String> flags, Negative negative, List<String> features) {
    /** No includes, flags, negative or features: what a file without frontmatter has. */
    public static final Frontmatter NONE = new Frontmatter(List.of(), Set.of(), null, List.of());

    /**
     * The error a negative test must end with.
     *
     * @param phase {@code parse}, {@code resolution} or {@code runtime}
     * @param type the error constructor's name, {@code SyntaxError} for instance
     */
    public record Negative(String phase, String type) {
    }

    /** Copies the lists. */
    public Frontmatter {
        includes = List.copyOf(includes);
        flags = Set.copyOf(flags);
        features = List.copyOf(features);
    }

    /** Whether the test has {@code flag}. */
    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /**
     * The frontmatter of {@code source}; {@link #NONE} when it has none.
     *
     * @throws IllegalArgumentException when the frontmatter is not YAML, or its fields have the wrong shape
     */
    public static Frontmatter parse(String source) {
        int start = source.indexOf("/*---");
        if (start < 0) return NONE;
        int end = source.indexOf("---*/", start + 5);
        if (end < 0) throw new IllegalArgumentException("the frontmatter opened by /*--- is never closed by ---*/");
        Object yaml;
        try {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(source.substring(start + 5, end));
        } catch (YAMLException e) {
            throw new IllegalArgumentException("the frontmatter is not YAML: " + firstLine(e.getMessage()));
        }
        if (yaml == null) return NONE;
        if (!(yaml instanceof Map<?, ?> map)) throw new IllegalArgumentException("the frontmatter is not a YAML mapping");
        Negative negative = null;
        Object neg = map.get("negative");
        if (neg != null) {
            if (!(neg instanceof Map<?, ?> n) || n.get("phase") == null || n.get("type") == null) {
                throw new IllegalArgumentException("negative: needs a phase and a type");
            }
            negative = new Negative(String.valueOf(n.get("phase")), String.valueOf(n.get("type")));
        }
        return new Frontmatter(strings(map, "includes"), new LinkedHashSet<>(strings(map, "flags")), negative,
                strings(map, "features"));
    }

    private static List<String> strings(Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) return List.of();
        if (!(v instanceof List<?> list)) throw new IllegalArgumentException(key + ": must be a list, not " + v);
        List<String> out = new ArrayList<>();
        for (Object o : list) out.add(String.valueOf(o));
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
