package org.jsi4j.esm;

import java.util.List;

/**
 * A module source in the one form its engine runs ({@link EsmTranslator.Form}).
 *
 * @param code for CommonJS and a {@link EsmTranslator.Form#TRANSLATED} ES module, an expression evaluating
 *     to the module's wrapper function; for a {@link EsmTranslator.Form#NATIVE} one, the module as the
 *     engine's own; null for {@link EsmTranslator.Form#NAMED} (see {@code named}); lines are those of the source
 * @param esm whether it was an ES module (else CommonJS)
 * @param links the ES module's static dependencies, in source order
 * @param topLevelAwait whether the ES module awaits at top level (it then evaluates to a promise)
 * @param needsHost whether the ES module uses {@code import.meta} or {@code import()}: as the engine's own
 *     module it then imports its host module ({@link EsmTranslator#HOST_SPECIFIER})
 * @param named for {@link EsmTranslator.Form#NAMED}, the native code with its static specifiers cut out; else null
 */
record TranslatedModule(String code, boolean esm, List<ModuleLink> links, boolean topLevelAwait, boolean needsHost,
                        NamedImports named) {
    TranslatedModule {
        links = List.copyOf(links);
    }

    /** The characters this translation holds, for a cache's budget. */
    long chars() {
        long n = code == null ? 0 : code.length();
        if (named != null) for (String part : named.parts()) n += part.length();
        return n;
    }
}
