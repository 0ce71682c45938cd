package org.jsi4j.v8;

import java.util.List;
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

    /** V8 command-line flags, space-separated ({@code --expose-gc --max-lazy}). */
    public static final EngineOption<String> FLAGS = EngineOption.of(V8RuntimeFactory.ID, "flags",
            "V8 flags, each --name or --name=value, space-separated",
            "V8's command-line flags for the whole process (set with its first V8 runtime); --stack-size and"
                    + " --allow-natives-syntax are refused", EngineOption.Scope.PROCESS, V8Options::checkFlags);

    /** Every option V8 accepts. */
    public static final List<EngineOption<?>> ALL = List.of(FLAGS);

    private V8Options() {
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
