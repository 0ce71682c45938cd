package org.jsi4j.v8;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsi4j.EngineOption;
import org.jsi4j.RuntimeOptions;

/**
 * The engine options V8 accepts. V8's flags belong to the process: they are fixed when V8 is
 * first loaded, so {@code v8.flags} takes effect when it comes with the process's first V8 runtime
 * (or before {@link V8RuntimeFactory#engine()} is first asked), and a later runtime asking for other
 * flags is refused with an {@link IllegalStateException}.
 *
 * <p>Stability: experimental.
 */
public final class V8Options {
    /** Flags jsi4j sets itself, and {@code --allow-natives-syntax}, which would give scripts V8's internals. */
    static final Set<String> REFUSED = Set.of("stack-size", "extensible-ro-snapshot", "no-extensible-ro-snapshot",
            "allow-natives-syntax", "use-strict", "no-use-strict");
    private static final Pattern FLAG = Pattern.compile("--([a-z0-9][a-z0-9_-]*)(=\\S+)?");
    private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9.\\-]+:)?\\d{1,5}");

    /** V8 command-line flags, space-separated ({@code --expose-gc --max-lazy}). */
    public static final EngineOption<String> FLAGS = EngineOption.of(V8RuntimeFactory.ID, "flags",
            "V8 flags, each --name or --name=value, space-separated",
            "V8's command-line flags for the whole process (set with its first V8 runtime); --stack-size and"
                    + " --allow-natives-syntax are refused", EngineOption.Scope.PROCESS, V8Options::checkFlags);

    /** The Chrome DevTools inspector's address, {@code [HOST:]PORT} (HOST 127.0.0.1 unless given). */
    public static final EngineOption<String> INSPECT = EngineOption.of(V8RuntimeFactory.ID, "inspect", "[HOST:]PORT",
            "Serve V8's inspector to Chrome DevTools on [HOST:]PORT (HOST 127.0.0.1 unless given; needs"
                    + " io.netty:netty-codec-http on the class path)", EngineOption.Scope.RUNTIME, V8Options::checkAddress);
    /** With {@link #INSPECT}: pause on the first statement of the first script that is not jsi4j's own. */
    public static final EngineOption<Boolean> INSPECT_SUSPEND = EngineOption.ofBoolean(V8RuntimeFactory.ID, "inspect.Suspend",
            "With inspect: pause on the first statement of the first script that is not jsi4j's own");
    /** With {@link #INSPECT}: run no script until a debugger sends {@code Runtime.runIfWaitingForDebugger}. */
    public static final EngineOption<Boolean> INSPECT_WAIT_ATTACHED = EngineOption.ofBoolean(V8RuntimeFactory.ID,
            "inspect.WaitAttached", "With inspect: run no script until a debugger attaches and says to run");

    /** Every option V8 accepts: the inspector's only when its WebSocket library (Netty) is on the class path. */
    public static final List<EngineOption<?>> ALL = nettyPresent()
            ? List.of(FLAGS, INSPECT, INSPECT_SUSPEND, INSPECT_WAIT_ATTACHED) : List.of(FLAGS);

    private V8Options() {
    }

    /**
     * Whether Netty, which the inspector's server ({@link V8DevToolsServer}) is built on, is on the
     * class path. Asked here, not in that class: loading it without Netty fails verification.
     */
    private static boolean nettyPresent() {
        try {
            Class.forName("io.netty.handler.codec.http.HttpServerCodec", false, V8Options.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String checkFlags(String text) {
        String flags = text.trim().replaceAll("\\s+", " ");
        if (flags.isEmpty()) return flags;
        for (String flag : flags.split(" ")) {
            var m = FLAG.matcher(flag);
            if (!m.matches()) throw new IllegalArgumentException("'" + flag + "' is not a V8 flag");
            if (REFUSED.contains(m.group(1).replace('_', '-'))) {
                throw new IllegalArgumentException(flag + " is set by jsi4j itself or would expose V8's internals to scripts");
            }
        }
        return flags;
    }

    private static String checkAddress(String text) {
        if (!ADDRESS.matcher(text.trim()).matches() || Integer.parseInt(text.trim().replaceAll(".*:", "")) > 65535) {
            throw new IllegalArgumentException("'" + text + "' is not [HOST:]PORT (e.g. 9229 or 127.0.0.1:9229)");
        }
        return text.trim();
    }

    /**
     * The inspector {@code options} ask for, or null.
     *
     * @throws IllegalArgumentException for an unknown V8 engine option or a malformed value
     */
    static V8Debugger.Settings inspector(RuntimeOptions options) {
        Map<String, Object> v8 = options.engineOptions().resolve(V8RuntimeFactory.ID, ALL);
        String address = (String) v8.get(INSPECT.name());
        if (address == null) return null;
        int colon = address.lastIndexOf(':');
        return new V8Debugger.Settings(colon < 0 ? "127.0.0.1" : address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1)), Boolean.TRUE.equals(v8.get(INSPECT_SUSPEND.name())),
                Boolean.TRUE.equals(v8.get(INSPECT_WAIT_ATTACHED.name())));
    }

    /**
     * The V8 flags {@code options} ask for, checked; empty when none.
     *
     * @throws IllegalArgumentException for an unknown V8 engine option or malformed flags
     */
    static String flags(RuntimeOptions options) {
        Object flags = options.engineOptions().resolve(V8RuntimeFactory.ID, ALL).get(FLAGS.name());
        return flags == null ? "" : (String) flags;
    }
}
