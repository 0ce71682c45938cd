package org.jsi4j.esm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements of source ranges, applied at once; a removed range keeps its line breaks so lines stay put. */
final class SourceEdits {
    private record Edit(int start, int end, String text) {
    }

    private final String source;
    private final List<Edit> edits = new ArrayList<>();

    SourceEdits(String source) {
        this.source = source;
    }

    void replace(int start, int end, String text) {
        edits.add(new Edit(start, end, text));
    }

    /** Removes the range but keeps its newlines. */
    void remove(int start, int end) {
        String gone = source.substring(start, end);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < gone.length(); i++) if (gone.charAt(i) == '\n') lines.append('\n');
        replace(start, end, lines.toString());
    }

    void insert(int at, String text) {
        replace(at, at, text);
    }

    String apply() {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
        StringBuilder out = new StringBuilder(source.length() + 256);
        int at = 0;
        for (Edit e : sorted) {
            if (e.start < at) throw new IllegalStateException("overlapping module edits at " + e.start);
            out.append(source, at, e.start).append(e.text);
            at = e.end;
        }
        return out.append(source, at, source.length()).toString();
    }
}
