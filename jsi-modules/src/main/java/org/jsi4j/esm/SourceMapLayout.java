package org.jsi4j.esm;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays code generated from another source (TypeScript stripped by swc, which reprints it) back out
 * on the lines and, where it can, the columns of that source, using the generated source map:
 * each generated line goes to the source line its first mapped token came from (lines that map to
 * the same source line are joined; swc ends every statement with a semicolon, so joining is safe),
 * and spaces are inserted before mapped tokens to reach their source column. Lines inside a string
 * or template literal that spans lines are kept as they are. So errors and stack traces of every
 * engine point at the TypeScript file's own line (and column) without any remapping.
 */
final class SourceMapLayout {
    /** One mapping: a generated column and the source line and column (0-based) it came from. */
    private record Segment(int column, int sourceLine, int sourceColumn) {
    }

    private SourceMapLayout() {
    }

    /**
     * @param code the generated code
     * @param mappings the source map's {@code mappings} field
     * @param verbatim for each generated line (0-based), whether it starts inside a literal spanning lines
     */
    static String relayout(String code, String mappings, boolean[] verbatim) {
        List<List<Segment>> lines = decode(mappings);
        String[] generated = code.split("\n", -1);
        StringBuilder out = new StringBuilder(code.length() + 256);
        int line = 0;                      // the output line being written, 0-based
        int column = 0;                    // its length so far
        for (int g = 0; g < generated.length; g++) {
            String text = generated[g];
            List<Segment> segments = g < lines.size() ? lines.get(g) : List.of();
            boolean keep = g < verbatim.length && verbatim[g];
            int target = segments.isEmpty() || keep ? -1 : segments.get(0).sourceLine();
            if (keep && g > 0 || target > line) {
                int breaks = keep ? 1 : target - line;
                out.append("\n".repeat(breaks));
                line += breaks;
                column = 0;
            } else if (g > 0 && !text.isBlank()) {
                out.append(' ');
                column++;
            }
            int at = 0;
            String trimmed = keep ? text : text.stripLeading();
            int skip = text.length() - trimmed.length();
            for (Segment s : segments) {
                if (keep || s.sourceLine() != line || s.column() < skip) continue;
                int from = s.column();
                if (from > text.length()) break;
                out.append(text, Math.max(at, skip), from);
                column += from - Math.max(at, skip);
                at = from;
                if (column < s.sourceColumn()) {
                    out.append(" ".repeat(s.sourceColumn() - column));
                    column = s.sourceColumn();
                }
            }
            int from = keep ? at : Math.max(at, skip);
            out.append(text, Math.min(from, text.length()), text.length());
            column += text.length() - Math.min(from, text.length());
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern MAPPINGS = java.util.regex.Pattern.compile("\"mappings\"\\s*:\\s*\"([^\"]*)\"");

    /** The {@code mappings} field of a source map in JSON, or null when it has none. */
    static String mappings(String sourceMap) {
        java.util.regex.Matcher m = MAPPINGS.matcher(sourceMap == null ? "" : sourceMap);
        return m.find() ? m.group(1) : null;
    }

    /** Source map v3 {@code mappings}: per generated line, its segments that have a source position. */
    static List<List<Segment>> decode(String mappings) {
        List<List<Segment>> lines = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        int sourceLine = 0;
        int sourceColumn = 0;
        int[] fields = new int[5];
        int i = 0;
        int genColumn = 0;
        while (i <= mappings.length()) {
            if (i == mappings.length() || mappings.charAt(i) == ';') {
                lines.add(current);
                current = new ArrayList<>();
                genColumn = 0;
                i++;
                continue;
            }
            if (mappings.charAt(i) == ',') {
                i++;
                continue;
            }
            int n = 0;
            while (i < mappings.length() && mappings.charAt(i) != ',' && mappings.charAt(i) != ';') {
                int value = 0;
                int shift = 0;
                int digit;
                do {
                    digit = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".indexOf(mappings.charAt(i++));
                    if (digit < 0) throw new IllegalArgumentException("bad source map");
                    value += (digit & 31) << shift;
                    shift += 5;
                } while ((digit & 32) != 0);
                if (n < 5) fields[n++] = (value & 1) != 0 ? -(value >>> 1) : value >>> 1;
            }
            genColumn += fields[0];
            // swc maps code it makes up (an enum's wrapper) to 0:0; such a segment says nothing of where it belongs
            if (n >= 4 && !(sourceLine + fields[2] == 0 && sourceColumn + fields[3] == 0)) {
                sourceLine += fields[2];
                sourceColumn += fields[3];
                current.add(new Segment(genColumn, sourceLine, sourceColumn));
            } else if (n >= 4) {
                sourceLine += fields[2];
                sourceColumn += fields[3];
            }
        }
        return lines;
    }
}
