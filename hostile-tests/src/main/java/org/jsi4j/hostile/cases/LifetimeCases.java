package org.jsi4j.hostile.cases;

import static org.jsi4j.hostile.Expect.anyOf;
import static org.jsi4j.hostile.Expect.illegalArgument;
import static org.jsi4j.hostile.Expect.illegalState;
import static org.jsi4j.hostile.Expect.jsError;
import static org.jsi4j.hostile.Expect.released;
import static org.jsi4j.hostile.Expect.returned;
import static org.jsi4j.hostile.Expect.snapshotRefused;
import static org.jsi4j.hostile.Expect.syntaxError;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jsi4j.JsObject;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsValue;
import org.jsi4j.JsWeakRef;
import org.jsi4j.PreparedScript;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.hostile.CaseList;
import org.jsi4j.hostile.HostileCase;

/**
 * Use after close, handles used after their scope, close and snapshot from inside a callback,
 * tasks queued around close, and options misuse.
 */
public final class LifetimeCases {
    private LifetimeCases() {
    }

    /** The cases. */
    public static List<HostileCase> cases() {
        return new CaseList("lifetime")
                .misuse("evaluate-after-close", released().mentioning("closed"), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.close();
                    return rt.evaluate("1", "x.js");
                })
                .misuse("handle-after-close", released(), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    JsObject o = rt.evaluate("({ a: 1 })", "x.js").asObject();
                    rt.close();
                    return o.get("a");
                })
                .misuse("ref-after-close", released(), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    JsRef<JsObject> ref = rt.evaluate("({ a: 1 })", "x.js").asObject().persist();
                    rt.close();
                    return ref.get().get("a");
                })
                .misuse("weak-ref-after-close", released(), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    JsWeakRef<JsObject> weak = rt.weak(rt.evaluate("globalThis.keep = { a: 1 }", "x.js").asObject());
                    rt.close();
                    return weak.get();
                })
                .misuse("prepared-script-after-close", released(), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    PreparedScript s = rt.prepare("1 + 1", "p.js");
                    rt.close();
                    return s.run();
                })
                .misuse("prepared-lexical-script-run-twice", anyOf(jsError("SyntaxError"), syntaxError(), returned()), ctx -> {
                    // V8 aborted the process on the second run ("Check failed: IsNativeContext"), Javet alone too;
                    // the language answers with a redeclaration SyntaxError (Rhino runs it again)
                    JsRuntime rt = ctx.runtime();
                    PreparedScript s = rt.prepare("let once = 1; class Once {} once", "p.js");
                    s.run();
                    return s.run();
                })
                .misuse("handle-after-scope", released().mentioning("released"), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    JsObject o;
                    try (JsScope scope = rt.openScope()) {
                        o = rt.evaluate("({ a: 1 })", "x.js").asObject();
                    }
                    return o.get("a");
                })
                .misuse("released-handle-as-argument", released(), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    JsObject o;
                    try (JsScope scope = rt.openScope()) {
                        o = rt.evaluate("({ a: 1 })", "x.js").asObject();
                    }
                    rt.global().set("x", o);
                    return rt.evaluate("x.a", "read.js");
                })
                .misuse("host-argument-kept-after-call", released(), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    JsObject[] kept = new JsObject[1];
                    rt.global().set("keep", rt.function("keep", 1, (r, self, args) -> {
                        kept[0] = args.get(0).asObject();
                        return JsValue.undefined();
                    }));
                    rt.evaluate("keep({ a: 1 })", "keep.js");
                    return kept[0].get("a");
                })
                .misuse("close-from-host-function", jsError("Error").mentioning("cannot be closed")
                        .causedBy(IllegalStateException.class), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.global().set("closeMe", rt.function("closeMe", 0, (r, self, args) -> {
                        r.close();
                        return JsValue.undefined();
                    }));
                    return rt.evaluate("closeMe()", "close.js");
                })
                .misuse("snapshot-from-host-function", illegalState().mentioning("inside"), ctx -> {
                    JsRuntime rt = ctx.runtime(RuntimeOptions.forSnapshotting());
                    RuntimeException[] seen = new RuntimeException[1];
                    rt.external("snap", 0, (r, self, args) -> {
                        try {
                            r.snapshot();
                        } catch (RuntimeException e) {
                            seen[0] = e;
                        }
                        return JsValue.undefined();
                    });
                    rt.evaluate("snap()", "snap.js");
                    if (seen[0] != null) throw seen[0];
                    return "snapshot() inside a host callback succeeded";
                })
                .misuse("snapshot-not-made-for-it", snapshotRefused().mentioning("snapshotting"), ctx -> ctx.runtime().snapshot())
                .misuse("restore-without-external", snapshotRefused().mentioning("external"), ctx -> {
                    JsRuntime setup = ctx.runtime(RuntimeOptions.forSnapshotting());
                    setup.external("greet", 0, (r, self, args) -> JsValue.of("hi"));
                    byte[] blob = setup.snapshot().bytes();
                    return ctx.runtime(RuntimeOptions.fromSnapshot(blob).externals(Map.of()));
                })
                .misuse("external-name-twice", illegalArgument().mentioning("already bound"), ctx -> {
                    JsRuntime rt = ctx.runtime(RuntimeOptions.forSnapshotting());
                    rt.external("twice", 0, (r, self, args) -> JsValue.undefined());
                    return rt.external("twice", 0, (r, self, args) -> JsValue.undefined());
                })
                .misuse("zero-time-limit", illegalArgument().mentioning("timeLimit"), ctx ->
                        ctx.runtime(RuntimeOptions.defaults().withTimeLimit(Duration.ZERO)))
                .misuse("submit-after-close", released().mentioning("closed"), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    rt.close();
                    return unwrap(rt.executor().submit(r -> r.evaluate("1", "x.js")));
                })
                .misuse("close-inside-executor-task", released(), ctx -> {
                    JsRuntime rt = ctx.runtime();
                    CompletableFuture<Object> closing = rt.executor().submit(r -> {
                        r.close();
                        return null;
                    });
                    CompletableFuture<JsValue> after = rt.executor().submit(r -> r.evaluate("1", "x.js"));
                    rt.runPendingTasks();
                    unwrap(closing);
                    return unwrap(after);
                })
                .build();
    }

    /** The value of a future that must already be settled, or its failure rethrown as is. */
    static Object unwrap(CompletableFuture<?> future) throws Exception {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the future did not complete within 10 s (a hung future)");
        }
    }
}
