package org.jsi4j.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.MapHostObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Host objects (a ProxyObject behind a JS Proxy face) and host functions (a ProxyExecutable behind a strict method face). */
class GraalHostTest {
    private static final GraalRuntimeFactory FACTORY = new GraalRuntimeFactory();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void hostObjectBehavesAsAnOrdinaryObject() {
        try (JsRuntime rt = FACTORY.create()) {
            MapHostObject store = new MapHostObject();
            store.values().put("a", JsValue.of(1));
            store.values().put("b", JsValue.of("x"));
            rt.global().set("s", rt.hostObject(store));
            assertEquals(JsValue.of("true|false|a,b|a;b;|{\"a\":1,\"b\":\"x\"}|x|1,x,3|1|true|[object Object]"), rt.evaluate(
                    "var ks = ''; for (var k in s) ks += k + ';';"
                    + " var child = Object.create(s); child.own = 1;"
                    + " ['a' in s, 'zz' in s, Object.keys(s), ks, JSON.stringify(s), Object.assign({}, s).b,"
                    + " Object.values({...s, c: 3}), child.a, Object.getPrototypeOf(child) === s, String(s)].join('|')",
                    "host.js"));
            assertEquals(List.of("a", "b"), store.propertyNames(rt), "writes to an inheriting object stay on it");
            assertEquals(JsValue.of("true,false"), rt.evaluate("s.c = 5; [delete s.a, 'a' in s].join()", "write.js"));
            assertEquals(JsValue.of(5), store.values().get("c"));
            JsObject back = rt.evaluate("[s][0]", "back.js").asObject();
            assertSame(store, back.getHostObject(MapHostObject.class));
        }
    }

    @Test
    void hostFunctionsSeeThisAndShowNameAndLength() {
        try (JsRuntime rt = FACTORY.create()) {
            rt.global().set("tag", rt.function("tag", 2, (r, self, args) ->
                    JsValue.of(self.asObject().get("k").asString() + args.size())));
            assertEquals(JsValue.of("tag|2|v3|w0|true"), rt.evaluate(
                    "[tag.name, tag.length, ({k: 'v', tag}).tag(1, 2, 3), tag.call({k: 'w'}),"
                    + " Object.getPrototypeOf(tag) === Function.prototype].join('|')", "fn.js"));
        }
    }

    @Test
    void raisedValuesArriveUnchangedAndJavaCausesComeBack() {
        try (JsRuntime rt = FACTORY.create()) {
            IllegalStateException failure = new IllegalStateException("boom");
            rt.global().set("fail", rt.function("fail", 0, (r, self, args) -> {
                throw failure;
            }));
            assertEquals(JsValue.of("Error:boom"), rt.evaluate(
                    "try { fail(); } catch (e) { e.name + ':' + e.message }", "caught.js"));
            JsError e = org.junit.jupiter.api.Assertions.assertThrows(JsError.class, () -> rt.evaluate("fail()", "uncaught.js"));
            assertSame(failure, e.getCause());
            assertTrue(e.location().isPresent());
        }
    }
}
