package org.jsi4j;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsi4j.spi.StoppableBuiltins;

/**
 * Reads the stack text engines put in an error's {@code stack} into {@link JsStackFrame}s: V8's and
 * GraalJS's {@code "    at name (file:line:column)"} lines and Rhino's {@code "\tat file:line (name)"}.
 * Frames in jsi4j's own scripts (sources named {@code jsi4j:...}) are dropped, except the wrappers
 * of host functions, which become host frames under the function's name, as do the frames
 * {@code at NAME (host function)} that jsi4j adds where an engine shows no frame for a host function.
 */
final class JsStackTraces {
    /** V8 and GraalJS: {@code at NAME (WHERE)} or {@code at WHERE}. */
    private static final Pattern V8 = Pattern.compile("^\\s*at (?:(.*?) \\((.*)\\)|(.*))$");
    /** Rhino: {@code at FILE:LINE (NAME)} or {@code at FILE:LINE}. */
    private static final Pattern RHINO = Pattern.compile("^\\s*at (.*):(\\d+)(?: \\((.*)\\))?$");
    private static final Pattern PLACE = Pattern.compile("^(.*?):(\\d+)(?::(\\d+))?$");
    static final String INTERNAL = "jsi4j:";
    /** Where the frame of a host function is, in the frames jsi4j adds for engines that show none ({@link JsStackFrame#toString()}). */
    private static final String HOST = "host function";
    /** A frame of jsi4j's own scripts, left out. */
    private static final JsStackFrame DROPPED = new JsStackFrame("", INTERNAL, 0, 0, false);

    private JsStackTraces() {
    }

    /** The frames of {@code stack}, innermost first; empty for null or text with no frames. */
    static List<JsStackFrame> parse(String stack) {
        if (stack == null || stack.isEmpty()) return List.of();
        List<JsStackFrame> frames = new ArrayList<>();
        for (String line : stack.split("\n")) {
            if (!line.stripLeading().startsWith("at ")) continue;
            JsStackFrame frame = line.startsWith("\t") ? rhino(line) : v8(line);
            if (frame == null) frame = line.startsWith("\t") ? v8(line) : rhino(line);
            if (frame != null && frame != DROPPED) frames.add(frame);
        }
        return List.copyOf(frames);
    }

    private static JsStackFrame v8(String line) {
        Matcher m = V8.matcher(line);
        if (!m.matches()) return null;
        String name = m.group(1) != null ? m.group(1) : "";
        String where = m.group(1) != null ? m.group(2) : m.group(3);
        if (name.startsWith("async ")) name = name.substring("async ".length());
        if (where.equals(HOST) && !name.isEmpty()) return new JsStackFrame(name, null, 0, 0, true);
        Matcher place = PLACE.matcher(where);
        if (!place.matches()) return frame(name, null, 0, 0); // native, <anonymous>
        return frame(name, place.group(1), Integer.parseInt(place.group(2)),
                place.group(3) == null ? 0 : Integer.parseInt(place.group(3)));
    }

    private static JsStackFrame rhino(String line) {
        Matcher m = RHINO.matcher(line);
        if (!m.matches()) return null;
        String name = m.group(3) == null || m.group(3).equals("anonymous") ? "" : m.group(3);
        return frame(name, m.group(1), Integer.parseInt(m.group(2)), 0);
    }

    /** A frame, a host frame for a named jsi4j wrapper, or {@link #DROPPED} for a jsi4j-internal frame. */
    private static JsStackFrame frame(String name, String source, int line, int column) {
        if (source != null && source.startsWith(INTERNAL)) {
            // a transpiler's helpers and the stoppable built-ins' proxies: library code
            if (source.equals(Transpiling.HELPERS_NAME) || source.equals(StoppableBuiltins.SOURCE_NAME)) return DROPPED;
            if (name.isEmpty() || name.equals("helpers") || name.contains("<")) return DROPPED;
            return new JsStackFrame(name, null, 0, 0, true);
        }
        return new JsStackFrame(name, source, line, column, false);
    }

    /**
     * {@code stack} without the lines of frames in the stoppable built-ins' proxies (see
     * {@link StoppableBuiltins}): library code between a built-in and its caller, in no engine's own stack.
     */
    static String withoutLibraryLines(String stack) {
        if (stack == null || !stack.contains(StoppableBuiltins.SOURCE_NAME)) return stack;
        StringBuilder kept = new StringBuilder(stack.length());
        for (String line : stack.split("\n", -1)) {
            if (line.contains(StoppableBuiltins.SOURCE_NAME) && line.trim().startsWith("at ")) continue;
            if (!kept.isEmpty()) kept.append('\n');
            kept.append(line);
        }
        return kept.toString();
    }

    /** The first frame with a source, as a location; null when there is none. */
    static SourceLocation firstLocation(List<JsStackFrame> frames) {
        for (JsStackFrame f : frames) {
            if (f.sourceName() != null && f.line() > 0) return new SourceLocation(f.sourceName(), f.line(), f.column());
        }
        return null;
    }
}
