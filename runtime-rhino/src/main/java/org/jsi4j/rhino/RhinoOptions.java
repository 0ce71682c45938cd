package org.jsi4j.rhino;

import java.util.List;
import java.util.Map;
import org.jsi4j.EngineOption;
import org.jsi4j.RuntimeOptions;
import org.mozilla.javascript.Context;

/**
 * The engine options Rhino accepts ({@link RuntimeOptions#with}, {@code ./jsi --engine-option}):
 * {@code rhino.optimizationLevel}, -1 to run scripts in Rhino's interpreter, 0 to 9 to compile them
 * to JVM bytecode (the default; Rhino 1.9 has one compiled level, so every value from 0 to 9 means
 * the same). Runtimes made for or from snapshots, or with a stack-depth limit, always interpret.
 *
 * <p>No language-version option: every runtime runs Rhino's newest ({@code VERSION_ECMASCRIPT}).
 * The JavaScript 1.x versions lack {@code Symbol}, {@code Promise} and {@code Map}, which jsi4j's
 * core needs, and {@code VERSION_ES6} behaves the same as the newest in Rhino 1.9.2 on every
 * feature checked (classes, arrows, {@code **}, {@code ?.}, {@code ??}, BigInt, spread, ...).
 *
 * <p>Stability: experimental.
 */
public final class RhinoOptions {
    /** Interpreted (-1) or compiled (0 to 9). */
    public static final EngineOption<Integer> OPTIMIZATION_LEVEL = EngineOption.ofInt(RhinoRuntimeFactory.ID,
            "optimizationLevel", -1, 9, "-1 interprets scripts; 0-9 compile them to JVM bytecode (default; Rhino 1.9 has one compiled level)");

    /** Every option Rhino accepts. */
    public static final List<EngineOption<?>> ALL = List.of(OPTIMIZATION_LEVEL);

    private RhinoOptions() {
    }

    /**
     * Checks the Rhino options of {@code options}.
     *
     * @throws IllegalArgumentException for an unknown or malformed one
     */
    static Map<String, Object> resolve(RuntimeOptions options) {
        return options.engineOptions().resolve(RhinoRuntimeFactory.ID, ALL);
    }

    /** Applies the Rhino options of {@code options} to a runtime's Context. */
    static void apply(Context cx, RuntimeOptions options) {
        if (resolve(options).get(OPTIMIZATION_LEVEL.name()) instanceof Integer level && level < 0) cx.setInterpretedMode(true);
    }
}
