package org.jsi4j.v8;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsi4j.SourceLocation;

/**
 * Maps positions in rewritten scripts ({@link V8Instrument}) back to the user's source: the checks
 * inserted on a line shift the columns after them, never the lines. Kept per source name, for the
 * last text compiled under that name (at most {@value #NAMES} names).
 */
final class V8Positions {
    private static final int NAMES = 256;
    private final Map<String, int[][]> byName = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[][]> eldest) {
            return size() > NAMES;
        }
    };

    /** Keeps the shifts ({@link V8Instrument.Rewrite#shifts}) of the text last compiled as {@code name}. */
    void record(String name, int[][] shifts) {
        if (shifts.length == 0) byName.remove(name);
        else byName.put(name, shifts);
    }

    /** The column in the user's source of {@code column} (1-based) on {@code line} of the rewritten {@code name}. */
    int column(String name, int line, int column) {
        int[][] shifts = byName.get(name);
        if (shifts == null) return column;
        int added = 0;
        for (int[] s : shifts) {
            if (s[0] < line) continue;
            if (s[0] > line) break;
            int startsAt = s[1] + added;        // where the inserted text starts in the rewritten line
            if (column < startsAt) break;
            if (column < startsAt + Math.max(0, s[2])) return s[1];   // inside inserted text: at the user's token
            added += s[2];
        }
        return column - added;
    }

    SourceLocation map(SourceLocation where) {
        if (where == null || where.column() <= 0 || !byName.containsKey(where.sourceName())) return where;
        return new SourceLocation(where.sourceName(), where.line(), column(where.sourceName(), where.line(), where.column()));
    }

    private static final Pattern FRAME = Pattern.compile("([^\\s()]+):(\\d+):(\\d+)");

    /** A V8 stack trace with the positions of rewritten scripts mapped back. */
    String map(String stack) {
        if (stack == null || byName.isEmpty()) return stack;
        Matcher m = FRAME.matcher(stack);
        StringBuilder out = new StringBuilder(stack.length());
        while (m.find()) {
            String name = m.group(1);
            String mapped = m.group();
            if (byName.containsKey(name)) {
                int line = Integer.parseInt(m.group(2));
                mapped = name + ":" + line + ":" + column(name, line, Integer.parseInt(m.group(3)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(mapped));
        }
        return m.appendTail(out).toString();
    }
}
