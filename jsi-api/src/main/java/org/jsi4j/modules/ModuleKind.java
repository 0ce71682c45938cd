package org.jsi4j.modules;

/** What a resolved module's source text is, which decides how it is evaluated. */
public enum ModuleKind {
    /** An ES module ({@code .mjs}, or {@code .js} under a package.json with {@code "type": "module"}). */
    ESM,
    /** A CommonJS module ({@code .cjs}, or {@code .js} under a package.json with {@code "type": "commonjs"}). */
    COMMONJS,
    /** A {@code .js} file outside any package.json {@code type}: an ES module when it has {@code import}/{@code export} declarations, else CommonJS. */
    JAVASCRIPT,
    /** A JSON document; its module value is the parsed value. */
    JSON,
    /** TypeScript ({@code .ts}, {@code .mts}): an ES module once its types are stripped. */
    TYPESCRIPT,
    /** A host-object module (a Java native module), named {@code jsi:NAME}. */
    HOST
}
