package org.jsi4j.esm;

import java.util.List;

/**
 * An ES module's native code with its static import specifiers cut out, for an engine that finds
 * imported modules by name ({@link org.jsi4j.spi.NativeModules#importsByName()}): the module system
 * puts back, per runtime, the name of the module each specifier resolves to.
 *
 * @param parts the code around the specifiers ({@code specifiers.size() + 1} pieces)
 * @param specifiers the specifiers as written, in source order; the last is
 *     {@link EsmTranslator#HOST_SPECIFIER} when the module imports its host module
 * @param widths how many characters each specifier's string literal has between its quotes in the source
 */
record NamedImports(List<String> parts, List<String> specifiers, List<Integer> widths) {
    NamedImports {
        parts = List.copyOf(parts);
        specifiers = List.copyOf(specifiers);
        widths = List.copyOf(widths);
        if (parts.size() != specifiers.size() + 1) throw new IllegalArgumentException("one more part than specifiers");
    }

    /** The code with each specifier replaced by {@code names} (same order), quoted. */
    String fill(List<String> names) {
        StringBuilder out = new StringBuilder(parts.get(0));
        for (int i = 0; i < names.size(); i++) out.append(EsmTranslator.quote(names.get(i))).append(parts.get(i + 1));
        return out.toString();
    }
}
