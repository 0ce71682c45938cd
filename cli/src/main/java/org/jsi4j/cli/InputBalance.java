package org.jsi4j.cli;

/**
 * Whether REPL input is a finished piece of JavaScript or needs more lines: brackets, strings,
 * template literals and block comments still open mean "more". A small tokenizer, engine-neutral
 * (the engines word an early end of input differently): brackets inside strings, templates,
 * comments and regular expression literals do not count. A {@code /} starts a regular expression
 * where an expression may start (after an operator, an opening bracket, a comma or semicolon, a
 * keyword such as {@code return}, or at the start), else it divides (also after a closing
 * bracket: {@code if (x) /[(]/.test(s)} is taken for a division). An unterminated plain string
 * or regular expression, or a surplus closing bracket, is complete: the engine gets it and reports
 * the syntax error.
 */
final class InputBalance {
    private InputBalance() {
    }

    /** True when {@code input} needs more lines. */
    static boolean incomplete(String input) {
        int depth = 0;
        int[] templateDepths = new int[64]; // brace depth at each open ${ of a template literal
        int templates = 0;
        boolean inTemplate = false;
        int n = input.length();
        int last = -1; // the last character of the previous token (outside comments), -1 at the start
        int regexEnd = -1; // the closing / of the last regular expression: what follows it divides
        for (int i = 0; i < n; i++) {
            char c = input.charAt(i);
            if (!inTemplate && !Character.isWhitespace(c) && !(c == '/' && i + 1 < n && "/*".indexOf(input.charAt(i + 1)) >= 0)) {
                if (c == '/' && last != regexEnd && regexMayStart(input, last)) {
                    int end = endOfRegex(input, i);
                    if (end < 0) return false; // unterminated: a syntax error, not more input
                    i = end;
                    last = end;
                    regexEnd = end;
                    continue;
                }
                last = i;
            }
            if (inTemplate) {
                if (c == '\\') i++;
                else if (c == '`') inTemplate = false;
                else if (c == '$' && i + 1 < n && input.charAt(i + 1) == '{') {
                    if (templates == templateDepths.length) return false;
                    templateDepths[templates++] = depth;
                    depth++;
                    inTemplate = false;
                    i++;
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> {
                    int end = endOfString(input, i, c);
                    if (end < 0) return false; // an unterminated plain string is a syntax error, not more input
                    i = end;
                    last = end;
                }
                case '`' -> inTemplate = true;
                case '/' -> {
                    if (i + 1 < n && input.charAt(i + 1) == '/') {
                        int eol = input.indexOf('\n', i);
                        if (eol < 0) i = n;
                        else i = eol;
                    } else if (i + 1 < n && input.charAt(i + 1) == '*') {
                        int close = input.indexOf("*/", i + 2);
                        if (close < 0) return true;
                        i = close + 1;
                    }
                }
                case '(', '[', '{' -> depth++;
                case ')', ']' -> depth--;
                case '}' -> {
                    depth--;
                    if (templates > 0 && depth == templateDepths[templates - 1]) {
                        templates--;
                        inTemplate = true;
                    }
                }
                default -> {
                }
            }
            if (depth < 0) return false; // too many closers: let the engine say so
        }
        return inTemplate || depth > 0;
    }

    /** Keywords after which an expression, so a regular expression literal, may start. */
    private static final java.util.Set<String> BEFORE_EXPRESSION = java.util.Set.of("return", "typeof", "instanceof",
            "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    /** Whether a {@code /} after the token ending at {@code last} starts a regular expression (else it divides). */
    private static boolean regexMayStart(String s, int last) {
        if (last < 0) return true;
        char p = s.charAt(last);
        if (Character.isJavaIdentifierPart(p)) {
            int start = last;
            while (start > 0 && Character.isJavaIdentifierPart(s.charAt(start - 1))) start--;
            if (start > 0 && s.charAt(start - 1) == '.') return false; // a property named like a keyword
            return BEFORE_EXPRESSION.contains(s.substring(start, last + 1));
        }
        return ")]}'\"`".indexOf(p) < 0;
    }

    /** The index of the {@code /} that closes the regular expression opening at {@code start}, or -1. */
    private static int endOfRegex(String s, int start) {
        boolean inClass = false;
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '\n') return -1;
            else if (inClass) inClass = c != ']';
            else if (c == '[') inClass = true;
            else if (c == '/') return i;
        }
        return -1;
    }

    private static int endOfString(String s, int start, char quote) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == quote) return i;
            else if (c == '\n') return -1;
        }
        return -1;
    }
}
