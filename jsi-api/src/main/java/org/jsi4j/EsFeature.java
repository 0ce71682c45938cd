package org.jsi4j;

/**
 * ECMAScript language features an engine may lack. The conformance suite skips a test only for a
 * feature of this list that the engine declares absent in {@link Capabilities#esFeatures()}.
 */
public enum EsFeature {
    CLASSES,
    ASYNC_AWAIT,
    GENERATORS,
    ARROW_FUNCTIONS,
    LET_CONST,
    TEMPLATE_LITERALS,
    DESTRUCTURING,
    SPREAD,
    OPTIONAL_CHAINING,
    NULLISH_COALESCING,
    BIGINT,
    SYMBOLS,
    PROXY,
    REFLECT,
    WEAK_REF,
    MAP_SET,
    TYPED_ARRAYS,
    PROMISES,
    INTL,
    REGEXP_UNICODE_PROPERTIES,
    /**
     * ES5 strict-mode {@code this}: a strict function called without a receiver gets
     * {@code undefined}, and a primitive receiver is not boxed.
     */
    STRICT_MODE_THIS,
    /**
     * ES module records of the engine's own, reached through jsi4j's module system: an exotic module
     * namespace object ({@code [object Module]}, not extensible, exports not writable), imports as
     * direct bindings, a static import of a module with top-level await waits for it. Without it,
     * modules run translated (see docs/modules.md).
     */
    MODULE_RECORDS
}
