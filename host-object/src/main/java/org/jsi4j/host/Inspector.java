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
 * {@code util.inspect} but on one line and the same on every engine:
 * {@code { a: 1, b: [ 1, 2 ], s: 'text', f: [Function: f] }}. Objects nested deeper than the
 * depth limit show as {@code [Object]} or {@code [Array]}, an object met again inside itself as
 * {@code [Circular]}, and at most {@value #MAX_ENTRIES} entries of an array, object, map or set
 * are listed.
 */
public final class Inspector {
    /** Nesting depth shown by default, as in Node. */
    public static final int DEFAULT_DEPTH = 2;
    /** Entries listed per array, object, map or set before {@code ... n more}. */
    public static final int MAX_ENTRIES = 100;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final JsRuntime runtime;
    private final int maxDepth;
    private final List<JsObject> path = new ArrayList<>();

    private Inspector(JsRuntime runtime, int maxDepth) {
        this.runtime = runtime;
        this.maxDepth = maxDepth;
    }

    /** {@code value} rendered with the {@link #DEFAULT_DEPTH default depth}; strings are quoted. */
    public static String inspect(JsRuntime runtime, JsValue value) {
        return inspect(runtime, value, DEFAULT_DEPTH);
    }

    /** {@code value} rendered showing {@code depth} levels of nesting; strings are quoted. */
    public static String inspect(JsRuntime runtime, JsValue value, int depth) {
        if (depth < 0) throw new IllegalArgumentException("depth must be >= 0, was " + depth);
        return new Inspector(runtime, depth).render(value, 0);
    }

    /** A number as inspection shows it: as {@code String(n)}, except that {@code -0} shows as {@code -0}. */
    static String number(double value) {
        return value == 0 && 1 / value < 0 ? "-0" : new JsNumber(value).toString();
    }

    private String render(JsValue value, int depth) {
        return switch (value) {
            case JsUndefined u -> "undefined";
            case JsNull n -> "null";
            case JsBoolean b -> Boolean.toString(b.value());
            case JsNumber n -> number(n.value());
            case JsBigInt b -> b.toString();
            case JsString s -> quote(s.value());
            case JsSymbol s -> s.toString();
            case JsObject o -> object(o, depth);
        };
    }

    private String object(JsObject object, int depth) {
        if (object instanceof JsFunction f) {
            String name = f.name();
            return name.isEmpty() ? "[Function (anonymous)]" : "[Function: " + name + "]";
        }
        for (JsObject seen : path) {
            if (seen.strictEquals(object)) return "[Circular]";
        }
        if (isInstance(object, "Error")) {
            String text = errorText(object);
            return depth == 0 ? text : "[" + text + "]";
        }
        if (isInstance(object, "Date")) return date(object);
        if (object instanceof JsArrayBuffer b) return "ArrayBuffer { byteLength: " + b.byteLength() + " }";
        if (depth > maxDepth) return object instanceof JsArray ? "[Array]" : "[Object]";
        path.add(object);
        try {
            if (object instanceof JsArray a) return array(a, depth);
            if (isInstance(object, "Map")) return collection(object, "Map", depth, true);
            if (isInstance(object, "Set")) return collection(object, "Set", depth, false);
            return plainObject(object, depth);
        } finally {
            path.remove(path.size() - 1);
        }
    }

    private String array(JsArray array, int depth) {
        int length = array.length();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(length, MAX_ENTRIES); i++) items.add(render(array.get(i), depth + 1));
        if (length > MAX_ENTRIES) items.add("... " + (length - MAX_ENTRIES) + " more items");
        return items.isEmpty() ? "[]" : "[ " + String.join(", ", items) + " ]";
    }

    private String collection(JsObject collection, String kind, int depth, boolean keyed) {
        JsArray entries = callGlobal("Array", "from", collection).asArray();
        int size = entries.length();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(size, MAX_ENTRIES); i++) {
            JsValue entry = entries.get(i);
            items.add(keyed
                    ? render(entry.asArray().get(0), depth + 1) + " => " + render(entry.asArray().get(1), depth + 1)
                    : render(entry, depth + 1));
        }
        if (size > MAX_ENTRIES) items.add("... " + (size - MAX_ENTRIES) + " more items");
        String head = kind + "(" + size + ") ";
        return items.isEmpty() ? head + "{}" : head + "{ " + String.join(", ", items) + " }";
    }

    private String plainObject(JsObject object, int depth) {
        List<String> names = object.propertyNames();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(names.size(), MAX_ENTRIES); i++) {
            String name = names.get(i);
            items.add(key(name) + ": " + property(object, name, depth));
        }
        if (names.size() > MAX_ENTRIES) items.add("... " + (names.size() - MAX_ENTRIES) + " more properties");
        String prefix = constructorPrefix(object);
        return items.isEmpty() ? prefix + "{}" : prefix + "{ " + String.join(", ", items) + " }";
    }

    private String property(JsObject object, String name, int depth) {
        try {
            return render(object.get(name), depth + 1);
        } catch (JsError e) {
            return "[Thrown: " + e.name().orElse("Uncaught") + ": " + e.jsMessage() + "]";
        }
    }

    private String constructorPrefix(JsObject object) {
        if (object.isHostObject()) return "";
        try {
            if (object.get("constructor") instanceof JsFunction f) {
                String name = f.name();
                if (!name.isEmpty() && !name.equals("Object")) return name + " ";
            }
        } catch (JsError e) {
            // a getter or proxy refused: show the object without its class name
        }
        return "";
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
