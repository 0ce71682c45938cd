package org.jsi4j.host;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jsi4j.JsValue;

/**
 * The {@code console} object: {@code log}, {@code info}, {@code debug}, {@code warn} and
 * {@code error}, each a host function that formats its arguments as Node does
 * ({@link ConsoleFormat}) and writes one line to a {@link ConsoleSink}; and Node's {@code dir},
 * {@code table}, {@code time}/{@code timeLog}/{@code timeEnd}, {@code count}/{@code countReset},
 * {@code assert}, {@code group}/{@code groupCollapsed}/{@code groupEnd} and {@code trace}.
 * Values are styled with ANSI colours when the sink says it writes to a terminal
 * ({@link ConsoleSink#colors()}).
 */
public final class Console extends MethodHostObject {
    /** A console writing to {@code sink}. */
    public Console(ConsoleSink sink) {
        super(methods(Objects.requireNonNull(sink, "sink")));
    }

    private static List<Method> methods(ConsoleSink sink) {
        ConsoleExtras extras = new ConsoleExtras(sink, sink.colors());
        List<Method> methods = new java.util.ArrayList<>(Arrays.stream(ConsoleSink.Level.values())
                .map(level -> new Method(level.methodName(), 0, (runtime, self, args) -> {
                    extras.write(level, ConsoleFormat.format(runtime, args, sink.colors()));
                    return JsValue.undefined();
                }))
                .toList());
        methods.addAll(extras.methods());
        return methods;
    }
}
