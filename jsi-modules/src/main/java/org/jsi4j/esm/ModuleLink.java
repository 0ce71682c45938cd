package org.jsi4j.esm;

/**
 * One static dependency edge of an ES module, in source order: what to load and what to bind.
 *
 * @param specifier the module text after {@code from}
 * @param kind what the edge does
 * @param local for {@link Kind#IMPORT} the local binding, for {@link Kind#REEXPORT} the exported name; else null
 * @param imported the dependency's export name ({@code default}, a name, or {@code *} for its namespace); null for
 *     {@link Kind#STAR} and {@link Kind#LOAD}
 * @param line the line of the declaration in the module, from 1
 * @param column its column, from 1
 */
record ModuleLink(String specifier, Kind kind, String local, String imported, int line, int column) {
    /** What an edge does. */
    enum Kind {
        /** {@code import 'x'}: load and evaluate only. */
        LOAD,
        /** {@code import {imported as local} from 'x'} (and default and namespace imports). */
        IMPORT,
        /** {@code export {imported as local} from 'x'} and {@code export * as local from 'x'}. */
        REEXPORT,
        /** {@code export * from 'x'}. */
        STAR
    }

    /** The namespace, as {@code imported}. */
    static final String NAMESPACE = "*";
}
