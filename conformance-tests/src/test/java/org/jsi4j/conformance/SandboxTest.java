package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/** Scripts reach only what the embedder exposes: no route to Java. */
@Area("sandbox")
class SandboxTest {
    /** Names through which some engine's Java bridge or shell is reachable. */
    private static final List<String> BRIDGE_NAMES = List.of("java", "javax", "Packages", "JavaImporter", "JavaAdapter",
            "Java", "importPackage", "importClass", "load", "loadWithNewGlobal", "Polyglot", "getClass", "com", "org",
            "edu", "net", "sun", "jdk", "javafx", "JavaObject", "JavaMember", "readFile", "readFully", "runCommand",
            "quit", "exit", "spawn", "sync", "defineClass", "serialize", "deserialize");

    private static JsValue eval(JsRuntime rt, String source) {
        return rt.evaluate(source, "sandbox.js");
    }

    private static void exposeHosts(JsRuntime rt) {
        rt.global().set("host", rt.hostObject(new MapHostObject(true).with("a", JsValue.of(1))));
        rt.global().set("hostFn", rt.function("hostFn", 0, (r, self, args) -> JsValue.of("java string")));
        rt.global().set("hostFail", rt.function("hostFail", 0, (r, self, args) -> {
            throw new IllegalStateException("java failure");
        }));
    }

    private static void assertUndefinedEverywhere(JsRuntime rt, String name) {
        assertEquals(JsValue.of("undefined"), eval(rt, "typeof " + name), name);
        assertEquals(JsValue.of(false), eval(rt, "'" + name + "' in this"), name);
        assertEquals(JsValue.of("undefined"), eval(rt, "typeof this['" + name + "']"), name);
    }

    @EngineTest
    void javaPackagesAreAbsent(JsRuntime rt) {
        for (String name : List.of("java", "javax", "Packages", "com", "org", "edu", "net", "sun", "jdk")) {
            assertUndefinedEverywhere(rt, name);
        }
    }

    @EngineTest
    void javaImportersAreAbsent(JsRuntime rt) {
        for (String name : List.of("JavaImporter", "importPackage", "importClass", "JavaAdapter")) {
            assertUndefinedEverywhere(rt, name);
        }
    }

    @EngineTest
    void graalAndNashornJavaObjectsAreAbsent(JsRuntime rt) {
        for (String name : List.of("Java", "Polyglot", "JavaObject", "JavaMember")) assertUndefinedEverywhere(rt, name);
        assertEquals(JsValue.of("blocked"), eval(rt, "try { Java.type('java.lang.System'); 'reached' } catch (e) { 'blocked' }"));
    }

    @EngineTest
    void shellFunctionsAreAbsent(JsRuntime rt) {
        for (String name : List.of("load", "loadWithNewGlobal", "readFile", "readFully", "runCommand", "quit", "exit",
                "spawn", "sync", "defineClass", "serialize", "deserialize", "getClass")) {
            assertUndefinedEverywhere(rt, name);
        }
    }

    @EngineTest
    void globalObjectListsNoBridgeNames(JsRuntime rt) {
        List<String> own = List.of(eval(rt, "Object.getOwnPropertyNames(this).join(',')").asString().split(","));
        for (String name : BRIDGE_NAMES) assertTrue(!own.contains(name), "global property " + name + " is exposed");
    }

    @EngineTest
    void functionConstructorReachesOnlyTheJavaScriptGlobal(JsRuntime rt) {
        exposeHosts(rt);
        assertEquals(JsValue.of(true), eval(rt, "(function () {}).constructor.constructor('return this')() === this"));
        assertEquals(JsValue.of(true), eval(rt, "hostFn.constructor === Function"));
        assertEquals(JsValue.of("undefined,undefined"), eval(rt,
                "var g = hostFn.constructor('return this')(); [typeof g.java, typeof g.Packages].join()"));
        assertEquals(JsValue.of("undefined"), eval(rt, "eval('typeof Packages')"));
        assertEquals(JsValue.of("undefined"), eval(rt, "new Function('return typeof java')()"));
    }

    @EngineTest
    void hostFunctionsExposeNoJavaMembers(JsRuntime rt) {
        exposeHosts(rt);
        assertEquals(JsValue.of("undefined,undefined,undefined,undefined,undefined"), eval(rt,
                "[typeof hostFn.getClass, typeof hostFn.hashCode, typeof hostFn.wait, typeof hostFn.notify,"
                + " typeof hostFn.invoke].join()"));
        assertEquals(JsValue.of(true), eval(rt, "Object.getPrototypeOf(hostFn) === Function.prototype"));
    }

    @EngineTest
    void hostObjectsExposeNoJavaMembers(JsRuntime rt) {
        exposeHosts(rt);
        assertEquals(JsValue.of("undefined,undefined,undefined,undefined,undefined,undefined"), eval(rt,
                "[typeof host.getClass, typeof host.hashCode, typeof host.equals, typeof host.wait,"
                + " typeof host.notifyAll, typeof host.get].join()"));
        assertEquals(JsValue.of(true), eval(rt,
                "typeof host.toString === 'undefined' || host.toString === Object.prototype.toString"));
        assertEquals(JsValue.of(true), eval(rt,
                "typeof host.constructor === 'undefined' || host.constructor === Object"));
        assertEquals(JsValue.of("a"), eval(rt, "Object.keys(host).join()"), "only the host's own names are listed");
    }

    @EngineTest
    void prototypeGamesOnHostObjectsReachNothing(JsRuntime rt) {
        exposeHosts(rt);
        assertEquals(JsValue.of(true), eval(rt,
                "var p = Object.getPrototypeOf(host); p === null || p === Object.prototype"));
        assertEquals(JsValue.of("undefined"), eval(rt, "var r; try { r = typeof host.__proto__.constructor.constructor("
                + "'return typeof Packages')(); } catch (e) { r = 'undefined'; } r === 'undefined' ? 'undefined' : r"));
        assertEquals(JsValue.of("undefined"), eval(rt, "var out; try { out = typeof host.constructor.constructor("
                + "'return this.java')(); } catch (e) { out = 'undefined'; } out"));
        eval(rt, "try { host.__proto__ = {injected: true}; } catch (e) {}");
        assertEquals(JsValue.of("undefined"), eval(rt, "typeof host.getClass"));
    }

    @EngineTest
    void valuesFromJavaArePlainJavaScriptValues(JsRuntime rt) {
        exposeHosts(rt);
        assertEquals(JsValue.of("string,undefined,undefined,true"), eval(rt,
                "var s = hostFn(); [typeof s, typeof s.getClass, typeof s.getBytes, s.length === 11].join()"));
        assertEquals(JsValue.of("number,undefined"), eval(rt, "[typeof host.a, typeof host.a.getClass].join()"));
    }

    @EngineTest
    void errorsFromJavaExposeNoJavaException(JsRuntime rt) {
        exposeHosts(rt);
        assertEquals(JsValue.of("true,undefined,undefined,undefined,undefined"), eval(rt,
                "var err; try { hostFail(); } catch (e) { err = e; }"
                + " [err instanceof Error, typeof err.javaException, typeof err.rhinoException,"
                + " typeof err.getClass, typeof err.printStackTrace].join()"));
        assertEquals(JsValue.of(true), eval(rt, "Object.getPrototypeOf(err) === Error.prototype"));
    }

    @EngineTest
    void errorStacksDoNotShowJavaFrames(JsRuntime rt) {
        exposeHosts(rt);
        String stack = eval(rt, "var st; try { hostFail(); } catch (e) { st = String(e.stack); } st").asString();
        assertTrue(!stack.contains("org.jsi4j") && !stack.contains("java.lang"), stack);
    }
}
