package org.jsi4j;

import java.util.EnumSet;
import java.util.Set;
import org.jsi4j.spi.ScriptTranspiler;

/**
 * The transpile step of one runtime ({@link RuntimeOptions#withTranspile(boolean)}): only for an
 * engine that lacks some of the syntax below; evaluates the transpiler's helpers once, before the
 * first script that needs them.
 */
final class Transpiling {
    /** The syntax a transpiler lowers; an engine lacking any of it gets its scripts transpiled. */
    static final Set<EsFeature> SYNTAX = EnumSet.of(EsFeature.CLASSES, EsFeature.ASYNC_AWAIT, EsFeature.GENERATORS,
            EsFeature.ARROW_FUNCTIONS, EsFeature.LET_CONST, EsFeature.TEMPLATE_LITERALS, EsFeature.DESTRUCTURING,
            EsFeature.SPREAD, EsFeature.OPTIONAL_CHAINING, EsFeature.NULLISH_COALESCING);
    static final String HELPERS_NAME = "jsi4j:transpile-helpers.js";
    private static final ServiceFinder<ScriptTranspiler> TRANSPILERS = new ServiceFinder<>(ScriptTranspiler.class);

    private final ScriptTranspiler transpiler;
    private boolean helpersRun;

    private Transpiling(ScriptTranspiler transpiler) {
        this.transpiler = transpiler;
    }

    /**
     * The transpile step for a runtime of an engine with {@code capabilities}, or null when the options
     * do not ask for one or the engine has all the syntax.
     *
     * @throws IllegalStateException when one is needed and no transpiler is on the class path
     */
    static Transpiling of(EngineInfo engine, Capabilities capabilities, RuntimeOptions options) {
        if (!options.transpile() || capabilities.esFeatures().containsAll(SYNTAX)) return null;
        ScriptTranspiler transpiler = TRANSPILERS.find();
        if (transpiler == null) {
            throw new IllegalStateException("RuntimeOptions.withTranspile(true) on the " + engine.id() + " engine needs a"
                    + " transpiler on the class path: add the org.jsi4j:jsi-modules artifact, or turn transpiling off");
        }
        return new Transpiling(transpiler);
    }

    /** {@code source} as the engine runs it; the helpers are evaluated first by {@code helperRunner} when needed. */
    String script(String source, String sourceName, java.util.function.BiConsumer<String, String> helperRunner) {
        ScriptTranspiler.Result result = transpiler.transpile(source, sourceName);
        if (result.needsHelpers() && !helpersRun) {
            helperRunner.accept(transpiler.helpers(), HELPERS_NAME);
            helpersRun = true;
        }
        return result.code();
    }
}
