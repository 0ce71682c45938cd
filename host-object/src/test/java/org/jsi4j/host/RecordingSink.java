package org.jsi4j.host;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps every line with its level, for assertions. */
final class RecordingSink implements ConsoleSink {
    record Line(Level level, String text) {
    }

    final List<Line> lines = new ArrayList<>();

    @Override
    public void write(Level level, String line) {
        lines.add(new Line(level, line));
    }

    List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    String last() {
        if (lines.isEmpty()) throw new AssertionError("nothing was written");
        return lines.get(lines.size() - 1).text();
    }
}
