package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InspectorTest {
    private final RhinoRuntime rt = new RhinoRuntime("one");

    @AfterEach
    void close() {
        rt.close();
    }

    private String show(String expression) {
        return rt.log("console.log(" + expression + ")");
    }

    @Test
    void objectsAndArraysPrintOnOneLine() {
        assertEquals("{ a: 1, b: [ 1, 2 ], c: {}, d: [] }", show("{a: 1, b: [1, 2], c: {}, d: []}"));
    }

    @Test
    void nestedStringsAreQuotedAndEscaped() {
        assertEquals("[ 'it\\'s', 'line\\nbreak', 'back\\\\slash' ]", show("['it\\'s', 'line\\nbreak', 'back\\\\slash']"));
    }

    @Test
    void keysThatAreNotIdentifiersAreQuoted() {
        assertEquals("{ 'a-b': 1, ok_1: 2 }", show("{'a-b': 1, ok_1: 2}"));
    }

    @Test
    void primitivesPrintAsJavaScriptWrites() {
        assertEquals("-0 1e+21 1.5e-7 NaN -Infinity true null undefined", show("-0, 1e21, 1.5e-7, NaN, -Infinity, true, null, undefined"));
    }

    @Test
    void functionsShowTheirName() {
        assertEquals("[Function: named] [Function (anonymous)]", show("function named() {}, [function () {}][0]"));
    }

    @Test
    void cyclesAreMarked() {
        assertEquals("<ref *1> { name: 'o', self: [Circular *1], list: [ [Circular *1] ] }",
                show("(function () { var o = {name: 'o'}; o.self = o; o.list = [o]; return o; })()"));
    }

    @Test
    void theSameObjectTwiceSideBySideIsNotACycle() {
        assertEquals("{ a: { x: 1 }, b: { x: 1 } }", show("(function () { var s = {x: 1}; return {a: s, b: s}; })()"));
    }

    @Test
    void errorsShowNameAndMessage() {
        assertEquals("TypeError: bad", show("new TypeError('bad')"));
        assertEquals("{ e: [Error: inner] }", show("{e: new Error('inner')}"));
    }

    @Test
    void datesShowAsIsoText() {
        assertEquals("1970-01-01T00:00:00.000Z", show("new Date(0)"));
    }

    @Test
    void mapsAndSetsListTheirEntries() {
        assertEquals("Map(2) { 'a' => 1, 'b' => [ 2 ] } Set(2) { 1, 'x' } Set(0) {}",
                show("new Map([['a', 1], ['b', [2]]]), new Set([1, 'x']), new Set()"));
    }

    @Test
    void instancesShowTheirConstructorName() {
        assertEquals("Point { x: 1, y: 2 }", show("(function () { function Point(x, y) { this.x = x; this.y = y; } return new Point(1, 2); })()"));
    }

    @Test
    void longArraysAreCut() {
        String line = show("Array.apply(null, Array(150)).map(function (_, i) { return i; })");
        // as Node prints it: numbers in right-aligned columns, then the count of the rest
        assertTrue(line.startsWith("[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13,"), line);
        assertTrue(line.endsWith("\n  96, 97, 98, 99,\n  ... 50 more items\n]"), line);
    }

    @Test
    void hostObjectsShowTheirProperties() {
        String version = rt.runtime.engine().version();
        assertEquals("{\n  engine: 'rhino',\n  version: '" + version + "',\n  args: [ 'one' ],\n  now: [Function: now]\n}", show("jsi"));
    }

    @Test
    void symbolsShowTheirDescription() {
        assertEquals("Symbol(tag) [ Symbol(tag) ]", show("Symbol('tag'), [Symbol('tag')]"));
    }
}
