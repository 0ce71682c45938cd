package org.jsi4j.esm;

import com.google.javascript.jscomp.CheckLevel;
import com.google.javascript.jscomp.CodePrinter;
import com.google.javascript.jscomp.Compiler;
import com.google.javascript.jscomp.CompilerOptions;
import com.google.javascript.jscomp.CompilerOptions.LanguageMode;
import com.google.javascript.jscomp.DiagnosticGroups;
import com.google.javascript.jscomp.JSError;
import com.google.javascript.jscomp.SourceFile;
import com.google.javascript.jscomp.jarjar.com.google.common.collect.ImmutableSet;
import com.google.javascript.jscomp.js.RuntimeJsLibManager.RuntimeLibraryMode;
import com.google.javascript.rhino.Node;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.SourceLocation;
import org.jsi4j.spi.ScriptTranspiler;

/**
 * The transpiler of {@link org.jsi4j.RuntimeOptions#withTranspile(boolean)}: Google's Closure Compiler
 * with its transpilation passes only (no renaming, no optimisation, no polyfills), from the newest
 * JavaScript to ES5. Its output is laid back out on the source's lines with its source map
 * ({@link SourceMapLayout}), so errors and stack traces name the original's lines. Transpiled scripts
 * call Closure's runtime helpers ({@code $jscomp}, a global), evaluated once per runtime
 * ({@link #helpers()}). Found by {@link java.util.ServiceLoader}; shared by every runtime and thread.
 */
public final class ClosureTranspiler implements ScriptTranspiler {
    /** Closure's runtime libraries that its transpiled code may call: its helpers, none of its polyfills. */
    private static final List<String> LIBRARIES = List.of("es6/util/construct", "es6/util/inherits",
            "es6/util/arrayfromiterable", "es6/util/makeiterator", "es6/util/arrayfromiterator",
            "es6/util/createtemplatetagfirstarg", "es6/util/iteratorclose", "es6/util/assign", "util/owns",
            "util/toobject", "es6/generator_engine", "es6/execute_async_generator", "es6/async_generator_wrapper",
            "es6/util/makeasynciterator", "es6/symbol", "es6/util/restarguments");
    private static final String HELPER_NAMESPACE = "$jscomp";
    private static final SizedCache<String, Result> CACHE = new SizedCache<>(16L << 20,
            (source, result) -> source.length() + (result.code() == source ? 0 : result.code().length()));
    private static volatile String helpers;

    /** For ServiceLoader. */
    public ClosureTranspiler() {
    }

    @Override
    public Result transpile(String source, String sourceName) {
        Result hit = CACHE.get(source);
        if (hit != null) return hit;
        Result made = transpileNow(source, sourceName);
        CACHE.put(source, made);
        return made;
    }

    private static Result transpileNow(String source, String sourceName) {
        Compiler compiler = compiler();
        CompilerOptions options = options();
        options.setRuntimeLibraryMode(RuntimeLibraryMode.NO_OP);
        Compilation result = compile(compiler, options, sourceName, source);
        for (JSError e : result.compiled.errors) {
            if (e.getType().key.equals("JSC_PARSE_ERROR")) {
                throw new JsSyntaxError(e.getDescription(),
                        new SourceLocation(sourceName, Math.max(e.getLineNumber(), 0), e.getCharno() + 1));
            }
        }
        // a feature Closure cannot lower (private class members, new.target, ...): the engine judges the original
        if (!result.compiled.errors.isEmpty()) return new Result(source, false);
        StringBuilder map = new StringBuilder();
        compiler.getSourceMap().reset();
        Compiler.CodeBuilder code = new Compiler.CodeBuilder();
        compiler.toSource(code, NO_LICENSES, 1, result.script);
        try {
            compiler.getSourceMap().appendTo(map, sourceName);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String generated = code.toString();
        String mappings = SourceMapLayout.mappings(map.toString());
        String laidOut = mappings == null ? generated : SourceMapLayout.relayout(generated, mappings, new boolean[0]);
        return new Result(laidOut, laidOut.contains(HELPER_NAMESPACE));
    }

    /**
     * Closure's helpers for ES5 output: the resource {@value #HELPERS_RESOURCE}, made by {@link #compileHelpers()}
     * at build time (Closure takes seconds to make them in a fresh JVM); ClosureTranspilerTest checks it is current.
     */
    @Override
    public String helpers() {
        String h = helpers;
        if (h == null) {
            try (var in = ClosureTranspiler.class.getResourceAsStream(HELPERS_RESOURCE)) {
                if (in == null) throw new IllegalStateException("jsi-modules lacks its resource " + HELPERS_RESOURCE);
                h = helpers = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + HELPERS_RESOURCE + ": " + e.getMessage(), e);
            }
        }
        return h;
    }

    static final String HELPERS_RESOURCE = "closure-helpers.js";

    /** The helpers as this Closure Compiler makes them (what {@value #HELPERS_RESOURCE} must hold). */
    static String compileHelpers() {
        Compiler compiler = compiler();
        CompilerOptions options = options();
        options.setRuntimeLibraryMode(RuntimeLibraryMode.INJECT);
        options.setForceLibraryInjection(LIBRARIES);
        Compilation result = compile(compiler, options, "helpers.js", "");
        if (!result.compiled.errors.isEmpty()) {
            throw new IllegalStateException("Closure Compiler could not make its runtime helpers: " + result.compiled.errors);
        }
        return compiler.toSource(result.helpers);
    }

    /** A compilation: its result, the script the helpers were injected into, and the user's script. */
    private record Compilation(com.google.javascript.jscomp.Result compiled, Node helpers, Node script) {
    }

    private static Compilation compile(Compiler compiler, CompilerOptions options, String name, String source) {
        com.google.javascript.jscomp.Result compiled = compiler.compile(List.of(SourceFile.fromCode("jsi4j:externs.js", "")),
                List.of(SourceFile.fromCode("jsi4j:helpers.js", ""), SourceFile.fromCode(name, source)), options);
        Node root = compiler.getRoot() == null ? null : compiler.getRoot().getLastChild();
        Node first = root == null ? null : root.getFirstChild();
        return new Compilation(compiled, first, first == null ? null : first.getNext());
    }

    private static Compiler compiler() {
        Compiler compiler = new Compiler(new PrintStream(OutputStream.nullOutputStream()));
        compiler.disableThreads();
        return compiler;
    }

    private static CompilerOptions options() {
        CompilerOptions o = new CompilerOptions();
        o.setLanguageIn(LanguageMode.ECMASCRIPT_NEXT);
        o.setLanguageOut(LanguageMode.ECMASCRIPT5);
        o.setStrictModeInput(false);
        o.setEmitUseStrict(false);
        o.setSkipNonTranspilationPasses(true);
        o.setRewritePolyfills(false);
        o.setPrettyPrint(true);
        o.setSourceMapOutputPath("jsi4j.map");
        o.setWarningLevel(DiagnosticGroups.NON_STANDARD_JSDOC, CheckLevel.OFF);
        return o;
    }

    private static final CodePrinter.LicenseTracker NO_LICENSES = new CodePrinter.LicenseTracker() {
        @Override
        public void trackLicensesForNode(Node node) {
        }

        @Override
        public ImmutableSet<String> emitLicenses() {
            return ImmutableSet.of();
        }
    };
}
