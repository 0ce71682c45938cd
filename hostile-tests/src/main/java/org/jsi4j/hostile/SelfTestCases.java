package org.jsi4j.hostile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cases that test the harness itself, not an engine: a child JVM that dies, a case that never
 * ends, a case that ends as expected. Reachable by id ({@link Catalogue#get}) but not part of
 * {@link Catalogue#all()}.
 */
public final class SelfTestCases {
    /** The child JVM halts with exit code 134, as a SIGABRT would end it. */
    public static final HostileCase HALT = new HostileCase("selftest/halt", HostileCase.Kind.MISUSE,
            Expect.illegalState(), null, 0, ctx -> {
                Runtime.getRuntime().halt(134);
                return null;
            });
    /** Sleeps far beyond any budget. */
    public static final HostileCase SLEEP = new HostileCase("selftest/sleep", HostileCase.Kind.MISUSE,
            Expect.illegalState(), null, 0, ctx -> {
                Thread.sleep(600_000);
                return null;
            });
    /** Evaluates a script that throws a RangeError, as expected. */
    public static final HostileCase OK = new HostileCase("selftest/ok", HostileCase.Kind.SCRIPT,
            Expect.jsError("RangeError").jsMessage("fine"), null, 0,
            ctx -> ctx.runtime().evaluate("throw new RangeError('fine')", "ok.js"));

    static final Map<String, HostileCase> BY_ID = List.of(HALT, SLEEP, OK).stream()
            .collect(Collectors.toMap(HostileCase::id, Function.identity()));

    private SelfTestCases() {
    }
}
