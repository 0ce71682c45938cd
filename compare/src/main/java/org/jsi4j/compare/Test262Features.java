package org.jsi4j.compare;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsi4j.Capabilities;
import org.jsi4j.EsFeature;
import org.jsi4j.modules.JsModules;

/**
 * Which test262 features (the frontmatter's {@code features:}) a run can honour: those that name
 * an {@link EsFeature} an engine's {@link Capabilities} declare absent are unsupported on that
 * engine, and those that need a host facility this harness does not give ({@code $262.createRealm},
 * {@code $262.IsHTMLDDA}) are unsupported everywhere.
 */
public final class Test262Features {
    /** Features that need what this harness host does not provide, with what is missing. */
    static final Map<String, String> HOST_LACKS = Map.of(
            "cross-realm", "$262.createRealm (a second realm)",
            "IsHTMLDDA", "$262.IsHTMLDDA");

    private static final Map<String, EsFeature> EXACT = Map.ofEntries(
            Map.entry("async-functions", EsFeature.ASYNC_AWAIT),
            Map.entry("async-iteration", EsFeature.ASYNC_AWAIT),
            Map.entry("top-level-await", EsFeature.ASYNC_AWAIT),
            Map.entry("generators", EsFeature.GENERATORS),
            Map.entry("arrow-function", EsFeature.ARROW_FUNCTIONS),
            Map.entry("let", EsFeature.LET_CONST),
            Map.entry("const", EsFeature.LET_CONST),
            Map.entry("template", EsFeature.TEMPLATE_LITERALS),
            Map.entry("destructuring-binding", EsFeature.DESTRUCTURING),
            Map.entry("destructuring-assignment", EsFeature.DESTRUCTURING),
            Map.entry("optional-chaining", EsFeature.OPTIONAL_CHAINING),
            Map.entry("coalesce-expression", EsFeature.NULLISH_COALESCING),
            Map.entry("BigInt", EsFeature.BIGINT),
            Map.entry("Proxy", EsFeature.PROXY),
            Map.entry("WeakRef", EsFeature.WEAK_REF),
            Map.entry("FinalizationRegistry", EsFeature.WEAK_REF),
            Map.entry("Map", EsFeature.MAP_SET),
            Map.entry("Set", EsFeature.MAP_SET),
            Map.entry("WeakMap", EsFeature.MAP_SET),
            Map.entry("WeakSet", EsFeature.MAP_SET),
            Map.entry("TypedArray", EsFeature.TYPED_ARRAYS),
            Map.entry("regexp-unicode-property-escapes", EsFeature.REGEXP_UNICODE_PROPERTIES));

    private static final List<Map.Entry<String, EsFeature>> PREFIXES = List.of(
            Map.entry("class", EsFeature.CLASSES),
            Map.entry("Symbol", EsFeature.SYMBOLS),
            Map.entry("Reflect", EsFeature.REFLECT),
            Map.entry("Promise", EsFeature.PROMISES),
            Map.entry("Intl", EsFeature.INTL));

    private Test262Features() {
    }

    /** The {@link EsFeature} a test262 feature needs, if it maps to one. */
    public static Optional<EsFeature> esFeature(String feature) {
        EsFeature exact = EXACT.get(feature);
        if (exact != null) return Optional.of(exact);
        for (Map.Entry<String, EsFeature> p : PREFIXES) {
            if (feature.equals(p.getKey()) || feature.startsWith(p.getKey() + ".") || feature.startsWith(p.getKey() + "-")) {
                return Optional.of(p.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Why a test with {@code frontmatter} cannot run on an engine with {@code capabilities}, or
     * empty when it can. Module tests need a module system on the class path ({@code jsi-modules}).
     */
    public static Optional<String> unsupported(Frontmatter frontmatter, Capabilities capabilities) {
        return unsupported(frontmatter, "", capabilities);
    }

    /**
     * Like {@link #unsupported(Frontmatter, Capabilities)} for a test with {@code source}: a test that
     * uses {@code $262.agent} (test262's multi-agent tests of {@code Atomics.wait}/{@code notify}) is
     * unsupported everywhere, since this harness host starts no agents.
     */
    public static Optional<String> unsupported(Frontmatter frontmatter, String source, Capabilities capabilities) {
        if (source.contains("$262.agent")) return Optional.of("$262.agent: the harness host starts no agents (workers)");
        if (frontmatter.has("module") && !JsModules.available()) {
            return Optional.of("module code: no module system (jsi-modules) on the class path");
        }
        for (String f : frontmatter.features()) {
            String lacks = HOST_LACKS.get(f);
            if (lacks != null) return Optional.of("feature " + f + ": the harness host has no " + lacks);
            Optional<EsFeature> es = esFeature(f);
            if (es.isPresent() && !capabilities.has(es.get())) {
                return Optional.of("feature " + f + ": the engine declares " + es.get() + " absent");
            }
        }
        return Optional.empty();
    }
}
