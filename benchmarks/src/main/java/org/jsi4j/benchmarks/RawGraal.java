package org.jsi4j.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jsi4j.compare.Test262Plan;

/** The raw GraalJS scenario run of {@link RawScenarios.Graal}: a watchdog cancels the context past the limit. */
final class RawGraal {
    private RawGraal() {
    }

    static Test262Plan.Ending run(Engine engine, Map<String, Source> sources, Test262Plan.Scenario scenario, Duration limit) {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        int index = 0;
        try (Context ctx = Context.newBuilder("js").engine(engine).build()) {
            ScheduledFuture<?> stop = RawScenarios.WATCHDOG.schedule(() -> ctx.close(true), limit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                ctx.getBindings("js").putMember("print", (ProxyExecutable) args -> {
                    printed.add(args.length == 0 ? "" : args[0].isString() ? args[0].asString() : args[0].toString());
                    return null;
                });
                for (Test262Plan.Script s : scenario.scripts()) {
                    Source source = RawScenarios.harness(s.name())
                            ? sources.computeIfAbsent(s.name() + '\0' + s.source(),
                                    k -> Source.newBuilder("js", s.source(), s.name()).cached(true).buildLiteral())
                            : Source.newBuilder("js", s.source(), s.name()).cached(false).buildLiteral();
                    ctx.eval(source);
                    index++;
                }
                return Test262Plan.Ending.completed(printed);
            } catch (PolyglotException e) {
                if (e.isCancelled() || e.isInterrupted()) return Test262Plan.Ending.timeout(printed);
                if (e.isSyntaxError()) return new Test262Plan.Ending(index, "SyntaxError", e.getMessage(), false, printed);
                if (!e.isGuestException()) return new Test262Plan.Ending(index, "EngineFailure", e.getMessage(), false, printed);
                Value v = e.getGuestObject();
                if (v != null && v.hasMembers()) {
                    Value name = v.getMember("name");
                    if (name == null || !name.isString()) {
                        Value ctor = v.getMember("constructor");
                        name = ctor != null && ctor.hasMembers() ? ctor.getMember("name") : null;
                    }
                    Value message = v.getMember("message");
                    return new Test262Plan.Ending(index, name != null && name.isString() ? name.asString() : "Uncaught",
                            message != null && message.isString() ? message.asString() : "", false, printed);
                }
                return new Test262Plan.Ending(index, "Uncaught", e.getMessage(), false, printed);
            } finally {
                stop.cancel(false);
            }
        } catch (PolyglotException e) {
            // closing a cancelled context
            return Test262Plan.Ending.timeout(printed);
        }
    }
}
