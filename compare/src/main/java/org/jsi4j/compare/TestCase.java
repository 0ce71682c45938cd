package org.jsi4j.compare;

import java.nio.file.Path;

/**
 * One test file of a run.
 *
 * @param id its path relative to the suite root (or as given), with {@code /}: the key of baselines and reports
 * @param path the file
 * @param test262 whether it is judged as test262 judges it (frontmatter, harness), or run as a plain script
 */
public record TestCase(String id, Path path, boolean test262) {
    /** The top-level directory of {@link #id()} (the group of per-directory summaries), or {@code .} for a top-level file. */
    public String group() {
        String id = this.id.startsWith("test/") ? this.id.substring(5) : this.id;
        int slash = id.indexOf('/');
        if (slash < 0) return ".";
        int second = id.indexOf('/', slash + 1);
        // test262's built-ins/X and language/X: the second level says more than the first
        boolean twoLevels = (id.startsWith("built-ins/") || id.startsWith("language/") || id.startsWith("intl402/")
                || id.startsWith("annexB/")) && second > 0;
        return twoLevels ? id.substring(0, second) : id.substring(0, slash);
    }
}
