package org.jsi4j.graal;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jsi4j.JsValue;
import org.jsi4j.spi.ObjectKind;
import org.jsi4j.spi.RejectedPromise;

/**
 * GraalJS's unhandled-rejection tracking ({@code js.unhandled-rejections=handler}): GraalJS calls the
 * handler with each promise still rejected without a handler once its promise jobs have run (a
 * handler attached in the meantime cancels the report). The handler is set through the
 * {@code Graal} global before any script runs, and that global is deleted at once, so no script can
 * reach or replace it.
 */
final class GraalRejections {
    private static final Source SOURCE = Source.newBuilder("js", "(function (record) { 'use strict';"
            + " const G = globalThis.Graal; delete globalThis.Graal;"
            + " if (G && typeof G.setUnhandledPromiseRejectionHandler === 'function')"
            + " G.setUnhandledPromiseRejectionHandler(function (reason, promise) { record(reason, promise); }); })",
            "jsi4j:rejections.js").cached(true).buildLiteral();

    private final List<Value[]> pending = new ArrayList<>();
    private boolean tracking;

    GraalRejections(Context context) {
        ProxyExecutable record = args -> {
            if (tracking) pending.add(new Value[] {args[0], args[1]});
            return null;
        };
        context.eval(SOURCE).execute(record);
    }

    void track() {
        tracking = true;
    }

    List<RejectedPromise> take(GraalValues values) {
        if (pending.isEmpty()) return List.of();
        List<RejectedPromise> taken = new ArrayList<>(pending.size());
        for (Value[] p : pending) {
            JsValue reason = values.fromRaw(p[0]);
            taken.add(new RejectedPromise(values.wrap(p[1], ObjectKind.OBJECT), reason));
        }
        pending.clear();
        return taken;
    }
}
