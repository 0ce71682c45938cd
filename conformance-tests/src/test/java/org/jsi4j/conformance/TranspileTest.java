package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.jsi4j.EsFeature;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.PreparedScript;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.SourceLocation;
import org.jsi4j.modules.ModuleLoader;

/**
 * {@link RuntimeOptions#withTranspile(boolean)}: modern syntax runs on every engine, lowered to ES5
 * where the engine lacks some of it (Rhino) and unchanged elsewhere, with errors at the original's lines.
 */
@Area("scripts")
class TranspileTest {
    private static JsRuntime transpiling(JsRuntimeFactory factory) {
        return factory.create(RuntimeOptions.defaults().withTranspile(true));
    }

    private static String run(JsRuntime rt, String source) {
        return rt.evaluate(source, "modern.js").asString();
    }

    @EngineTest
    void classesWithGettersStaticsSuperAndBuiltIns(JsRuntimeFactory factory) {
        try (JsRuntime rt = transpiling(factory)) {
            assertEquals("9 3 true 107 Shape:sq", run(rt, """
                    class Shape {
                      constructor(name) { this.name = name; }
                      get label() { return 'Shape:' + this.name; }
                      static make(n) { return new Square(n); }
                      size(...more) { return Math.max(...more); }
                    }
                    class Square extends Shape {
                      constructor(side) { super('sq'); this.side = side; }
                      get area() { return this.side * this.side; }
                      size(...more) { return super.size(...more, this.side) + 100; }
                    }
                    const s = Shape.make(3);
                    [s.area, s.side, s instanceof Shape, s.size(1, 7), s.label].join(' ');
                    """));
            // Error is the built-in a transpiled class can extend (not Array, Map, Set or Promise; docs/transpile.md)
            assertEquals("true true boom MyError true", run(rt, """
                    class MyError extends Error {
                      constructor(message) { super(message); this.name = 'MyError'; }
                    }
                    let caught;
                    try { throw new MyError('boom'); } catch (e) { caught = e; }
                    [caught instanceof MyError, caught instanceof Error, caught.message, caught.name,
                     String(caught).startsWith('MyError')].join(' ');
                    """));
        }
    }

    @EngineTest
    void arrowsLetLoopsSpreadDestructuringAndTemplates(JsRuntimeFactory factory) {
        try (JsRuntime rt = transpiling(factory)) {
            assertEquals("6|0,1,2|4,5|0,1,2|1 2 2 9|a2b|x-1-y", run(rt, """
                    const o = { x: 5, f() { return [1].map(v => this.x + v)[0]; } };
                    const perIteration = [];
                    for (let i = 0; i < 3; i++) perIteration.push(() => i);
                    const constOf = [];
                    for (const j of [4, 5]) constOf.push(() => j);
                    const bodies = [];
                    for (var k = 0; k < 3; k++) { const c = k; bodies.push(() => c); }
                    const { p, q: [r, ...rest], e = 9 } = { p: 1, q: [2, 3, 4] };
                    const tag = (strings, ...values) => strings.raw.join('-' + values[0] + '-');
                    [o.f(), perIteration.map(f => f()).join(), constOf.map(f => f()).join(),
                     bodies.map(f => f()).join(), [p, r, rest.length, e].join(' '), `a${1 + 1}b`, tag`x${1}y`].join('|');
                    """));
        }
    }

    @EngineTest
    void asyncFunctionsAwaitPromisesInOrder(JsRuntimeFactory factory) {
        try (JsRuntime rt = transpiling(factory)) {
            rt.evaluate("""
                    var log = [];
                    async function twice(p) { const v = await p; log.push('resumed ' + v); return v * 2; }
                    async function failing() { await null; throw new TypeError('late'); }
                    (async () => {
                      log.push('start');
                      const r = await twice(Promise.resolve(21));
                      try { await failing(); } catch (e) { log.push(e.name + ' ' + e.message); }
                      for (const x of [1, 2]) log.push('loop ' + (await x));
                      log.push('result ' + r);
                    })();
                    log.push('sync end');
                    """, "async.js");
            assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
            assertEquals("start,sync end,resumed 21,TypeError late,loop 1,loop 2,result 42",
                    rt.evaluate("log.join()", "read.js").asString());
        }
    }

    @EngineTest
    void errorsPointAtTheOriginalLines(JsRuntimeFactory factory) {
        try (JsRuntime rt = transpiling(factory)) {
            JsError e = assertThrows(JsError.class, () -> rt.evaluate("""
                    // line 1
                    class Shape {
                      area() {
                        return this.size.width;
                      }
                    }
                    const run = () => new Shape().area();
                    run();
                    """, "shape.js"));
            assertEquals("TypeError", e.name().orElseThrow());
            SourceLocation at = e.location().orElseThrow();
            assertEquals("shape.js", at.sourceName());
            assertEquals(4, at.line());
            assertTrue(e.jsFrames().stream().anyMatch(f -> "shape.js".equals(f.sourceName()) && f.line() == 8),
                    () -> "a frame at the call on line 8: " + e.jsFrames());
            assertTrue(e.jsFrames().stream().noneMatch(f -> String.valueOf(f.sourceName()).startsWith("jsi4j:")),
                    () -> "no frame of the transpiler's helpers: " + e.jsFrames());

            JsSyntaxError bad = assertThrows(JsSyntaxError.class, () -> rt.evaluate(
                    "const a = 1;\nclass X {\n  m() { return a + ; }\n}\n", "bad.js"));
            assertEquals("bad.js", bad.location().sourceName());
            assertEquals(3, bad.location().line());
            int column = bad.location().column();
            assertTrue(column >= 18 && column <= 21, () -> "the column of the stray ';' (20), was " + column);
            // the runtime stays usable
            assertEquals(3, rt.evaluate("[1, 2].map(x => x + 1).pop()", "after.js").asInt());
        }
    }

    @EngineTest
    void preparedScriptsModulesAndRequiredFiles(JsRuntimeFactory factory) {
        Map<String, String> files = Map.of(
                "/main.mjs", """
                        import { Counter } from './counter.mjs';
                        const { Greeter } = require('./greeter.cjs');
                        const c = new Counter(40);
                        await Promise.resolve();
                        c.inc(); c.inc();
                        export const result = new Greeter('Ada').hello() + ' ' + c.value;
                        """,
                "/counter.mjs", "export class Counter { constructor(n) { this.value = n; } inc() { this.value++; } }",
                "/greeter.cjs", "class Greeter { constructor(n) { this.n = n; } hello() { return `hi ${this.n}`; } }\n"
                        + "module.exports = { Greeter };");
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults().withTranspile(true)
                .withModules(ModuleLoader.inMemory(files)))) {
            rt.global().set("require", rt.modules().requireFunction());
            JsObject ns = rt.importModule("./main.mjs");
            rt.runEventLoop(Duration.ofSeconds(10));
            assertEquals("hi Ada 42", ns.get("result").asString());
            PreparedScript prepared = rt.prepare("(class P { static next(n) { return n + 1; } }).next(globalThis.n ?? 0)", "p.js");
            rt.evaluate("globalThis.n = 1", "n.js");
            assertEquals(2, prepared.run().asInt());
            rt.evaluate("globalThis.n = 5", "n.js");
            assertEquals(6, prepared.run().asInt());
        }
    }

    @EngineTest
    void offByDefault(JsRuntimeFactory factory) {
        try (JsRuntime rt = factory.create(RuntimeOptions.defaults())) {
            if (factory.capabilities().has(EsFeature.CLASSES)) {
                assertEquals("C", rt.evaluate("(class C {}).name", "c.js").asString());
            } else {
                assertThrows(JsSyntaxError.class, () -> rt.evaluate("(class C {}).name", "c.js"));
            }
        }
    }
}
