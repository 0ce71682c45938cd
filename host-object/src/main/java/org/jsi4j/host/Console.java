package org.jsi4j.host;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jsi4j.JsValue;

/**
 * The {@code console} object: {@code log}, {@code info}, {@code debug}, {@code warn} and
 * {@code error}, each a host function that formats its arguments as Node does
 * ({@link ConsoleFormat}) and writes one line to a {@link ConsoleSink}.
 */
public final class Console extends MethodHostObject {
    /** A console writing to {@code sink}. */
    public Console(ConsoleSink sink) {
        super(methods(Objects.requireNonNull(sink, "sink")));
    }

    private static List<Method> methods(ConsoleSink sink) {
        return Arrays.stream(ConsoleSink.Level.values())
                .map(level -> new Method(level.methodName(), 0, (runtime, self, args) -> {
                    sink.write(level, ConsoleFormat.format(runtime, args));
                    return JsValue.undefined();
                }))
                .toList();
    }
}
