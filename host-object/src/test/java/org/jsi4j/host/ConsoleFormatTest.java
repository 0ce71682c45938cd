package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {
    private final RhinoRuntime rt = new RhinoRuntime();

    @AfterEach
    void close() {
        rt.close();
    }

    @Test
    void stringAndNumberPlaceholdersTakeArgumentsInTurn() {
        assertEquals("Ann is 42 years old", rt.log("console.log('%s is %d years old', 'Ann', 42)"));
    }

    @Test
    void percentDConvertsLikeNumber() {
        assertEquals("16 NaN 1.5 0", rt.log("console.log('%d %d %d %d', '0x10', 'abc', 1.5, null)"));
    }

    @Test
    void percentIParsesAnInteger() {
        assertEquals("42 12 -3", rt.log("console.log('%i %i %i', 42.9, '12abc', -3.7)"));
    }

    @Test
    void percentFParsesAFloat() {
        assertEquals("3.5 NaN", rt.log("console.log('%f %f', '3.5kg', 'x')"));
    }

    @Test
    void percentJIsJsonAndMarksCycles() {
        assertEquals("{\"a\":[1,2]} [Circular]",
                rt.log("var c = {}; c.c = c; console.log('%j %j', {a: [1, 2]}, c)"));
    }

    @Test
    void upperOInspectsAtDefaultDepthAndLowerOFourLevels() {
        String nested = "{a: {b: {c: {d: 1}}}}";
        assertEquals("{ a: { b: { c: [Object] } } }", rt.log("console.log('%O', " + nested + ")"));
        // Node keeps at most three nested levels on one line
        assertEquals("{\n  a: { b: { c: { d: 1 } } }\n}", rt.log("console.log('%o', " + nested + ")"));
    }

    @Test
    void percentSShowsStringsRawAndObjectsShallow() {
        assertEquals("x [ 1, [Array] ] -0", rt.log("console.log('%s %s %s', 'x', [1, [2]], -0)"));
    }

    @Test
    void percentCConsumesItsStyleAndPrintsNothing() {
        assertEquals("red text", rt.log("console.log('%cred text', 'color: red')"));
    }

    @Test
    void doublePercentIsOnePercentWhenFormatting() {
        assertEquals("100% sure", rt.log("console.log('100%% %s', 'sure')"));
    }

    @Test
    void aLoneStringIsPrintedExactly() {
        assertEquals("100%% %s", rt.log("console.log('100%% %s')"));
    }

    @Test
    void placeholdersWithoutArgumentsStayAsWritten() {
        assertEquals("a and %s", rt.log("console.log('%s and %s', 'a')"));
    }

    @Test
    void unknownPlaceholdersStayAsWritten() {
        assertEquals("%x a", rt.log("console.log('%x %s', 'a')"));
    }

    @Test
    void extraArgumentsAreAppendedWithSpaces() {
        assertEquals("x 1 y { a: 1 } z", rt.log("console.log('x', 1, 'y', {a: 1}, 'z')"));
    }

    @Test
    void withoutAFormatStringEveryArgumentIsShown() {
        assertEquals("1 a [ 1, 'b' ] true null undefined", rt.log("console.log(1, 'a', [1, 'b'], true, null, undefined)"));
    }

    @Test
    void noArgumentsPrintAnEmptyLine() {
        assertEquals("", rt.log("console.log()"));
    }
}
