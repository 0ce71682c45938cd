package org.jsi4j.modules;

import java.util.List;

/** Whether a specifier is being imported or required: package.json {@code exports} conditions differ. */
public enum ResolveMode {
    /** {@code import} and {@code import()}: conditions {@code import}, {@code default}. */
    IMPORT(List.of("import", "default")),
    /** {@code require()}: conditions {@code require}, {@code default}. */
    REQUIRE(List.of("require", "default"));

    private final List<String> conditions;

    ResolveMode(List<String> conditions) {
        this.conditions = conditions;
    }

    /** The package.json {@code exports} conditions this mode matches, in no particular order. */
    public List<String> conditions() {
        return conditions;
    }
}
