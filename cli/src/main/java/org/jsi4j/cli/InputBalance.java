package org.jsi4j.cli;

/**
 * Whether REPL input is a finished piece of JavaScript or needs more lines: brackets, strings,
 * template literals and block comments still open mean "more". Engine-neutral (the engines word an
 * early end of input differently). An unterminated plain string or a surplus closing bracket is
 * complete: the engine gets it and reports the syntax error. A bracket inside a regular expression
 * literal can fool it.
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
        for (int i = 0; i < n; i++) {
            char c = input.charAt(i);
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
