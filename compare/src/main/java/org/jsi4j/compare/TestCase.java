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
}
