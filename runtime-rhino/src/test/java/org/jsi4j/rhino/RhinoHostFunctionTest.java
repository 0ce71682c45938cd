package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RhinoHostFunctionTest {
    private final JsRuntime rt = new RhinoRuntimeFactory().create();

    @AfterEach
    void close() {
        rt.close();
    }

    @Test
    void nameAndLengthAreVisibleAndThisPassesThrough() {
        List<String> receivers = new ArrayList<>();
        rt.global().set("who", rt.function("whoAmI", 3, (r, self, args) -> {
            JsValue o = r.global().get("o");
            receivers.add(!(self instanceof JsObject s) ? String.valueOf(self)
                    : s.strictEquals(r.global()) ? "global"
                    : o instanceof JsObject oo && s.strictEquals(oo) ? "o"
                    : "object " + s.get("valueOf").asFunction().callWithThis(s));
            return JsValue.of(args.size());
        }));
        assertEquals("whoAmI:3:function", rt.evaluate("who.name + ':' + who.length + ':' + typeof who", "t.js").asString());
        assertEquals(2.0, rt.evaluate("var o = {who: who}; o.who(1, 2)", "t.js").asNumber());
        rt.evaluate("who(); who.call(42)", "t.js");
        assertEquals(List.of("o", "global", "object 42"), receivers,
                "the receiver of a method call, the global object for a plain call, a boxed primitive (Rhino boxes them)");
    }

    @Test
    void theGlobalObjectAsThisIsOneHandleNotOnePerCall() {
        List<JsValue> receivers = new ArrayList<>();
        rt.global().set("f", rt.function("f", 0, (r, self, args) -> {
            receivers.add(self);
            return JsValue.undefined();
        }));
        int before = rt.stats().liveHandles();
        rt.evaluate("for (var i = 0; i < 1000; i++) f()", "t.js");
        assertEquals(before, rt.stats().liveHandles(), "no handle is left per call");
        assertSame(receivers.get(0), receivers.get(999), "the same handle every time");
        assertTrue(receivers.get(999).asObject().strictEquals(rt.global()));
        assertEquals(JsValue.of(true), rt.evaluate("f(); true", "t.js"), "and it stays usable after the calls");
    }
}
