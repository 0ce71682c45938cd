package org.jsi4j.cli;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jsi4j.JsFunction;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsValue;

/**
 * Tab completion in the REPL: after {@code a.b.} the properties of {@code a.b} (own and inherited),
 * otherwise the global names and keywords. Only plain dotted names are looked up (no calls, no
 * brackets), on the runtime's owner thread through its executor, within half a second.
 */
final class ReplCompleter implements Completer {
    private static final Pattern DOTTED = Pattern.compile("((?:[A-Za-z_$][\\w$]*\\.)*)([A-Za-z_$][\\w$]*)?$");
    private static final List<String> KEYWORDS = List.of("await", "break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "export", "extends", "false", "finally", "for", "function",
            "if", "import", "in", "instanceof", "let", "new", "null", "return", "super", "switch", "this", "throw",
            "true", "try", "typeof", "undefined", "var", "void", "while", "with", "yield");
    private static final String NAMES = "(function (path) { var o = globalThis, names = [], seen = {};"
            + " if (path) { var parts = path.split('.'); for (var i = 0; i < parts.length; i++) {"
            + "   if (o === null || o === undefined) return ''; o = o[parts[i]]; } }"
            + " if (o === null || o === undefined) return '';"
            + " for (var p = Object(o); p !== null; p = Object.getPrototypeOf(p)) {"
            + "   var own = Object.getOwnPropertyNames(p);"
            + "   for (var j = 0; j < own.length; j++) if (!seen[own[j]]) { seen[own[j]] = true; names.push(own[j]); } }"
            + " return names.join('\\n'); })";

    private final JsRuntime runtime;
    private JsRef<JsFunction> names;

    ReplCompleter(JsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, line.cursor());
        Matcher m = DOTTED.matcher(before);
        if (!m.find()) return;
        String path = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
        String wordStart = line.word().substring(0, line.wordCursor());
        String keep = wordStart.substring(0, Math.max(0, wordStart.length() - (before.length() - m.start())))
                + m.group(1);
        String listed;
        try {
            listed = runtime.executor().submit(rt -> namesOf(rt, path)).get(500, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return; // the script is busy, or the path threw: nothing to offer
        }
        for (String name : listed.split("\n")) {
            if (!name.isEmpty()) candidates.add(new Candidate(keep + name, name, null, null, null, null, true));
        }
        if (path.isEmpty()) {
            for (String k : KEYWORDS) candidates.add(new Candidate(keep + k, k, null, null, null, null, true));
        }
    }

    private String namesOf(JsRuntime rt, String path) {
        if (names == null) names = rt.persist(rt.evaluate(NAMES, "jsi4j:repl-completion").asFunction());
        JsValue listed = names.get().call(JsValue.of(path));
        return listed instanceof JsString s ? s.value() : "";
    }
}
