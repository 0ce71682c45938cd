package org.jsi4j.v8;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.ast.Swc4jAst;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstConstructor;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstGetterProp;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstSetterProp;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstClassExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstParenExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstObjectLit;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstStmt;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstBindingIdent;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstScript;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstBlockStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstBreakStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstClassDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstContinueStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstDoWhileStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstEmptyStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstExprStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstFnDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstForInStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstForOfStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstForStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstLabeledStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstWhileStmt;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstWithStmt;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.exceptions.Swc4jCoreException;
import com.caoccao.javet.swc4j.options.Swc4jParseOptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites JavaScript so that V8 counts it (see {@link V8Counting}): parsed with swc4j, as
 * {@code jsi-modules} parses modules, then checks inserted as text at each loop body and function
 * entry, the original text otherwise untouched. A statement check charges the statements of the body
 * it starts ({@code if (($jsi4j_c[0] -= k) < 0) $jsi4j_s();}); a depth check counts the frames of
 * ordinary functions (not generators or async functions, whose frames outlive their calls), with
 * the body in {@code try}/{@code finally} so that every way out counts the frame down. Every direct
 * {@code eval(x)} becomes {@code eval($jsi4j_r(x))} (the text is rewritten before the real direct
 * eval runs it) and every other mention of the name {@code eval} the wrapper {@code $jsi4j_eval}.
 *
 * <p>Refused, as a {@link Rewrite.Refusal}: source naming the reserved prefix {@value #PREFIX}
 * (the counters' names), {@code with} (its object could answer for the counters' names), and any
 * binding or assignment of the name {@code eval} (the global {@code const eval} that keeps direct
 * eval working cannot be shadowed without the eval escaping the rewriting). Insertions shift the
 * columns after them on their line; {@link Rewrite#shifts()} says by how much, so that positions can
 * be mapped back ({@link V8Positions}).
 */
final class V8Instrument {
    /** Names the rewriting uses; source that names one of them is refused. */
    static final String PREFIX = "$jsi4j_";
    private static final Pattern WHERE = Pattern.compile("^(.*?) at \\S*:(\\d+):(\\d+)\\s*(?:\\n|$)", Pattern.DOTALL);
    private static volatile Swc4j swc;

    /** What is rewritten: a script, code given to eval, a Function constructor's text, an ES module. */
    enum Kind { SCRIPT, EVAL, FUNCTION, MODULE }

    /** Rewritten text, with the insertions made (original offset, characters inserted), in order. */
    record Rewrite(String code, int[] at, int[] added) {
        /** A source the rewriting refuses (with where, in the original text). */
        static final class Refusal extends RuntimeException {
            final int line;
            final int column;

            Refusal(String message, int line, int column) {
                super(message, null, false, false);
                this.line = line;
                this.column = column;
            }
        }

        /** The columns insertions shifted: for each, {@code [line, column in the original, added]}. */
        int[][] shifts(String original) {
            int[][] out = new int[at.length][];
            int line = 1;
            int lineStart = 0;
            int scanned = 0;
            for (int i = 0; i < at.length; i++) {
                for (; scanned < at[i]; scanned++) {
                    if (original.charAt(scanned) == '\n') {
                        line++;
                        lineStart = scanned + 1;
                    }
                }
                out[i] = new int[] {line, at[i] - lineStart + 1, added[i]};
            }
            return out;
        }
    }

    private final boolean statements;
    private final int maxDepth;
    private final String source;
    /** Text opening something at an offset, outer first; and closing something, inner first. */
    private final java.util.TreeMap<Integer, StringBuilder> inserts = new java.util.TreeMap<>();
    private final java.util.TreeMap<Integer, StringBuilder> closings = new java.util.TreeMap<>();
    private final java.util.TreeMap<Integer, int[]> replaced = new java.util.TreeMap<>();
    private final java.util.Map<Integer, String> replacement = new java.util.HashMap<>();

    private V8Instrument(String source, boolean statements, int maxDepth) {
        this.source = source;
        this.statements = statements;
        this.maxDepth = maxDepth;
    }

    /**
     * {@code source} of {@code kind} with the checks for a statement limit (when {@code statements})
     * and a depth limit (when {@code maxDepth > 0}).
     *
     * @throws Rewrite.Refusal for source the rewriting cannot keep counted, or that does not parse
     */
    static Rewrite rewrite(String source, Kind kind, boolean statements, int maxDepth) {
        ISwc4jAst program = parse(source, kind);
        if (kind == Kind.FUNCTION) checkFunctionShape(source, program);
        V8Instrument r = new V8Instrument(source, statements, maxDepth);
        r.visit(program);
        return r.apply();
    }

    private static ISwc4jAst parse(String source, Kind kind) {
        try {
            return (ISwc4jAst) swc().parse(source, new Swc4jParseOptions().setMediaType(Swc4jMediaType.JavaScript)
                    .setParseMode(kind == Kind.MODULE ? Swc4jParseMode.Module : Swc4jParseMode.Script)
                    .setCaptureAst(true)).getProgram();
        } catch (Swc4jCoreException e) {
            String message = e.getMessage() == null ? "syntax error" : e.getMessage();
            Matcher m = WHERE.matcher(message);
            if (m.find()) throw new Rewrite.Refusal(m.group(1).trim(), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            throw new Rewrite.Refusal(message.lines().findFirst().orElse(message), 0, 0);
        }
    }

    private static Swc4j swc() {
        Swc4j s = swc;
        if (s == null) {
            try {
                s = swc = new Swc4j();
            } catch (LinkageError e) {
                throw new IllegalStateException("swc4j's native library could not be loaded (" + e.getMessage()
                        + "); V8 needs it for statementLimit and maxStackDepth: add com.caoccao.javet:swc4j and its"
                        + " native artifact for this platform (see docs/limits.md)", e);
            }
        }
        return s;
    }

    /** The text a Function constructor builds must be one parenthesized function expression and nothing else. */
    private static void checkFunctionShape(String source, ISwc4jAst program) {
        if (program instanceof Swc4jAstScript script && script.getBody().size() == 1
                && script.getBody().get(0) instanceof Swc4jAstExprStmt stmt
                && stmt.getExpr() instanceof Swc4jAstParenExpr paren && paren.getExpr() instanceof Swc4jAstFnExpr
                && ((Swc4jAst) paren).getSpan().getStart() == 0 && ((Swc4jAst) paren).getSpan().getEnd() == source.length()) {
            return;
        }
        throw new Rewrite.Refusal("Arg string terminates parameters early", 0, 0);
    }

    // ---------------------------------------------------------------- the walk

    private void visit(ISwc4jAst node) {
        if (node instanceof Swc4jAstIdent ident) {
            ident(ident);
        } else if (node instanceof Swc4jAstWithStmt with) {
            throw refusal("'with' is not supported under statementLimit or maxStackDepth on V8 (its object could answer"
                    + " for the names the limits use); use a local variable instead", with);
        } else if (node instanceof Swc4jAstForStmt || node instanceof Swc4jAstForInStmt || node instanceof Swc4jAstForOfStmt
                || node instanceof Swc4jAstWhileStmt || node instanceof Swc4jAstDoWhileStmt) {
            loop(loopBody(node));
        } else if (node instanceof Swc4jAstFunction f) {
            f.getBody().ifPresent(b -> block(b, countsDepth(f.isGenerator(), f.isAsync())));
        } else if (node instanceof Swc4jAstConstructor c) {
            c.getBody().ifPresent(b -> block(b, maxDepth > 0));
        } else if (node instanceof Swc4jAstGetterProp g) {
            g.getBody().ifPresent(b -> block(b, maxDepth > 0));
        } else if (node instanceof Swc4jAstSetterProp s) {
            s.getBody().ifPresent(b -> block(b, maxDepth > 0));
        } else if (node instanceof Swc4jAstArrowExpr arrow) {
            arrow(arrow);
        } else if (node instanceof Swc4jAstCallExpr call) {
            directEval(call);
        }
        for (ISwc4jAst child : node.getChildNodes()) if (child != null) visit(child);
    }

    private boolean countsDepth(boolean generator, boolean async) {
        return maxDepth > 0 && !generator && !async;
    }

    private static ISwc4jAstStmt loopBody(ISwc4jAst loop) {
        return switch (loop) {
            case Swc4jAstForStmt f -> f.getBody();
            case Swc4jAstForInStmt f -> f.getBody();
            case Swc4jAstForOfStmt f -> f.getBody();
            case Swc4jAstWhileStmt w -> w.getBody();
            case Swc4jAstDoWhileStmt d -> d.getBody();
            default -> throw new IllegalArgumentException("not a loop");
        };
    }

    private void loop(ISwc4jAstStmt body) {
        if (!statements) return;
        String check = statementCheck(count(body));
        if (body instanceof Swc4jAstBlockStmt block) {
            insert(start(block) + 1, check);
        } else {
            insert(start(body), "{" + check);
            close(end(body), "}");
        }
    }

    /** A function body: the checks after its directives, and with a depth count the rest in try/finally. */
    private void block(Swc4jAstBlockStmt body, boolean depth) {
        int at = start(body) + 1;
        for (ISwc4jAstStmt s : body.getStmts()) {
            if (!(s instanceof Swc4jAstExprStmt e && e.getExpr() instanceof Swc4jAstStr)) break;
            at = end(s);
        }
        String checks = (statements ? statementCheck(count(body)) : "") + (depth ? depthCheck() + "try{" : "");
        String finish = depth ? "}finally{$jsi4j_c[1]--}" : "";
        if (at == end(body) - 1) {
            insert(at, checks + finish);   // nothing inside: opening and closing at one offset
            return;
        }
        if (!checks.isEmpty()) insert(at, checks);
        if (depth) close(end(body) - 1, finish);
    }

    private void arrow(Swc4jAstArrowExpr arrow) {
        if (arrow.getBody() instanceof Swc4jAstBlockStmt body) {
            block(body, countsDepth(false, arrow.isAsync()));
            return;
        }
        boolean depth = countsDepth(false, arrow.isAsync());
        if (!statements && !depth) return;
        ISwc4jAst expr = arrow.getBody();
        insert(start(expr), "{" + (statements ? statementCheck(1) : "") + (depth ? depthCheck() + "try{" : "") + "return (");
        close(end(expr), ")" + (depth ? "}finally{$jsi4j_c[1]--}" : "") + "}");
    }

    private String statementCheck(int statementsCharged) {
        return "if(($jsi4j_c[0]-=" + statementsCharged + ")<0)$jsi4j_s();";
    }

    private String depthCheck() {
        return "if(++$jsi4j_c[1]>" + maxDepth + ")$jsi4j_d();";
    }

    /** The statements of {@code node} outside nested loops' bodies and nested functions (at least 1). */
    private static int count(ISwc4jAst node) {
        return Math.max(1, statementsIn(node));
    }

    private static int statementsIn(ISwc4jAst node) {
        int n = node instanceof ISwc4jAstStmt && !(node instanceof Swc4jAstBlockStmt) && !(node instanceof Swc4jAstEmptyStmt) ? 1 : 0;
        if (node instanceof Swc4jAstForStmt || node instanceof Swc4jAstForInStmt || node instanceof Swc4jAstForOfStmt
                || node instanceof Swc4jAstWhileStmt || node instanceof Swc4jAstDoWhileStmt || node instanceof Swc4jAstFunction
                || node instanceof Swc4jAstArrowExpr || node instanceof Swc4jAstClassDecl || node instanceof Swc4jAstClassExpr) {
            return n;
        }
        for (ISwc4jAst child : node.getChildNodes()) if (child != null) n += statementsIn(child);
        return n;
    }

    private void ident(Swc4jAstIdent ident) {
        String name = ident.getSym();
        if (name.startsWith(PREFIX)) {
            throw refusal("The name '" + name + "' is reserved under statementLimit or maxStackDepth on V8 (names starting"
                    + " with " + PREFIX + " hold the limits' counters); rename it", ident);
        }
        if (!name.equals("eval")) return;
        ISwc4jAst parent = ident.getParent();
        if (parent instanceof Swc4jAstLabeledStmt || parent instanceof Swc4jAstBreakStmt || parent instanceof Swc4jAstContinueStmt) {
            return;
        }
        if (parent instanceof Swc4jAstCallExpr call && call.getCallee() == ident && directEvalArgument(call)) return;
        if (parent instanceof Swc4jAstBindingIdent || parent instanceof Swc4jAstFnDecl || parent instanceof Swc4jAstFnExpr
                || parent instanceof Swc4jAstClassDecl || parent instanceof Swc4jAstClassExpr
                || parent.getClass().getSimpleName().startsWith("Swc4jAstImport")) {
            throw refusal("Declaring or assigning 'eval' is not supported under statementLimit or maxStackDepth on V8"
                    + " (the code eval runs must stay counted); use another name", ident);
        }
        if (parent instanceof Swc4jAstObjectLit) {
            replace(start(ident), end(ident), "eval:$jsi4j_eval");   // shorthand {eval}
        } else {
            replace(start(ident), end(ident), "$jsi4j_eval");
        }
    }

    /** Whether {@code call} is {@code eval(x, ...)} with a first argument that is not spread. */
    private static boolean directEvalArgument(Swc4jAstCallExpr call) {
        return !call.getArgs().isEmpty() && call.getArgs().get(0).getSpread().isEmpty();
    }

    private void directEval(Swc4jAstCallExpr call) {
        if (!(call.getCallee() instanceof Swc4jAstIdent callee) || !callee.getSym().equals("eval") || !directEvalArgument(call)) {
            return;
        }
        ISwc4jAst first = call.getArgs().get(0);
        insert(start(first), "$jsi4j_r(");
        close(end(first), ")");
    }

    // ---------------------------------------------------------------- edits

    private static int start(ISwc4jAst node) {
        return ((Swc4jAst) node).getSpan().getStart();
    }

    private static int end(ISwc4jAst node) {
        return ((Swc4jAst) node).getSpan().getEnd();
    }

    private Rewrite.Refusal refusal(String message, ISwc4jAst node) {
        var span = ((Swc4jAst) node).getSpan();
        return new Rewrite.Refusal(message, span.getLine(), span.getColumn());
    }

    private void insert(int at, String text) {
        inserts.computeIfAbsent(at, k -> new StringBuilder()).append(text);
    }

    /** Closing text: something nested inside, visited later, that ends at the same offset closes first. */
    private void close(int at, String text) {
        closings.computeIfAbsent(at, k -> new StringBuilder()).insert(0, text);
    }

    private void replace(int start, int end, String text) {
        replaced.put(start, new int[] {end});
        replacement.put(start, text);
    }

    private Rewrite apply() {
        java.util.TreeSet<Integer> points = new java.util.TreeSet<>(inserts.keySet());
        points.addAll(replaced.keySet());
        points.addAll(closings.keySet());
        StringBuilder out = new StringBuilder(source.length() + 64 * points.size());
        int[] at = new int[points.size()];
        int[] added = new int[points.size()];
        int copied = 0;
        int i = 0;
        for (int p : points) {
            out.append(source, copied, p);
            copied = p;
            int before = out.length();
            StringBuilder closing = closings.get(p);
            if (closing != null) out.append(closing);
            StringBuilder ins = inserts.get(p);
            if (ins != null) out.append(ins);
            int[] r = replaced.get(p);
            if (r != null) {
                out.append(replacement.get(p));
                copied = r[0];
            }
            at[i] = p;
            added[i++] = out.length() - before - (copied - p);
        }
        out.append(source, copied, source.length());
        return new Rewrite(out.toString(), at, added);
    }

}
