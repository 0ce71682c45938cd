package org.jsi4j.examples.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.host.ModuleRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StorageModuleTest {
    private final JsRuntime rt = JsEngines.factory("rhino").create();
    private final StorageModule storage = new StorageModule();

    StorageModuleTest() {
        ModuleRegistry.of(storage).install(rt);
        rt.evaluate("var s = require('storage'), changes = [];"
                + " s.onChange(function (k, v) { changes.push(k + '=' + v); });", "setup.js");
    }

    @AfterEach
    void close() {
        rt.close();
    }

    private JsValue eval(String source) {
        return rt.evaluate(source, "test.js");
    }

    @Test
    void storesReadsAndRemoves() {
        assertEquals(JsValue.of(2), eval("s.set('a', '1'); s.putAll({b: '2'})  + s.size - 1"));
        assertEquals(JsValue.of("1 undefined a,b"), eval("s.get('a') + ' ' + s.get('zz') + ' ' + s.keys().join()"));
        assertEquals(JsValue.of("[{\"key\":\"a\",\"value\":\"1\"},{\"key\":\"b\",\"value\":\"2\"}]"), eval("JSON.stringify(s.entries())"));
        assertEquals(JsValue.of("true false"), eval("s.remove('a') + ' ' + s.remove('a')"));
        assertEquals(JsValue.of("a=1,b=2,a=undefined"), eval("changes.join()"));
        assertEquals(JsValue.of(1000), eval("s.MAX_KEYS"));
    }

    @Test
    void thePrefixNamespacesKeys() {
        eval("s.prefix = 'app.'; s.set('k', 'v')");
        assertEquals("app.", storage.getPrefix());
        assertEquals(JsValue.of("app.k"), eval("s.keys().join()"));
    }

    @Test
    void loadResolvesAPromise() {
        eval("s.set('k', 'v'); var got; s.load('k').then(function (v) { got = v; });");
        assertTrue(rt.runEventLoop(Duration.ofSeconds(5)));
        assertEquals(JsValue.of("v"), eval("got"));
    }

    @Test
    void aFullStoreRefusesNewKeys() {
        for (int i = 0; i < StorageModule.MAX_KEYS; i++) storage.set("k" + i, "v");
        assertEquals(JsValue.of("storage is full (1000 keys); remove some first"),
                eval("try { s.set('one-more', 'v'); } catch (e) { e.message }"));
    }
}
