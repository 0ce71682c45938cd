package org.jsi4j.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.Test;

class JsiObjectTest {
    @Test
    void describesTheEngine() {
        try (RhinoRuntime rt = new RhinoRuntime()) {
            assertEquals("rhino", rt.runtime.evaluate("jsi.engine", "t.js").asString());
            assertEquals(rt.runtime.engine().version(), rt.runtime.evaluate("jsi.version", "t.js").asString());
        }
    }

    @Test
    void argsAreTheScriptArgumentsAsOneStableArray() {
        try (RhinoRuntime rt = new RhinoRuntime("a", "--b", "")) {
            List<JsValue> args = rt.runtime.evaluate("jsi.args", "t.js").asArray().toList();
            assertEquals(List.of(JsValue.of("a"), JsValue.of("--b"), JsValue.of("")), args);
            assertTrue(rt.runtime.evaluate("Array.isArray(jsi.args) && jsi.args === jsi.args", "t.js").asBoolean());
        }
    }

    @Test
    void nowIsTheCurrentTimeInMilliseconds() {
        try (RhinoRuntime rt = new RhinoRuntime()) {
            long before = System.currentTimeMillis();
            double now = rt.runtime.evaluate("jsi.now()", "t.js").asNumber();
            long after = System.currentTimeMillis();
            assertTrue(now >= before && now <= after, before + " <= " + now + " <= " + after);
        }
    }

    @Test
    void listsItsPropertiesInOrder() {
        try (RhinoRuntime rt = new RhinoRuntime()) {
            assertEquals("engine,version,args,now", rt.runtime.evaluate("Object.keys(jsi).join()", "t.js").asString());
            assertEquals("engine version args now ", rt.runtime.evaluate(
                    "var s = ''; for (var k in jsi) s += k + ' '; s", "t.js").asString());
        }
    }
}
