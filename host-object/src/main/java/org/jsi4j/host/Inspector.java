package org.jsi4j.host;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsi4j.JsArray;
import org.jsi4j.JsArrayBuffer;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsBoolean;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsNull;
import org.jsi4j.JsNumber;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;

/**
 * Renders a JavaScript value as {@code console.log} shows it, in the style of Node's
 * {@code util.inspect}, the same on every engine: {@code { a: 1, b: [ 1, 2 ], s: 'text' }}, broken
 * over indented lines when it does not fit in {@value #BREAK_LENGTH} columns. RegExps show as
 * {@code /a+/g}, dates as ISO text, {@code Map(1) { 'k' => 1 }}, {@code Set(2) { 1, 2 }}, typed
 * arrays as {@code Uint8Array(2) [ 1, 2 ]}, class instances with their class ({@code Point { x: 1 }}),
 * accessors as {@code [Getter]}, {@code [Setter]} or {@code [Getter/Setter]} (never called), an
 * object met again inside itself as {@code [Circular *1]} with {@code <ref *1>} before the object.
 * Objects nested deeper than the depth limit show as {@code [Object]} or {@code [Array]}, and at
 * most {@value #MAX_ENTRIES} entries of an array, object, map or set are listed. With colours (for a
 * terminal) values are styled as Node styles them (numbers yellow, strings green...).
 */
public final class Inspector {
    /** Nesting depth shown by default, as in Node. */
    public static final int DEFAULT_DEPTH = 2;
    /** Entries listed per array, object, map or set before {@code ... n more}. */
    public static final int MAX_ENTRIES = 100;
    /** Output wider than this is broken over lines, as Node's {@code breakLength}. */
    public static final int BREAK_LENGTH = 80;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private static final java.util.regex.Pattern COLOR_ESCAPE = java.util.regex.Pattern.compile("\u001b\\[[0-9;]*m");
    private final JsRuntime runtime;
    private final int maxDepth;
    private final boolean colors;
    private final List<JsObject> path = new ArrayList<>();
    private final List<JsObject> circular = new ArrayList<>();
    /** Made at the first plain object shown, then used for every property of every object this inspection shows. */
    private JsFunction describe;
    /** The depth of the object whose entries were formatted last (Node's {@code ctx.currentDepth}). */
    private int currentDepth;

    private Inspector(JsRuntime runtime, int maxDepth, boolean colors) {
        this.runtime = runtime;
        this.maxDepth = maxDepth;
        this.colors = colors;
    }

    /** {@code value} rendered with the {@link #DEFAULT_DEPTH default depth}; strings are quoted. */
    public static String inspect(JsRuntime runtime, JsValue value) {
        return inspect(runtime, value, DEFAULT_DEPTH);
    }

    /** {@code value} rendered showing {@code depth} levels of nesting; strings are quoted. */
    public static String inspect(JsRuntime runtime, JsValue value, int depth) {
        return inspect(runtime, value, depth, false);
    }

    /** {@code value} rendered showing {@code depth} levels of nesting, with ANSI colours when {@code colors}. */
    public static String inspect(JsRuntime runtime, JsValue value, int depth, boolean colors) {
        if (depth < 0) throw new IllegalArgumentException("depth must be >= 0, was " + depth);
        return new Inspector(runtime, depth, colors).render(value, 0);
    }

    /** A number as inspection shows it: as {@code String(n)}, except that {@code -0} shows as {@code -0}. */
    static String number(double value) {
        return value == 0 && 1 / value < 0 ? "-0" : new JsNumber(value).toString();
    }

    private String render(JsValue value, int depth) {
        return switch (value) {
            case JsUndefined u -> style("undefined", "90");
            case JsNull n -> style("null", "1");
            case JsBoolean b -> style(Boolean.toString(b.value()), "33");
            case JsNumber n -> style(number(n.value()), "33");
            case JsBigInt b -> style(b.toString(), "33");
            case JsString s -> style(quote(s.value()), "32");
            case JsSymbol s -> style(s.toString(), "32");
            case JsObject o -> object(o, depth);
        };
    }

    private String style(String text, String ansi) {
        return colors ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }

    private String object(JsObject object, int depth) {
        if (object instanceof JsFunction f) {
            String name = f.name();
            return style(name.isEmpty() ? "[Function (anonymous)]" : "[Function: " + name + "]", "36");
        }
        for (JsObject seen : path) {
            if (seen.strictEquals(object)) return style("[Circular *" + circularIndex(seen) + "]", "36");
        }
        if (isInstance(object, "Error")) {
            String text = errorText(object);
            return depth == 0 ? text : "[" + text + "]";
        }
        if (isInstance(object, "Date")) return style(date(object), "35");
        if (isInstance(object, "RegExp")) return style(regExp(object), "31");
        if (object instanceof JsArrayBuffer b) return "ArrayBuffer { byteLength: " + b.byteLength() + " }";
        if (depth > maxDepth) return style(object instanceof JsArray ? "[Array]" : "[Object]", "36");
        path.add(object);
        String shown;
        try {
            if (object instanceof JsArray a) shown = array(a, depth);
            else if (isInstance(object, "Map")) shown = collection(object, "Map", depth, true);
            else if (isInstance(object, "Set")) shown = collection(object, "Set", depth, false);
            else if (isTypedArray(object)) shown = typedArray(object, depth);
            else shown = plainObject(object, depth);
        } finally {
            path.remove(path.size() - 1);
        }
        for (int i = 0; i < circular.size(); i++) {
            if (circular.get(i).strictEquals(object)) return style("<ref *" + (i + 1) + ">", "36") + " " + shown;
        }
        return shown;
    }

    private int circularIndex(JsObject object) {
        for (int i = 0; i < circular.size(); i++) {
            if (circular.get(i).strictEquals(object)) return i + 1;
        }
        circular.add(object);
        return circular.size();
    }

    private String array(JsArray array, int depth) {
        int length = array.length();
        if (length > 0) currentDepth = depth;
        List<String> items = new ArrayList<>();
        boolean numbers = true;
        for (int i = 0; i < Math.min(length, MAX_ENTRIES); i++) {
            JsValue item = array.get(i);
            numbers &= item instanceof JsNumber || item instanceof JsBigInt;
            items.add(render(item, depth + 1));
        }
        if (length > MAX_ENTRIES) items.add("... " + (length - MAX_ENTRIES) + " more item" + (length - MAX_ENTRIES > 1 ? "s" : ""));
        return braces("", "[", ArrayGrouping.group(items, length > MAX_ENTRIES, numbers, depth * 2), "]", depth, items.size());
    }

    private String typedArray(JsObject array, int depth) {
        int length = (int) array.get("length").asNumber();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(length, MAX_ENTRIES); i++) items.add(render(array.get(i), depth + 1));
        if (length > MAX_ENTRIES) items.add("... " + (length - MAX_ENTRIES) + " more items");
        return braces(constructorName(array) + "(" + length + ")", "[",
                ArrayGrouping.group(items, length > MAX_ENTRIES, true, depth * 2), "]", depth, items.size());
    }

    private String collection(JsObject collection, String kind, int depth, boolean keyed) {
        JsArray entries = callGlobal("Array", "from", collection).asArray();
        int size = entries.length();
        if (size > 0) currentDepth = depth;
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(size, MAX_ENTRIES); i++) {
            JsValue entry = entries.get(i);
            items.add(keyed
                    ? render(entry.asArray().get(0), depth + 1) + " => " + render(entry.asArray().get(1), depth + 1)
                    : render(entry, depth + 1));
        }
        if (size > MAX_ENTRIES) items.add("... " + (size - MAX_ENTRIES) + " more items");
        return braces(kind + "(" + size + ")", "{", items, "}", depth, items.size());
    }

    private String plainObject(JsObject object, int depth) {
        List<String> names = object.propertyNames();
        if (!names.isEmpty()) currentDepth = depth;
        List<String> items = new ArrayList<>();
        JsFunction accessors = object.isHostObject() ? null : descriptorReader();
        for (int i = 0; i < Math.min(names.size(), MAX_ENTRIES); i++) {
            String name = names.get(i);
            items.add(key(name) + ": " + property(object, name, depth, accessors));
        }
        if (names.size() > MAX_ENTRIES) items.add("... " + (names.size() - MAX_ENTRIES) + " more properties");
        String prefix = constructorPrefix(object);
        return braces(prefix, "{", items, "}", depth, items.size());
    }

    /**
     * Node's layout ({@code reduceToSingleString}): the entries on one line when they were not grouped
     * into columns, fewer than three levels of objects lie below, they fit in {@link #BREAK_LENGTH}
     * columns (after this level's indentation) and none spans lines; otherwise one entry (or row) per
     * line, indented two spaces.
     */
    private String braces(String prefix, String open, List<String> items, String close, int depth, int entries) {
        String head = prefix.isEmpty() ? "" : prefix + " ";
        if (items.isEmpty()) return head + open + close;
        int indentation = depth * 2;
        boolean mayJoin = entries == items.size() && currentDepth - depth < 3;
        int total = items.size() + indentation + open.length() + prefix.length() + 10;
        boolean multiLine = false;
        for (String item : items) {
            total += visibleLength(item);
            multiLine |= item.indexOf('\n') >= 0;
        }
        if (mayJoin && !multiLine && total <= BREAK_LENGTH) return head + open + " " + String.join(", ", items) + " " + close;
        String pad = " ".repeat(indentation + 2);
        return head + open + "\n" + pad + String.join(",\n" + pad, items) + "\n" + " ".repeat(indentation) + close;
    }

    /** The length of {@code text} on a terminal: without its colour escapes. */
    static int visibleLength(String text) {
        return text.indexOf('\u001b') < 0 ? text.length() : COLOR_ESCAPE.matcher(text).replaceAll("").length();
    }

    private String property(JsObject object, String name, int depth, JsFunction describe) {
        try {
            if (describe != null && describe.call(object, JsValue.of(name)) instanceof JsString accessor) {
                return style("[" + accessor.value() + "]", "36");
            }
            return render(object.get(name), depth + 1);
        } catch (JsError e) {
            return "[Thrown: " + e.name().orElse("Uncaught") + ": " + e.jsMessage() + "]";
        }
    }

    /** A function telling, without calling it, whether an own property is a Getter, Setter or Getter/Setter (else undefined). */
    private JsFunction descriptorReader() {
        if (describe != null) return describe;
        return describe = runtime.evaluate("(function (o, k) { var d = Object.getOwnPropertyDescriptor(o, k);"
                + " if (!d || !(d.get || d.set)) return undefined;"
                + " return d.get && d.set ? 'Getter/Setter' : d.get ? 'Getter' : 'Setter'; })", "jsi4j:inspect").asFunction();
    }

    private String constructorPrefix(JsObject object) {
        if (object.isHostObject()) return "";
        String name = constructorName(object);
        return name.equals("Object") ? "" : name;
    }

    private static String constructorName(JsObject object) {
        try {
            if (object.get("constructor") instanceof JsFunction f) return f.name();
        } catch (JsError e) {
            // a getter or proxy refused: show the object without its class name
        }
        return "";
    }

    private boolean isTypedArray(JsObject object) {
        try {
            return runtime.global().get("ArrayBuffer") instanceof JsObject ab && ab.get("isView") instanceof JsFunction isView
                    && isView.callWithThis(ab, object) instanceof JsBoolean b && b.value() && !isInstance(object, "DataView");
        } catch (JsError e) {
            return false;
        }
    }

    private String regExp(JsObject regExp) {
        return "/" + textOf(regExp, "source", "(?:)") + "/" + textOf(regExp, "flags", "");
    }

    private String errorText(JsObject error) {
        String name = textOf(error, "name", "Error");
        String message = textOf(error, "message", "");
        return message.isEmpty() ? name : name + ": " + message;
    }

    private String date(JsObject date) {
        try {
            return date.get("toISOString").asFunction().callWithThis(date).asString();
        } catch (JsError e) {
            return "Invalid Date";
        }
    }

    private static String textOf(JsObject object, String name, String fallback) {
        try {
            return object.get(name) instanceof JsString s ? s.value() : fallback;
        } catch (JsError e) {
            return fallback;
        }
    }

    private boolean isInstance(JsObject object, String constructor) {
        return runtime.global().get(constructor) instanceof JsFunction f && object.instanceOf(f);
    }

    private JsValue callGlobal(String owner, String method, JsValue arg) {
        JsObject target = runtime.global().get(owner).asObject();
        return target.get(method).asFunction().callWithThis(target, arg);
    }

    private static String key(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : quote(name);
    }

    /** {@code text} in single quotes with quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(String.format("\\x%02X", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('\'').toString();
    }
}
