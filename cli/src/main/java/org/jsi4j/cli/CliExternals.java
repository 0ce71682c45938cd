package org.jsi4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.HostObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.host.Console;
import org.jsi4j.host.ConsoleSink;
import org.jsi4j.host.JsiObject;

/**
 * The built-ins {@code jsi} gives scripts ({@code console} and {@code jsi}) as named externals, so
 * that a snapshot made by {@code jsi snapshot create} holds them by name and {@code jsi run
 * --snapshot} rebinds them.
 */
final class CliExternals {
    private CliExternals() {
    }

    /** {@code console} writing to {@code sink} and {@code jsi} with {@code args}, by global name. */
    static Map<String, HostObject> of(ConsoleSink sink, List<String> args) {
        Map<String, HostObject> byName = new LinkedHashMap<>();
        byName.put("console", new Console(sink));
        byName.put("jsi", new JsiObject(args));
        return byName;
    }

    /** Binds each as a named external of a runtime made for snapshotting. */
    static void bind(JsRuntime runtime, Map<String, HostObject> externals) {
        externals.forEach(runtime::external);
    }
}
