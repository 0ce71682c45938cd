package org.jsi4j.esm;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.ast.Swc4jAst;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstTpl;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.span.Swc4jSpan;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.enums.Swc4jSourceMapOption;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jParseOptions;
import com.caoccao.javet.swc4j.options.Swc4jTranspileOptions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.SourceLocation;
import org.jsi4j.modules.ModuleKind;

/**
 * Module source through swc4j: parses ES modules (and tells a {@code .js} file's kind by its
 * syntax), strips TypeScript types, and reports parse errors as {@link JsSyntaxError} at the
 * module's file, line and column. CommonJS is wrapped as Node wraps it.
 */
final class SwcSources {
    private static final Pattern WHERE = Pattern.compile("^(.*?) at \\S*:(\\d+):(\\d+)\\s*(?:\\n|$)", Pattern.DOTALL);
    private static volatile Swc4j swc;

    private SwcSources() {
    }

    private static Swc4j swc() {
        Swc4j s = swc;
        if (s == null) {
            try {
                s = swc = new Swc4j();
            } catch (LinkageError e) {
                throw new IllegalStateException("swc4j's native library could not be loaded (" + e.getMessage()
                        + "); add the swc4j native artifact for this platform (see docs/modules.md)", e);
            }
        }
        return s;
    }

    private record Key(String source, String id, ModuleKind kind, EsmTranslator.Form form, boolean constAsLet) {
    }

    /** Translations by source text, shared by every runtime (least recently used out past ~32M chars). */
    private static final SizedCache<Key, TranslatedModule> CACHE = new SizedCache<>(32L << 20,
            (key, made) -> key.source().length() + made.chars());

    /**
     * Translates a module of {@code kind} for evaluation in {@code form} (an ES module; CommonJS is
     * wrapped whatever the form); {@code constAsLet} for an engine whose {@code const} in a loop body
     * keeps its first value. Parsing is the expensive part (swc4j builds a Java tree of the whole
     * module), so results are shared by runtimes that load the same text.
     */
    static TranslatedModule translate(String source, String id, ModuleKind kind, EsmTranslator.Form form, boolean constAsLet) {
        Key key = new Key(source, id, kind, form, constAsLet);
        TranslatedModule hit = CACHE.get(key);
        if (hit != null) return hit;
        TranslatedModule made = translateNow(source, id, kind, form, constAsLet);
        CACHE.put(key, made);
        return made;
    }

    /** What the cached translations hold, in characters (source texts and translations). */
    static long cachedChars() {
        return CACHE.weight();
    }

    private static TranslatedModule translateNow(String source, String id, ModuleKind kind, EsmTranslator.Form form,
                                                 boolean constAsLet) {
        return switch (kind) {
            case COMMONJS -> commonJs(constAsLet ? EsmTranslator.constAsLet(source,
                    (ISwc4jAst) parse(source, id, Swc4jParseMode.Program)) : source);
            case ESM -> EsmTranslator.translate(source, (Swc4jAstModule) parse(source, id, Swc4jParseMode.Module), form, constAsLet);
            case TYPESCRIPT -> {
                String js = stripTypes(source, id);
                yield EsmTranslator.translate(js, (Swc4jAstModule) parse(js, id, Swc4jParseMode.Module), form, constAsLet);
            }
            case JAVASCRIPT -> {
                Object program = parse(source, id, Swc4jParseMode.Program);
                yield program instanceof Swc4jAstModule m ? EsmTranslator.translate(source, m, form, constAsLet)
                        : commonJs(constAsLet ? EsmTranslator.constAsLet(source,
                                (ISwc4jAst) program) : source);
            }
            default -> throw new IllegalArgumentException("not a source module: " + kind);
        };
    }

    /** Node's wrapper, its head on the first line so that lines stay those of the file. */
    static TranslatedModule commonJs(String source) {
        String code = "(function (exports, require, module, __filename, __dirname) {" + source + "\n})";
        return new TranslatedModule(code, false, List.of(), false, false, null);
    }

    private static Object parse(String source, String id, Swc4jParseMode mode) {
        try {
            return swc().parse(source, new Swc4jParseOptions().setMediaType(Swc4jMediaType.JavaScript)
                    .setParseMode(mode).setCaptureAst(true).setScopeAnalysis(true)).getProgram();
        } catch (Swc4jCoreException e) {
            throw syntaxError(e, id);
        }
    }

    /**
     * TypeScript without its types (and without imports used only as types), laid out on the
     * TypeScript file's lines and columns ({@link SourceMapLayout}).
     */
    static String stripTypes(String source, String id) {
        var out = transpile(source, id);
        String mappings = SourceMapLayout.mappings(out.getSourceMap());
        if (mappings == null) return out.getCode();
        String code = out.getCode();
        return SourceMapLayout.relayout(code, mappings, multiLineLiterals(code, id));
    }

    private static com.caoccao.javet.swc4j.outputs.Swc4jTranspileOutput transpile(String source, String id) {
        try {
            return swc().transpile(source, new Swc4jTranspileOptions().setMediaType(Swc4jMediaType.TypeScript)
                    .setParseMode(Swc4jParseMode.Module).setSourceMap(Swc4jSourceMapOption.Separate));
        } catch (Swc4jCoreException e) {
            throw syntaxError(e, id);
        }
    }

    /** For each line of {@code code} (0-based), whether it starts inside a string or template literal. */
    private static boolean[] multiLineLiterals(String code, String id) {
        boolean[] inside = new boolean[(int) code.chars().filter(c -> c == '\n').count() + 1];
        if (code.indexOf('`') < 0 && code.indexOf("\\\n") < 0) return inside;
        mark(code, (ISwc4jAst) parse(code, id, Swc4jParseMode.Module), inside);
        return inside;
    }

    private static void mark(String code, ISwc4jAst node, boolean[] inside) {
        if (node instanceof Swc4jAstStr || node instanceof Swc4jAstTpl) {
            Swc4jSpan span = ((Swc4jAst) node).getSpan();
            int line = span.getLine() - 1;
            for (int i = span.getStart(); i < span.getEnd() && i < code.length(); i++) {
                if (code.charAt(i) == '\n' && ++line < inside.length) inside[line] = true;
            }
            return;
        }
        for (ISwc4jAst child : node.getChildNodes()) if (child != null) mark(code, child, inside);
    }

    static JsSyntaxError syntaxError(Swc4jCoreException e, String id) {
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        Matcher m = WHERE.matcher(message);
        if (m.find()) {
            return new JsSyntaxError(m.group(1).trim(),
                    new SourceLocation(id, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        return new JsSyntaxError(message.lines().findFirst().orElse(message), new SourceLocation(id, 0, 0));
    }
}
