package org.jsi4j.v8;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jsi4j.JsError;
import org.jsi4j.JsException;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;

/**
 * The child JVM of {@link V8HostileScriptsTest}: runs one hostile case on V8 and prints
 * {@code OUTCOME <exception type>[:<JS error name or termination reason>]}, then {@code ALIVE}
 * once a fresh runtime still evaluates. A crash shows as a missing line and a non-zero exit.
 */
public final class V8HostileChild {
    /** Hostile scripts, each evaluated on a fresh runtime on the main thread. */
    static final Map<String, String> SCRIPTS = new LinkedHashMap<>();

    static {
        // 1. thrown values whose conversion would run script code
        SCRIPTS.put("errorToStringThrows",
                "Error.prototype.toString = function () { throw new Error('no') }; throw new Error('x')");
        SCRIPTS.put("proxyWithThrowingTraps", "throw new Proxy({}, {get() { throw new Error('g') },"
                + " getPrototypeOf() { throw 1 }, has() { throw 2 }, ownKeys() { throw 3 },"
                + " getOwnPropertyDescriptor() { throw 4 }})");
        SCRIPTS.put("proxyOverAnError", "throw new Proxy(new Error('e'), {get() { throw new Error('g') },"
                + " getPrototypeOf() { throw new Error('p') }})");
        SCRIPTS.put("revokedProxy", "var r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy");
        SCRIPTS.put("revokedProxyOverAnError", "var r = Proxy.revocable(new Error('x'), {}); r.revoke(); throw r.proxy");
        SCRIPTS.put("messageGetterThrows",
                "var e = new Error('x'); Object.defineProperty(e, 'message', {get() { throw new Error('m') }}); throw e");
        SCRIPTS.put("nameGetterThrows",
                "var e = new Error('x'); Object.defineProperty(e, 'name', {get() { throw new Error('n') }}); throw e");
        SCRIPTS.put("stackGetterThrows",
                "var e = new Error('x'); Object.defineProperty(e, 'stack', {get() { throw new Error('s') }}); throw e");
        SCRIPTS.put("everyGetterOfAPlainObjectThrows",
                "throw {get message() { throw 1 }, get name() { throw 2 }, toString() { throw 3 }, valueOf() { throw 4 }}");
        SCRIPTS.put("gettersLoopForever", "var e = new Error('x'); Object.defineProperty(e, 'message',"
                + " {get() { for (;;); }}); Object.defineProperty(e, 'name', {get() { for (;;); }}); throw e");
        SCRIPTS.put("proxyInThePrototypeChainLoops", "throw Object.create(new Proxy(Error.prototype,"
                + " {getPrototypeOf() { for (;;); }, get() { for (;;); }, getOwnPropertyDescriptor() { for (;;); }}))");
        SCRIPTS.put("prototypeGettersThrow", "Object.defineProperty(Error.prototype, 'message', {get() { throw 5 }});"
                + " Object.defineProperty(Error.prototype, 'name', {get() { throw 6 }}); throw new Error()");
        SCRIPTS.put("prepareStackTraceThrowsAProxy", "Error.prepareStackTrace = function () {"
                + " throw new Proxy({}, {get() { throw 1 }}) }; throw new Error('p')");
        SCRIPTS.put("prepareStackTraceLoops", "Error.prepareStackTrace = function () { for (;;); }; throw new Error('p')");
        SCRIPTS.put("trapsThrowFreshProxiesForever", "function mk() { return new Proxy({}, {getPrototypeOf() { throw mk() },"
                + " get() { throw mk() }, has() { throw mk() }}) } throw mk()");
        SCRIPTS.put("hasInstanceThrowsForever", "function mk() { var f = function () {};"
                + " Object.defineProperty(f, Symbol.hasInstance, {value() { throw mk() }}); return f }"
                + " Error = mk(); throw {a: 1}");
        SCRIPTS.put("selfReferencingObject", "var o = {}; o.self = o; o.message = o; throw o");
        SCRIPTS.put("selfReferencingError", "var e = new Error('x'); e.self = e; e.cause = e; throw e");
        SCRIPTS.put("thrownSymbol", "throw Symbol('s')");
        SCRIPTS.put("nullPrototypeObject", "throw Object.create(null)");
        SCRIPTS.put("nullPrototypeError", "var e = new Error('x'); Object.setPrototypeOf(e, null); throw e");
        // 9. syntax errors from code compiled at run time
        SCRIPTS.put("evalSyntaxError", "eval('a b c')");
        SCRIPTS.put("newFunctionSyntaxError", "new Function('a b c')");
        SCRIPTS.put("jsonParseSyntaxError", "JSON.parse('{bad json')");
        // 3. deep recursion on a default thread
        SCRIPTS.put("deepRecursion", "function down() { return down() + 1 } down()");
    }

    private V8HostileChild() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        V8RuntimeFactory factory = new V8RuntimeFactory();
        switch (name) {
            case "arrayFillOutOfMemory" -> run(factory, RuntimeOptions.defaults(), "new Array(1e8).fill(1.5)");
            case "hogOutOfMemory" -> run(factory, RuntimeOptions.defaults().withMaxHeapBytes(64L << 20),
                    "var hog = []; for (;;) hog.push(new Array(1e5).fill(1.5))");
            case "thrownThroughAHostFunction" -> hostReentry(factory, "function inner() {"
                    + " var r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy } outer()", 0);
            case "recursionThroughAHostFunction" -> hostReentry(factory, "function inner() { return outer() } outer()", 0);
            case "nestingOnA256KbThread" -> hostReentry(factory, "function inner(n) { return n <= 0 ? 0 : 1 + outer(n - 1) }"
                    + " outer(40)", 256 << 10);
            case "hostFunctionRecursesInJavaNearTheLimit" -> javaDeepReentry(factory);
            case "stoppedNearTheHeapLimitThenClosed" -> closeNearTheHeapLimit(factory);
            case "callerDeepInJavaRecursion" -> onThread(4L << 20, () -> {
                try (JsRuntime rt = factory.create()) {
                    report(() -> javaDeepEvaluate(rt, 14000));
                    System.out.println("AFTER " + rt.evaluate("1 + 1", "after.js"));
                }
            });
            case "recursionOnA256KbThread" -> onThread(256 << 10, () -> run(factory, RuntimeOptions.defaults(),
                    "function down() { return down() + 1 } down()"));
            default -> run(factory, RuntimeOptions.defaults(), SCRIPTS.get(name));
        }
        try (JsRuntime fresh = factory.create()) {
            System.out.println("ALIVE " + fresh.evaluate("1 + 1", "alive.js"));
        }
    }

    /**
     * Runtimes whose heap bomb is stopped by a time limit at spread moments, often just as the heap
     * passes its limit, each closed at once: disposing of an isolate over its limit used to abort
     * the JVM (the near-heap-limit callback cannot reach Java then; see V8Limits).
     */
    private static void closeNearTheHeapLimit(V8RuntimeFactory factory) {
        int closed = 0;
        for (int round = 0; round < 24; round++) {
            RuntimeOptions options = RuntimeOptions.defaults().withMaxHeapBytes(64L << 20)
                    .withTimeLimit(java.time.Duration.ofMillis(20 + 15 * round));
            try (JsRuntime rt = factory.create(options)) {
                rt.evaluate("var a = []; for (;;) a.push({ i: a.length, s: 'p' + a.length })", "bomb.js");
            } catch (JsTerminatedException expected) {
                // the time limit or the memory limit, whichever came first
            }
            closed++;
        }
        System.out.println("OUTCOME closed " + closed);
        try (JsRuntime rt = factory.create()) {
            System.out.println("AFTER " + rt.evaluate("1 + 1", "after.js"));
        }
    }

    private static void run(V8RuntimeFactory factory, RuntimeOptions options, String script) {
        try (JsRuntime rt = factory.create(options)) {
            report(() -> rt.evaluate(script, "hostile.js"));
            System.out.println("AFTER " + rt.evaluate("1 + 1", "after.js"));
        } catch (RuntimeException e) {
            System.out.println("OUTCOME " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** A host function {@code outer(n)} that calls the script's {@code inner(n)}: JS -> Java -> JS. */
    private static void hostReentry(V8RuntimeFactory factory, String script, int threadStack) throws InterruptedException {
        Runnable body = () -> {
            try (JsRuntime rt = factory.create()) {
                rt.global().set("outer", rt.function("outer", 1, (r, self, args) ->
                        r.global().get("inner").asFunction().call(args)));
                report(() -> rt.evaluate(script, "hostile.js"));
                System.out.println("AFTER " + rt.evaluate("1 + 1", "after.js"));
            } catch (RuntimeException e) {
                System.out.println("OUTCOME " + e.getClass().getSimpleName() + " " + e.getMessage());
            }
        };
        if (threadStack == 0) body.run();
        else onThread(threadStack, body);
    }

    /**
     * JavaScript recursing to V8's stack limit calls a host function that recurses 2000 frames in
     * Java before calling JavaScript again: V8 would be entered below its limit (it aborted).
     */
    private static void javaDeepReentry(V8RuntimeFactory factory) {
        try (JsRuntime rt = factory.create()) {
            rt.global().set("host", rt.function("host", 0, (r, self, args) -> javaDeep(r, 2000)));
            report(() -> rt.evaluate("function inner() { return 1 }"
                    + " function f() { try { host() } catch (e) {} return f() } f()", "hostile.js"));
            System.out.println("AFTER " + rt.evaluate("1 + 1", "after.js"));
        }
    }

    private static JsValue javaDeep(JsRuntime rt, int depth) {
        if (depth == 0) return rt.global().get("inner").asFunction().call();
        JsValue v = javaDeep(rt, depth - 1);
        return v;
    }

    /**
     * Evaluates from {@code depth} Java frames down (14000 frames take 0.7 to 2 MB): below V8's
     * limit, 512 KB under the top of the 4 MB thread (V8 aborted).
     */
    private static JsValue javaDeepEvaluate(JsRuntime rt, int depth) {
        if (depth == 0) return rt.evaluate("function f() { return f() } f()", "hostile.js");
        JsValue v = javaDeepEvaluate(rt, depth - 1);
        return v;
    }

    private static void onThread(long stack, Runnable body) throws InterruptedException {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (Throwable x) {
                failed.set(x);
            }
        }, "hostile-" + (stack >> 10) + "k", stack);
        t.start();
        t.join();
        if (failed.get() != null) System.out.println("OUTCOME " + failed.get());
    }

    private static void report(java.util.function.Supplier<JsValue> script) {
        try {
            System.out.println("OUTCOME none " + script.get());
        } catch (JsTerminatedException e) {
            System.out.println("OUTCOME JsTerminatedException:" + e.reason() + " usable=" + e.runtimeUsable()
                    + " " + e.getMessage());
        } catch (JsError e) {
            System.out.println("OUTCOME JsError:" + e.name().orElse("-") + " " + e.getMessage());
        } catch (JsException e) {
            System.out.println("OUTCOME " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }
}
