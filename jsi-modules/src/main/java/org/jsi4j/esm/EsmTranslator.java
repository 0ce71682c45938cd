package org.jsi4j.esm;

import com.caoccao.javet.swc4j.ast.Swc4jAst;
import com.caoccao.javet.swc4j.ast.clazz.Swc4jAstFunction;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstArrowExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstAwaitExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstCallExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstClassExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstFnExpr;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstIdent;
import com.caoccao.javet.swc4j.ast.expr.Swc4jAstMetaPropExpr;
import com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstStr;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAst;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstModuleExportName;
import com.caoccao.javet.swc4j.ast.interfaces.ISwc4jAstPat;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportAll;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultExpr;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstExportNamespaceSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImport;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDecl;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportDefaultSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportNamedSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstImportStarAsSpecifier;
import com.caoccao.javet.swc4j.ast.module.Swc4jAstNamedExport;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstArrayPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstAssignPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstAssignPatProp;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstBindingIdent;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstKeyValuePatProp;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstObjectPat;
import com.caoccao.javet.swc4j.ast.pat.Swc4jAstRestPat;
import com.caoccao.javet.swc4j.ast.program.Swc4jAstModule;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstClassDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstFnDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDecl;
import com.caoccao.javet.swc4j.ast.stmt.Swc4jAstVarDeclarator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed ES module into a function every engine runs as classic script code, keeping ES
 * module semantics that matter to programs: imports are live (each reference to an imported binding,
 * found by swc's scope analysis, reads a getter onto the dependency's namespace), exports are getters onto the module's own bindings (defined before
 * any dependency runs, so cycles see hoisted functions and, for {@code let}/{@code const}, the
 * temporal dead zone), the body is strict, {@code import.meta} and {@code import()} are per-module
 * values. Lines are kept: the wrapper's head is on the first line, removed declarations leave their
 * line breaks.
 *
 * <pre>
 * (function (__jsi_scope, __jsi_exports, __jsi_meta, __jsi_import, __jsi_link) { 'use strict';
 *   return function () { __jsi_link({"x": function () { return x; }}); BODY
 * }; })
 * </pre>
 */
final class EsmTranslator {
    static final String DEFAULT_LOCAL = "__jsi_default";

    /**
     * What a module is made into, one form per engine: {@link #TRANSLATED} the wrapper function above (an
     * engine without ES modules), {@link #NATIVE} the module as the engine's own with only {@code import.meta}
     * and {@code import()} rewritten (V8), {@link #NAMED} that with its static specifiers cut out for an
     * engine that finds imports by name (GraalJS, {@link NamedImports}).
     */
    enum Form { TRANSLATED, NATIVE, NAMED }

    private final String source;
    private final Form form;
    /** The edits that make {@link #form} of the source. */
    private final SourceEdits edits;
    private final List<String> specifiers = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    /** Whether the module uses {@code import.meta} or {@code import()}: a native one then imports its host module. */
    private boolean needsHost;
    private final Map<String, String> exports = new LinkedHashMap<>();
    private final List<ModuleLink> links = new ArrayList<>();
    /** Each imported local binding's name and syntax context (from swc's scope analysis). */
    private final Map<String, Integer> importedLocals = new java.util.HashMap<>();
    private final boolean constAsLet;
    private boolean topLevelAwait;

    private EsmTranslator(String source, Form form, boolean constAsLet) {
        this.source = source;
        this.form = form;
        this.edits = new SourceEdits(source);
        this.constAsLet = constAsLet && form == Form.TRANSLATED;
    }

    /**
     * @param form what to make of the module (one translation per module: an engine uses one form)
     * @param constAsLet declare {@code const} bindings with {@code let}, for an engine whose {@code const} in a
     *     loop body keeps its first value (Rhino; {@link Form#TRANSLATED} only)
     */
    static TranslatedModule translate(String source, Swc4jAstModule module, Form form, boolean constAsLet) {
        EsmTranslator t = new EsmTranslator(source, form, constAsLet);
        for (ISwc4jAst item : module.getBody()) t.item(item);
        t.walk(module, 0);
        return switch (form) {
            case TRANSLATED -> new TranslatedModule(t.wrap(), true, t.links, t.topLevelAwait, t.needsHost, null);
            case NATIVE -> new TranslatedModule(t.nativeCode(), true, t.links, t.topLevelAwait, t.needsHost, null);
            case NAMED -> new TranslatedModule(null, true, t.links, t.topLevelAwait, t.needsHost, t.named());
        };
    }

    /** A classic script (CommonJS) with only {@code const} made {@code let}. */
    static String constAsLet(String source, ISwc4jAst program) {
        EsmTranslator t = new EsmTranslator(source, Form.TRANSLATED, true);
        t.walk(program, 0);
        return t.edits.apply();
    }

    /** A static specifier: cut out of the named form. */
    private void specifier(Swc4jAstStr src) {
        if (form != Form.NAMED) return;
        specifiers.add(src.getValue());
        widths.add(end(src) - start(src) - 2);
        edits.replace(start(src), end(src), CUT);
    }

    /** Removes a range of the translated form (a native module keeps its declarations). */
    private void removeTranslated(int start, int end) {
        if (form == Form.TRANSLATED) edits.remove(start, end);
    }

    private void replaceTranslated(int start, int end, String text) {
        if (form == Form.TRANSLATED) edits.replace(start, end, text);
    }

    private void item(ISwc4jAst item) {
        if (item instanceof Swc4jAstImportDecl d) {
            specifier(d.getSrc());
            removeTranslated(start(d), end(d));
            if (d.isTypeOnly()) return;
            String from = d.getSrc().getValue();
            if (d.getSpecifiers().isEmpty()) links.add(new ModuleLink(from, ModuleLink.Kind.LOAD, null, null, line(d), column(d)));
            for (var s : d.getSpecifiers()) {
                importedLocals.put(localOf(s).getSym(), localOf(s).getCtxt());
                if (s instanceof Swc4jAstImportDefaultSpecifier def) {
                    links.add(new ModuleLink(from, ModuleLink.Kind.IMPORT, def.getLocal().getSym(), "default", line(d), column(d)));
                } else if (s instanceof Swc4jAstImportStarAsSpecifier star) {
                    links.add(new ModuleLink(from, ModuleLink.Kind.IMPORT, star.getLocal().getSym(), ModuleLink.NAMESPACE, line(d), column(d)));
                } else if (s instanceof Swc4jAstImportNamedSpecifier named && !named.isTypeOnly()) {
                    String local = named.getLocal().getSym();
                    links.add(new ModuleLink(from, ModuleLink.Kind.IMPORT, local,
                            named.getImported().map(EsmTranslator::name).orElse(local), line(d), column(d)));
                }
            }
        } else if (item instanceof Swc4jAstExportDecl d) {
            removeTranslated(start(d), start((Swc4jAst) d.getDecl()));
            ISwc4jAst decl = d.getDecl();
            if (decl instanceof Swc4jAstFnDecl fn) local(fn.getIdent().getSym());
            else if (decl instanceof Swc4jAstClassDecl c) local(c.getIdent().getSym());
            else if (decl instanceof Swc4jAstVarDecl v) {
                for (Swc4jAstVarDeclarator declarator : v.getDecls()) bindings(declarator.getName());
            }
        } else if (item instanceof Swc4jAstExportDefaultDecl d) {
            ISwc4jAst decl = d.getDecl();
            var ident = decl instanceof Swc4jAstFnExpr fn ? fn.getIdent()
                    : decl instanceof Swc4jAstClassExpr c ? c.getIdent() : java.util.Optional.<Swc4jAstIdent>empty();
            if (ident.isPresent()) {
                removeTranslated(start(d), start((Swc4jAst) decl));
                exports.put("default", ident.get().getSym());
            } else {
                replaceTranslated(start(d), start((Swc4jAst) decl), "var " + DEFAULT_LOCAL + " = ");
                replaceTranslated(end((Swc4jAst) decl), end((Swc4jAst) decl), ";");
                exports.put("default", DEFAULT_LOCAL);
            }
        } else if (item instanceof Swc4jAstExportDefaultExpr d) {
            Swc4jAst expr = (Swc4jAst) d.getExpr();
            replaceTranslated(start(d), start(expr), "var " + DEFAULT_LOCAL + " = (");
            replaceTranslated(end(expr), end(expr), ")");
            exports.put("default", DEFAULT_LOCAL);
        } else if (item instanceof Swc4jAstNamedExport d) {
            d.getSrc().ifPresent(this::specifier);
            removeTranslated(start(d), end(d));
            if (d.isTypeOnly()) return;
            String from = d.getSrc().map(Swc4jAstStr::getValue).orElse(null);
            for (var s : d.getSpecifiers()) {
                if (s instanceof Swc4jAstExportNamedSpecifier named) {
                    if (named.isTypeOnly()) continue;
                    String orig = name(named.getOrig());
                    String as = named.getExported().map(EsmTranslator::name).orElse(orig);
                    if (from == null) exports.put(as, orig);
                    else links.add(new ModuleLink(from, ModuleLink.Kind.REEXPORT, as, orig, line(d), column(d)));
                } else if (s instanceof Swc4jAstExportNamespaceSpecifier ns) {
                    links.add(new ModuleLink(from, ModuleLink.Kind.REEXPORT, name(ns.getName()), ModuleLink.NAMESPACE, line(d), column(d)));
                } else if (s instanceof Swc4jAstExportDefaultSpecifier def) {
                    links.add(new ModuleLink(from, ModuleLink.Kind.REEXPORT, def.getExported().getSym(), "default", line(d), column(d)));
                }
            }
        } else if (item instanceof Swc4jAstExportAll d) {
            specifier(d.getSrc());
            removeTranslated(start(d), end(d));
            if (!d.isTypeOnly()) links.add(new ModuleLink(d.getSrc().getValue(), ModuleLink.Kind.STAR, null, null, line(d), column(d)));
        }
    }

    private static Swc4jAstIdent localOf(ISwc4jAst specifier) {
        if (specifier instanceof Swc4jAstImportDefaultSpecifier d) return d.getLocal();
        if (specifier instanceof Swc4jAstImportStarAsSpecifier s) return s.getLocal();
        return ((Swc4jAstImportNamedSpecifier) specifier).getLocal();
    }

    private void local(String name) {
        exports.put(name, name);
    }

    private void bindings(ISwc4jAstPat pat) {
        if (pat instanceof Swc4jAstBindingIdent id) local(id.getId().getSym());
        else if (pat instanceof Swc4jAstArrayPat array) array.getElems().forEach(e -> e.ifPresent(this::bindings));
        else if (pat instanceof Swc4jAstRestPat rest) bindings(rest.getArg());
        else if (pat instanceof Swc4jAstAssignPat assign) bindings(assign.getLeft());
        else if (pat instanceof Swc4jAstObjectPat object) {
            for (var prop : object.getProps()) {
                if (prop instanceof Swc4jAstKeyValuePatProp kv) bindings(kv.getValue());
                else if (prop instanceof Swc4jAstAssignPatProp ap) local(ap.getKey().getId().getSym());
                else if (prop instanceof Swc4jAstRestPat rest) bindings(rest.getArg());
            }
        }
    }

    /** {@code import.meta}, {@code import()} anywhere; {@code await} outside any function. */
    private void walk(ISwc4jAst node, int functions) {
        if (node instanceof Swc4jAstMetaPropExpr meta && meta.getKind().name().equals("ImportMeta")) {
            edits.replace(start(meta), end(meta), "__jsi_meta");
            needsHost = true;
            return;
        }
        if (node instanceof Swc4jAstCallExpr call && call.getCallee() instanceof Swc4jAstImport callee) {
            edits.replace(start(callee), end(callee), "__jsi_import");
            needsHost = true;
        }
        if (form == Form.TRANSLATED && node instanceof Swc4jAstIdent id && isImportReference(id)) {
            ISwc4jAst parent = id.getParent();
            String access = "__jsi_scope." + id.getSym();
            if (parent instanceof com.caoccao.javet.swc4j.ast.expr.lit.Swc4jAstObjectLit) {
                access = id.getSym() + ": " + access;                       // shorthand {x}
            } else if (parent instanceof Swc4jAstCallExpr call && call.getCallee() == id
                    || parent instanceof com.caoccao.javet.swc4j.ast.expr.Swc4jAstTaggedTpl) {
                access = "(0, " + access + ")";                             // called with this undefined
            }
            edits.replace(start(id), end(id), access);
            return;
        }
        if (constAsLet && node instanceof Swc4jAstVarDecl v && v.getKind().name().equals("Const")
                && source.startsWith("const", start(v))) {
            edits.replace(start(v), start(v) + 5, "let");
        }
        if (node instanceof Swc4jAstAwaitExpr && functions == 0) topLevelAwait = true;
        if (node instanceof com.caoccao.javet.swc4j.ast.stmt.Swc4jAstForOfStmt f && f.isAwait() && functions == 0) {
            topLevelAwait = true;
        }
        int inner = node instanceof Swc4jAstFunction || node instanceof Swc4jAstArrowExpr ? functions + 1 : functions;
        for (ISwc4jAst child : node.getChildNodes()) {
            if (child != null) walk(child, inner);
        }
    }

    private boolean isImportReference(Swc4jAstIdent id) {
        Integer ctxt = importedLocals.get(id.getSym());
        if (ctxt == null || ctxt != id.getCtxt()) return false;
        ISwc4jAst parent = id.getParent();
        return !(parent instanceof Swc4jAstImportDefaultSpecifier || parent instanceof Swc4jAstImportStarAsSpecifier
                || parent instanceof Swc4jAstImportNamedSpecifier || parent instanceof Swc4jAstExportNamedSpecifier);
    }

    /**
     * The module as an engine's own module: {@code import.meta} and {@code import()} go to the module
     * system through an import appended at the end (imports are hoisted, so no line moves).
     */
    private String nativeCode() {
        if (!needsHost) return source;
        return edits.apply() + "\n;import { meta as __jsi_meta, load as __jsi_import } from " + quote(HOST_SPECIFIER) + ";";
    }

    /** Where a static specifier was cut out of the named form (never in a source: it holds a NUL). */
    private static final String CUT = "\u0000jsi4j:specifier\u0000";

    /** {@link #nativeCode()} with its static specifiers cut out (the host module's last), or null for a source holding the cut mark. */
    private NamedImports named() {
        if (source.contains(CUT)) return null;
        List<String> all = new ArrayList<>(specifiers);
        List<Integer> allWidths = new ArrayList<>(widths);
        String code = edits.apply();
        if (needsHost) {
            code += "\n;import { meta as __jsi_meta, load as __jsi_import } from " + CUT + ";";
            all.add(HOST_SPECIFIER);
            allWidths.add(Integer.MAX_VALUE);   // after the last line: any width
        }
        return new NamedImports(List.of(code.split(java.util.regex.Pattern.quote(CUT), -1)), all, allWidths);
    }

    /** The specifier of the module that gives a module its {@code import.meta} and {@code import()}. */
    static final String HOST_SPECIFIER = "\u0000jsi4j:module-host";

    private String wrap() {
        StringBuilder head = new StringBuilder(
                "(function (__jsi_scope, __jsi_exports, __jsi_meta, __jsi_import, __jsi_link) { 'use strict'; return ")
                .append(topLevelAwait ? "async " : "").append("function () { __jsi_link({");
        boolean first = true;
        for (Map.Entry<String, String> e : exports.entrySet()) {
            if (!first) head.append(", ");
            first = false;
            String local = importedLocals.containsKey(e.getValue()) ? "__jsi_scope." + e.getValue() : e.getValue();
            head.append(quote(e.getKey())).append(": function () { return ").append(local).append("; }");
        }
        head.append("}); ");
        return head + edits.apply() + "\n}; })";
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c == '\u2028' || c == '\u2029') sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static String name(ISwc4jAstModuleExportName n) {
        return n instanceof Swc4jAstIdent id ? id.getSym() : ((Swc4jAstStr) n).getValue();
    }

    private static int line(ISwc4jAst node) {
        return ((Swc4jAst) node).getSpan().getLine();
    }

    private static int column(ISwc4jAst node) {
        return ((Swc4jAst) node).getSpan().getColumn();
    }

    private static int start(ISwc4jAst node) {
        return ((Swc4jAst) node).getSpan().getStart();
    }

    private static int end(ISwc4jAst node) {
        return ((Swc4jAst) node).getSpan().getEnd();
    }
}
