package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jsi4j.EsFeature;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/** Promise jobs (microtasks) and their interplay with Java. */
@Area("async")
@RequiresFeature(EsFeature.PROMISES)
class AsyncTest {
    private static JsValue eval(JsRuntime rt, String source) {
        return rt.evaluate(source, "async.js");
    }

    @EngineTest
    void promiseJobsRunAfterSynchronousCode(JsRuntime rt) {
        eval(rt, "var log = []; Promise.resolve().then(function () { log.push('micro'); }); log.push('sync');");
        assertEquals(JsValue.of("sync,micro"), eval(rt, "log.join()"));
    }

    @EngineTest
    void nestedThensInterleaveInSpecOrder(JsRuntime rt) {
        eval(rt, "var log = [];"
                + " Promise.resolve().then(function () { log.push('a1'); }).then(function () { log.push('a2'); });"
                + " Promise.resolve().then(function () { log.push('b1'); }).then(function () { log.push('b2'); });"
                + " log.push('sync');");
        assertEquals(JsValue.of("sync,a1,b1,a2,b2"), eval(rt, "log.join()"));
    }

    @EngineTest
    void jobsQueuedByJobsRunBeforeReturningToJava(JsRuntime rt) {
        eval(rt, "var depth = 0; function again() { if (++depth < 100) Promise.resolve().then(again); }"
                + " Promise.resolve().then(again);");
        assertEquals(JsValue.of(100), rt.global().get("depth"));
    }

    @EngineTest
    void microtasksAreDrainedAfterEachEvaluate(JsRuntime rt) {
        eval(rt, "var done = false; Promise.resolve(1).then(function () { done = true; });");
        assertEquals(JsValue.of(true), rt.global().get("done"), "read from Java without another evaluate");
    }

    @EngineTest
    void microtasksAreDrainedAfterEachCallFromJava(JsRuntime rt) {
        JsFunction schedule = eval(rt, "var hits = 0; (function () { Promise.resolve().then(function () { hits++; }); return hits; })")
                .asFunction();
        assertEquals(JsValue.of(0), schedule.call(), "the job has not run while the function runs");
        assertEquals(JsValue.of(1), rt.global().get("hits"));
        schedule.call();
        assertEquals(JsValue.of(2), rt.global().get("hits"));
    }

    @EngineTest
    void microtasksWaitForTheOutermostEntry(JsRuntime rt) {
        List<String> order = new ArrayList<>();
        rt.global().set("note", rt.function("note", 1, (r, self, args) -> {
            order.add(args.get(0).asString());
            return JsValue.undefined();
        }));
        rt.global().set("nested", rt.function("nested", 0, (r, self, args) -> {
            r.evaluate("Promise.resolve().then(function () { note('job'); }); note('nested eval done');", "inner.js");
            order.add("host returns");
            return JsValue.undefined();
        }));
        eval(rt, "nested(); note('outer continues');");
        assertEquals(List.of("nested eval done", "host returns", "outer continues", "job"), order);
    }

    @EngineTest
    void drainMicrotasksInsideAHostCallbackWaitsForAnEmptyStack(JsRuntime rt) {
        rt.global().set("drain", rt.function("drain", 0, (r, self, args) -> {
            r.drainMicrotasks();
            return JsValue.undefined();
        }));
        eval(rt, "var log = []; Promise.resolve().then(function () { log.push('job'); }); drain(); log.push('after drain');");
        assertEquals(JsValue.of("after drain,job"), eval(rt, "log.join()"),
                "jobs never run while JavaScript is on the stack; they run when the outermost call returns");
        rt.drainMicrotasks();
        assertEquals(JsValue.of("after drain,job"), eval(rt, "log.join()"), "draining with nothing queued does nothing");
    }

    @EngineTest
    void unhandledRejectionDoesNotThrowIntoJava(JsRuntime rt) {
        assertEquals(JsValue.of(1), eval(rt, "Promise.reject(new Error('nobody listens')); 1"));
        assertEquals(JsValue.of(2), eval(rt, "new Promise(function () { throw new TypeError('in executor'); }); 2"));
        rt.drainMicrotasks();
        assertEquals(JsValue.of(3), eval(rt, "3"), "the runtime keeps working");
    }

    @EngineTest
    void rejectionsReachTheirHandlers(JsRuntime rt) {
        eval(rt, "var caught; Promise.reject(new RangeError('r')).then(function () { caught = 'no'; })"
                + " .catch(function (e) { caught = e.name + ':' + e.message; });");
        assertEquals(JsValue.of("RangeError:r"), rt.global().get("caught"));
    }

    @EngineTest
    void javaCanSubscribeToAPromise(JsRuntime rt) {
        List<JsValue> received = new ArrayList<>();
        JsObject promise = eval(rt, "Promise.resolve(41).then(function (v) { return v + 1; })").asObject();
        JsFunction listener = rt.function("listener", 1, (r, self, args) -> {
            received.add(args.get(0));
            return JsValue.undefined();
        });
        promise.get("then").asFunction().callWithThis(promise, listener);
        assertEquals(List.of(JsValue.of(42)), received);
    }

    @EngineTest
    void promiseChainsFromJavaFutures(JsRuntime rt) {
        CompletableFuture<JsValue> future = new CompletableFuture<>();
        rt.global().set("p", rt.promise(future));
        eval(rt, "var out = []; p.then(function (v) { out.push(v); return v * 2; })"
                + " .then(function (v) { out.push(v); throw new Error('stop at ' + v); })"
                + " .catch(function (e) { out.push(e.message); });");
        OtherThread.later("completer", 20, () -> future.complete(JsValue.of(10)));
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertEquals(JsValue.of("10,20,stop at 20"), eval(rt, "out.join()"));
    }

    @EngineTest
    void promiseAllOverJavaFutures(JsRuntime rt) {
        List<CompletableFuture<JsValue>> futures = List.of(new CompletableFuture<>(), new CompletableFuture<>(),
                new CompletableFuture<>());
        JsObject[] promises = futures.stream().map(rt::promise).toArray(JsObject[]::new);
        rt.global().set("all", rt.newArray(promises));
        eval(rt, "var total; Promise.all(all).then(function (vs) { total = vs.join('+'); });");
        OtherThread.later("completer", 10, () -> {
            futures.get(2).complete(JsValue.of("c"));
            futures.get(0).complete(JsValue.of("a"));
            futures.get(1).complete(JsValue.of("b"));
        });
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertEquals(JsValue.of("a+b+c"), rt.global().get("total"));
    }

    @EngineTest
    @RequiresFeature(value = EsFeature.ASYNC_AWAIT, transpilable = true)
    void asyncFunctionsAwaitPromises(JsRuntime rt) {
        eval(rt, "var log = []; async function f() { log.push('start'); var v = await Promise.resolve(20);"
                + " log.push('resumed'); return v + 1; }"
                + " f().then(function (v) { log.push('result ' + v); }); log.push('sync end');");
        assertEquals(JsValue.of("start,sync end,resumed,result 21"), eval(rt, "log.join()"));
    }

    @EngineTest
    @RequiresFeature(value = EsFeature.ASYNC_AWAIT, transpilable = true)
    void asyncFunctionsAwaitJavaFutures(JsRuntime rt) {
        CompletableFuture<JsValue> future = new CompletableFuture<>();
        rt.global().set("load", rt.function("load", 0, (r, self, args) -> r.promise(future)));
        eval(rt, "var result = 'waiting'; (async function () { try { result = 'got ' + (await load());"
                + " await load(); } catch (e) { result = 'failed'; } })();");
        assertEquals(JsValue.of("waiting"), rt.global().get("result"));
        OtherThread.later("completer", 20, () -> future.complete(JsValue.of("payload")));
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertEquals(JsValue.of("got payload"), rt.global().get("result"));
    }

    @EngineTest
    @RequiresFeature(value = EsFeature.ASYNC_AWAIT, transpilable = true)
    void asyncFunctionRejectionsAreCatchable(JsRuntime rt) {
        CompletableFuture<JsValue> future = new CompletableFuture<>();
        rt.global().set("p", rt.promise(future));
        eval(rt, "var result; (async function () { try { await p; result = 'no'; }"
                + " catch (e) { result = e.message; } })();");
        OtherThread.later("completer", 20, () -> future.completeExceptionally(new IllegalStateException("remote failed")));
        assertTrue(rt.runEventLoop(Duration.ofSeconds(10)));
        assertEquals(JsValue.of("remote failed"), rt.global().get("result"));
    }
}
