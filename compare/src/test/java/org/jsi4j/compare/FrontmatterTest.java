package org.jsi4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrontmatterTest {
    @Test
    void readsIncludesFlagsNegativeAndFeatures() {
        Frontmatter fm = Frontmatter.parse("""
                // Copyright
                /*---
                esid: sec-x
                description: >
                  folded text: with a colon
                includes:
                  - compareArray.js
                  - propertyHelper.js
                flags: [onlyStrict, async]
                negative:
                  phase: parse
                  type: SyntaxError
                features: [class, Symbol.iterator]
                ---*/
                code();
                """);
        assertEquals(List.of("compareArray.js", "propertyHelper.js"), fm.includes());
        assertEquals(Set.of("onlyStrict", "async"), fm.flags());
        assertEquals(new Frontmatter.Negative("parse", "SyntaxError"), fm.negative());
        assertEquals(List.of("class", "Symbol.iterator"), fm.features());
        assertTrue(fm.has("async"));
    }

    @Test
    void aFileWithoutFrontmatterHasNone() {
        assertEquals(Frontmatter.NONE, Frontmatter.parse("console.log(1)"));
        assertNull(Frontmatter.NONE.negative());
    }

    @Test
    void brokenFrontmatterIsRefusedWithWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Frontmatter.parse("/*--- flags: [a"))
                .getMessage().contains("never closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Frontmatter.parse("/*---\nflags: [a\n---*/"))
                .getMessage().contains("not YAML"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Frontmatter.parse("/*---\nflags: onlyStrict\n---*/"))
                .getMessage().contains("flags: must be a list"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Frontmatter.parse("/*---\nnegative:\n  phase: parse\n---*/"))
                .getMessage().contains("phase and a type"));
        // YAML tags that would build Java objects are refused by the safe constructor
        assertThrows(IllegalArgumentException.class, () -> Frontmatter.parse("/*---\nx: !!java.io.File [/tmp]\n---*/"));
    }

    @Test
    void test262FeaturesMapToTheEnginesDeclaredFeatures() {
        assertEquals(org.jsi4j.EsFeature.CLASSES, Test262Features.esFeature("class-fields-private").orElseThrow());
        assertEquals(org.jsi4j.EsFeature.SYMBOLS, Test262Features.esFeature("Symbol.species").orElseThrow());
        assertEquals(org.jsi4j.EsFeature.ASYNC_AWAIT, Test262Features.esFeature("async-iteration").orElseThrow());
        assertTrue(Test262Features.esFeature("Array.prototype.at").isEmpty());
        assertTrue(Test262Features.esFeature("classic").isEmpty(), "a prefix match needs a separator");
    }
}
