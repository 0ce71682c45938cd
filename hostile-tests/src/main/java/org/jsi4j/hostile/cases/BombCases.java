package org.jsi4j.hostile.cases;

import static org.jsi4j.hostile.Expect.bombStopped;
import static org.jsi4j.hostile.Expect.jsError;

import java.util.List;
import org.jsi4j.hostile.CaseList;
import org.jsi4j.hostile.HostileCase;

/**
 * Heap, string, array-buffer and BigInt bombs. Until memory limits exist (issue 13) the growing
 * bombs run with a time limit and the child JVM's -Xmx, and prove only that the JVM survives and the
 * caller gets a clear exception; the size checks (a length beyond what the language allows) prove
 * the RangeError.
 */
public final class BombCases {
    private static final String SURVIVAL = "survival only: a RangeError, the time limit or a memory limit;"
            + " the runtime has only the default memory limit (docs/limits.md), the child runs with -Xmx512m";

    private BombCases() {
    }

    /** The cases. */
    public static List<HostileCase> cases() {
        return new CaseList("bomb")
                .limited("array-fill", "new Array(1e8).fill(1.5)", bombStopped()).proves(SURVIVAL)
                .limited("array-like-fill", "Array.prototype.fill.call({length: 2 ** 40}, 0)", bombStopped()).proves(SURVIVAL)
                .limited("array-from-huge-array-like", "Array.from({length: 2 ** 31})", bombStopped())
                .proves(SURVIVAL + "; V8 aborted the JVM here (process out of memory) before the built-ins were stoppable")
                .limited("object-graph", "var a = []; for (;;) a.push({ i: a.length, s: 'p' + a.length })", bombStopped())
                .proves(SURVIVAL)
                .limited("string-doubling", "var s = 'x'; for (;;) s += s", bombStopped()).proves(SURVIVAL)
                .limited("string-doubling-flattened", "var s = 'xy'; for (;;) { s += s; s.charCodeAt(s.length - 1); }",
                        bombStopped()).proves(SURVIVAL)
                .limited("string-repeat", "'x'.repeat(2 ** 30)", bombStopped()).proves(SURVIVAL)
                .limited("array-join", "new Array(2 ** 28).join('abcd')", bombStopped()).proves(SURVIVAL)
                .limited("array-buffers-kept", "var k = []; for (var i = 0; i < 96; i++) { var b = new ArrayBuffer(8 << 20);"
                        + " new Uint8Array(b).fill(1); k.push(b); } throw new RangeError('survived ' + k.length * 8 + ' MiB')",
                        bombStopped()).proves(SURVIVAL + "; 768 MiB of buffers at most")
                .limited("bigint-power", "2n ** (2n ** 40n)", bombStopped()).proves(SURVIVAL)
                .limited("bigint-squaring", "var x = 3n; for (;;) x *= x", bombStopped())
                .proves(SURVIVAL + "; 30 s, issue 12's bar: on Rhino the stop waits for the squaring in progress, one"
                        + " BigInteger.multiply that no JVM API interrupts (10.7 s at 53 million bits at load 20)").within(30)
                .script("array-buffer-beyond-max", "new ArrayBuffer(2 ** 53)", jsError("RangeError"))
                .script("array-buffer-negative", "new ArrayBuffer(-1)", jsError("RangeError"))
                .script("typed-array-huge", "new Float64Array(2 ** 40)", jsError("RangeError"))
                .script("array-length-beyond-max", "var a = []; a.length = 2 ** 32", jsError("RangeError"))
                .build();
    }
}
