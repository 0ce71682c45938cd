package org.jsi4j.esm;

import java.util.List;

/**
 * A module source made into something every engine evaluates as a classic script.
 *
 * @param code an expression evaluating to the module's wrapper function; lines are those of the source
 * @param esm whether it was an ES module (else CommonJS)
 * @param links the ES module's static dependencies, in source order
 * @param topLevelAwait whether the ES module awaits at top level (it then evaluates to a promise)
 * @param nativeCode the ES module as an engine's own module (see {@code EsmTranslator#nativeCode}); null for CommonJS
 * @param named {@code nativeCode} with its static specifiers cut out, for engines that import by name; null for CommonJS
 */
record TranslatedModule(String code, boolean esm, List<ModuleLink> links, boolean topLevelAwait, String nativeCode,
                        NamedImports named) {
    TranslatedModule {
        links = List.copyOf(links);
    }
}
