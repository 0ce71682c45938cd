package org.jsi4j.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.regex.Pattern;
import org.jsi4j.EngineOption;
import org.jsi4j.EngineOptions;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jsi run --inspect[=[HOST:]PORT]} and {@code --inspect-brk[=[HOST:]PORT]}: the run under
 * the engine's Chrome DevTools inspector, which prints the {@code devtools://} URL to open; with
 * {@code brk} the script waits for a debugger and pauses on its first line. An engine has an
 * inspector when it accepts the engine options {@code ENGINE.inspect}, {@code ENGINE.inspect.Suspend}
 * and {@code ENGINE.inspect.WaitAttached} (GraalJS's chromeinspector-tool, V8's {@code V8Debugger}).
 *
 * @param engineId the engine whose inspector it is
 * @param address  where the inspector listens, {@code [HOST:]PORT}
 * @param brk      whether to wait for a debugger and pause on the first line
 */
record Inspect(String engineId, String address, boolean brk) {
    /** Node's and GraalVM's default port. */
    static final String DEFAULT_PORT = "9229";
    /** The engine option that turns an engine's inspector on. */
    private static final String INSPECT = "inspect";
    private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9.\\-]+:)?\\d{1,5}");

    /**
     * The inspector asked for by the options (each null when not given), or null.
     *
     * @param accepted the engine options the engine accepts
     * @throws IllegalArgumentException for both options, a bad address, or an engine without an inspector
     */
    static Inspect of(String inspect, String inspectBrk, String engineId, List<EngineOption<?>> accepted) {
        if (inspect == null && inspectBrk == null) return null;
        if (inspect != null && inspectBrk != null) throw new IllegalArgumentException("give either --inspect or --inspect-brk, not both");
        String option = inspect != null ? "--inspect" : "--inspect-brk";
        String address = inspect != null ? inspect : inspectBrk;
        if (!ADDRESS.matcher(address).matches() || Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)) > 65535) {
            throw new IllegalArgumentException(option + " takes [HOST:]PORT (e.g. " + option + "=9229 or "
                    + option + "=127.0.0.1:9229), not '" + address + "'");
        }
        if (accepted.stream().noneMatch(o -> o.name().equals(INSPECT))) {
            throw new IllegalArgumentException(option + " is not supported on the " + engineId + " engine; use --engine graal or --engine v8");
        }
        checkFree(option, address);
        return new Inspect(engineId, address, inspectBrk != null);
    }

    /** Fails, in command-line terms, when nothing can listen on {@code [HOST:]PORT}. */
    private static void checkFree(String option, String address) {
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); give another port, e.g. " + option + "=" + (port == 65535 ? 9230 : port + 1));
        }
    }

    /** {@code options} with the engine's inspector options added. */
    EngineOptions engineOptions(EngineOptions options) {
        String prefix = engineId + "." + INSPECT;
        Map<String, String> inspector = Map.of(prefix, address,
                prefix + ".Suspend", Boolean.toString(brk), prefix + ".WaitAttached", Boolean.toString(brk));
        EngineOptions with = options;
        for (Map.Entry<String, String> e : inspector.entrySet()) {
            if (!options.asMap().containsKey(e.getKey())) with = with.with(e.getKey(), e.getValue()); // --engine-option wins
        }
        return with;
    }

    /** Reads {@code --inspect app.js} as {@code --inspect=9229 app.js}, as Node does: only {@code =} attaches a port. */
    static final class DefaultPort implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
            if (" ".equals(info.get("separator"))) args.push(DEFAULT_PORT);
            return false;
        }
    }
}
