package org.jsi4j.esm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsValue;
import org.jsi4j.SourceLocation;
import org.jsi4j.spi.NativeModules;

/**
 * ES modules on an engine that finds the module an import names by its name ({@link
 * NativeModules#importsByName()}, GraalJS) and links while it evaluates: each static specifier is
 * written as the name of the module it resolved to, a link error is mapped back to the specifier as
 * written, and a module that may wait for top-level await hands its namespace over before its body
 * runs (the engine gives it only once the evaluation is done).
 */
final class NamedLinking {
    private static final Pattern MISSING_EXPORT =
            Pattern.compile("^The requested module '(.*)' does not provide an export named '(.*)'$");
    /** GraalJS's message for a module that does not parse: {@code NAME:LINE:COLUMN reason}. */
    private static final Pattern PARSE_ERROR = Pattern.compile("^(.+?):(\\d+):(\\d+) ([^\\n]*)(?s:.*)$");

    private final PortableModules modules;
    private final NativeModules engine;

    NamedLinking(PortableModules modules, NativeModules engine) {
        this.modules = modules;
        this.engine = engine;
    }

    /** Loads the static dependencies of an ES module, then compiles it with their names as its specifiers. */
    void compile(ModuleRecord record, TranslatedModule code, String where) {
        String id = record.module.id();
        NamedImports named = code.named();
        if (named == null) {
            throw new JsSyntaxError("a module holding jsi4j's specifier mark (a NUL character) cannot be imported",
                    new SourceLocation(where, 1, 1));
        }
        List<String> names = new ArrayList<>();
        Map<String, String> written = new HashMap<>();
        boolean async = code.topLevelAwait();
        for (int i = 0; i < named.specifiers().size(); i++) {
            String specifier = named.specifiers().get(i);
            if (specifier.equals(EsmTranslator.HOST_SPECIFIER)) {
                names.add(PortableModules.hostName(id));
                continue;
            }
            ModuleRecord dep = modules.dependency(specifier, id);
            String name = dep.esm ? PortableModules.sourceName(dep.module.id()) : PortableModules.interopName(dep);
            String same = engine.specifier(name, named.widths().get(i));   // as wide as the source's, so no column moves
            written.putIfAbsent(same, specifier);
            names.add(same);
            async |= dep.async;
        }
        record.written = written;
        record.links = code.links();
        record.async = async;
        String text = named.fill(names);
        if (async) {
            // the engine gives the namespace of a module whose evaluation waits only once it is done:
            // a module in a cycle with this one hands it over while the dependencies are evaluated
            String capture = "jsi4j-capture:" + id;
            record.host = modules.host(id, captureInto(record));
            engine.compile("import * as ns from " + EsmTranslator.quote(where) + "; import { capture } from "
                    + EsmTranslator.quote(PortableModules.hostName(id)) + "; capture(ns);", capture);
            text += "\n;import " + EsmTranslator.quote(capture) + ";";
        } else if (code.needsHost()) {
            record.host = modules.host(id, null);
        }
        record.handle = engine.compile(text, where);
    }

    private JsFunction captureInto(ModuleRecord record) {
        return modules.runtime().function("capture", 1, (r, self, args) -> {
            if (record.exports == null && !args.isEmpty() && args.get(0) instanceof org.jsi4j.JsObject ns) {
                record.exports = ns.persist();
            }
            return JsValue.undefined();
        });
    }

    /**
     * The engine rejects the evaluation with a SyntaxError for an import of a missing export (the
     * syntax error at that import, naming the specifier as written) and for a module that does not
     * parse (an early error swc does not check, such as a duplicate export): a {@link JsSyntaxError}.
     */
    RuntimeException linkError(RuntimeException e) {
        if (!(e instanceof JsError js) || !"SyntaxError".equals(js.name().orElse("")) || js.location().isEmpty()) return e;
        SourceLocation at = js.location().get();
        Matcher parse = PARSE_ERROR.matcher(js.jsMessage());
        if (parse.matches() && Integer.parseInt(parse.group(2)) == at.line()) return new JsSyntaxError(parse.group(4).strip(), at);
        Matcher m = MISSING_EXPORT.matcher(js.jsMessage());
        if (!m.matches()) return e;
        ModuleRecord from = modules.byName.get(at.sourceName());
        String written = from == null || from.written == null ? m.group(1) : from.written.getOrDefault(m.group(1), m.group(1));
        return new JsSyntaxError("The requested module '" + written + "' does not provide an export named '" + m.group(2) + "'",
                from == null ? at : declaration(from, written, m.group(2), at));
    }

    /** Where the module imports {@code name} from {@code specifier} (GraalJS names the module's first line). */
    private static SourceLocation declaration(ModuleRecord from, String specifier, String name, SourceLocation fallback) {
        for (ModuleLink l : from.links) {
            if (l.specifier().equals(specifier) && name.equals(l.imported())) {
                return new SourceLocation(fallback.sourceName(), l.line(), l.column());
            }
        }
        return fallback;
    }
}
