package org.jsi4j.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsArray;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsError;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsStackFrame;
import org.jsi4j.JsString;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;
import org.jsi4j.host.ConsoleSink.Level;
import org.jsi4j.host.MethodHostObject.Method;

/**
 * The console methods beyond the five levels, as Node has them: {@code dir}, {@code table},
 * {@code time}/{@code timeLog}/{@code timeEnd}, {@code count}/{@code countReset}, {@code assert},
 * {@code group}/{@code groupCollapsed}/{@code groupEnd} (which indent every later line by two
 * spaces) and {@code trace}. One instance holds one console's labels, counters and indentation.
 */
final class ConsoleExtras {
    private final ConsoleSink sink;
    private final boolean colors;
    private final Map<String, Long> timers = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private String indent = "";

    ConsoleExtras(ConsoleSink sink, boolean colors) {
        this.sink = sink;
        this.colors = colors;
    }

    /** Writes {@code text} at {@code level}, each of its lines indented by the open groups. */
    void write(Level level, String text) {
        if (indent.isEmpty()) {
            sink.write(level, text);
        } else {
            sink.write(level, indent + text.replace("\n", "\n" + indent));
        }
    }

    List<Method> methods() {
        return List.of(
                new Method("dir", 0, (rt, self, args) -> done(() -> write(Level.LOG, Inspector.inspect(rt,
                        arg(args, 0), depthOption(rt, arg(args, 1)), colors)))),
                new Method("table", 1, (rt, self, args) -> done(() -> write(Level.LOG, ConsoleTable.render(rt, arg(args, 0), colors)))),
                new Method("time", 0, (rt, self, args) -> done(() -> time(label(args)))),
                new Method("timeLog", 0, (rt, self, args) -> done(() -> timeLog(rt, label(args), args, false))),
                new Method("timeEnd", 0, (rt, self, args) -> done(() -> timeLog(rt, label(args), args, true))),
                new Method("count", 0, (rt, self, args) -> done(() -> {
                    String label = label(args);
                    write(Level.INFO, label + ": " + counts.merge(label, 1, Integer::sum));
                })),
                new Method("countReset", 0, (rt, self, args) -> done(() -> {
                    if (counts.remove(label(args)) == null) write(Level.WARN, "Count for '" + label(args) + "' does not exist");
                })),
                new Method("assert", 0, (rt, self, args) -> done(() -> {
                    if (truthy(arg(args, 0))) return;
                    List<JsValue> rest = args.size() > 1 ? args.subList(1, args.size()) : List.of();
                    write(Level.ERROR, rest.isEmpty() ? "Assertion failed" : "Assertion failed: " + ConsoleFormat.format(rt, rest, colors));
                })),
                new Method("group", 0, (rt, self, args) -> done(() -> group(rt, args))),
                new Method("groupCollapsed", 0, (rt, self, args) -> done(() -> group(rt, args))),
                new Method("groupEnd", 0, (rt, self, args) -> done(() -> indent = indent.length() >= 2 ? indent.substring(2) : "")),
                new Method("trace", 0, (rt, self, args) -> done(() -> trace(rt, args))));
    }

    private static JsValue done(Runnable action) {
        action.run();
        return JsValue.undefined();
    }

    private static JsValue arg(List<JsValue> args, int i) {
        return i < args.size() ? args.get(i) : JsValue.undefined();
    }

    private static String label(List<JsValue> args) {
        JsValue first = arg(args, 0);
        return first instanceof JsUndefined ? "default" : first instanceof JsString s ? s.value() : String.valueOf(first);
    }

    private static int depthOption(JsRuntime rt, JsValue options) {
        if (options instanceof JsObject o && o.get("depth") instanceof JsValue d) {
            if (d instanceof JsNull) return 1000;
            if (d instanceof JsNumber n) return n.value() == Double.POSITIVE_INFINITY ? 1000 : Math.max(0, (int) n.value());
        }
        return Inspector.DEFAULT_DEPTH;
    }

    private void time(String label) {
        if (timers.putIfAbsent(label, System.nanoTime()) != null) {
            write(Level.WARN, "Warning: Label '" + label + "' already exists for console.time()");
        }
    }

    private void timeLog(JsRuntime rt, String label, List<JsValue> args, boolean end) {
        Long start = end ? timers.remove(label) : timers.get(label);
        if (start == null) {
            write(Level.WARN, "Warning: No such label '" + label + "' for console." + (end ? "timeEnd()" : "timeLog()"));
            return;
        }
        double ms = (System.nanoTime() - start) / 1_000_000.0;
        String line = label + ": " + String.format(java.util.Locale.ROOT, "%.3fms", ms);
        if (!end && args.size() > 1) line += " " + ConsoleFormat.format(rt, args.subList(1, args.size()), colors);
        write(Level.LOG, line);
    }

    private void group(JsRuntime rt, List<JsValue> args) {
        if (!args.isEmpty()) write(Level.LOG, ConsoleFormat.format(rt, args, colors));
        indent += "  ";
    }

    /** {@code Trace: message} and the JavaScript frames of the caller. */
    private void trace(JsRuntime rt, List<JsValue> args) {
        StringBuilder out = new StringBuilder("Trace");
        if (!args.isEmpty()) out.append(": ").append(ConsoleFormat.format(rt, args, colors));
        JsValue stack = rt.evaluate("new Error().stack", "jsi4j:console-trace");
        if (stack instanceof JsString text) {
            List<JsStackFrame> frames = new JsError(JsValue.undefined(), "Error", "", text.value(), null, null).jsFrames();
            // the first frames are console.trace itself (a host function): the caller's follow
            int first = 0;
            while (first < frames.size() && frames.get(first).host()) first++;
            for (JsStackFrame f : frames.subList(first, frames.size())) out.append("\n    ").append(f);
        }
        write(Level.ERROR, out.toString());
    }

    private static boolean truthy(JsValue v) {
        return switch (v) {
            case JsUndefined u -> false;
            case JsNull n -> false;
            case JsBoolean b -> b.value();
            case JsNumber n -> n.value() != 0 && !Double.isNaN(n.value());
            case JsString s -> !s.value().isEmpty();
            default -> !(v instanceof org.jsi4j.JsBigInt b) || b.value().signum() != 0;
        };
    }

    /** Node's {@code console.table}: a box-drawn table of an array's or object's rows. */
    static final class ConsoleTable {
        private ConsoleTable() {
        }

        static String render(JsRuntime rt, JsValue data, boolean colors) {
            if (!(data instanceof JsObject rows)) return Inspector.inspect(rt, data, Inspector.DEFAULT_DEPTH, colors);
            List<String> header = new ArrayList<>(List.of("(index)"));
            Map<String, Map<String, String>> cells = new LinkedHashMap<>();
            boolean values = false;
            List<String> keys = rows instanceof JsArray a ? indices(a.length()) : rows.propertyNames();
            for (String key : keys) {
                JsValue row = rows.get(key);
                Map<String, String> line = new LinkedHashMap<>();
                if (row instanceof JsObject o && !(row instanceof org.jsi4j.JsFunction)) {
                    for (String column : o.propertyNames()) {
                        if (!header.contains(column)) header.add(column);
                        line.put(column, Inspector.inspect(rt, o.get(column), 0, colors));
                    }
                } else {
                    values = true;
                    line.put("Values", Inspector.inspect(rt, row, 0, colors));
                }
                cells.put(key, line);
            }
            if (values) header.add("Values");
            int[] widths = new int[header.size()];
            for (int c = 0; c < header.size(); c++) widths[c] = header.get(c).length() + 2;
            for (Map.Entry<String, Map<String, String>> row : cells.entrySet()) {
                widths[0] = Math.max(widths[0], row.getKey().length() + 2);
                for (int c = 1; c < header.size(); c++) {
                    widths[c] = Math.max(widths[c], Inspector.visibleLength(row.getValue().getOrDefault(header.get(c), "")) + 2);
                }
            }
            StringBuilder out = new StringBuilder();
            rule(out, widths, '┌', '┬', '┐');
            row(out, widths, header);
            rule(out, widths, '├', '┼', '┤');
            for (Map.Entry<String, Map<String, String>> r : cells.entrySet()) {
                List<String> line = new ArrayList<>(List.of(r.getKey()));
                for (int c = 1; c < header.size(); c++) line.add(r.getValue().getOrDefault(header.get(c), ""));
                row(out, widths, line);
            }
            rule(out, widths, '└', '┴', '┘');
            return out.toString().stripTrailing();
        }

        private static List<String> indices(int n) {
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(Integer.toString(i));
            return out;
        }

        private static void rule(StringBuilder out, int[] widths, char left, char mid, char right) {
            out.append(left);
            for (int c = 0; c < widths.length; c++) {
                out.append("─".repeat(widths[c])).append(c == widths.length - 1 ? right : mid);
            }
            out.append('\n');
        }

        private static void row(StringBuilder out, int[] widths, List<String> cells) {
            out.append('│');
            for (int c = 0; c < widths.length; c++) {
                String cell = cells.get(c);
                out.append(' ').append(cell).append(" ".repeat(widths[c] - Inspector.visibleLength(cell) - 1)).append('│');
            }
            out.append('\n');
        }
    }
}
