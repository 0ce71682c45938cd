package org.jsi4j.host;

import java.util.List;
import java.util.Locale;
import org.jsi4j.JsBigInt;
import org.jsi4j.JsError;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsUndefined;
import org.jsi4j.JsValue;

/**
 * Formats {@code console.log} arguments into one line, as Node's {@code util.format} does. When
 * the first argument is a string with more arguments after it, its placeholders take them in turn:
 * <ul>
 *   <li>{@code %s} a string: strings as they are, other values {@linkplain Inspector inspected} one level deep;</li>
 *   <li>{@code %d} {@code Number(value)}; {@code %i} {@code parseInt(value)}; {@code %f}
 *       {@code parseFloat(value)} (a BigInt prints as {@code 5n}, a symbol as {@code NaN});</li>
 *   <li>{@code %j} {@code JSON.stringify(value)}, {@code [Circular]} for a cyclic object;</li>
 *   <li>{@code %o} inspected four levels deep; {@code %O} inspected at the default depth;</li>
 *   <li>{@code %c} a CSS style: consumed and not printed; {@code %%} a single {@code %}.</li>
 * </ul>
 * A placeholder with no argument left stays as written. The arguments no placeholder took are
 * appended, separated by spaces: strings as they are, other values inspected. A lone string is
 * printed exactly as given.
 */
public final class ConsoleFormat {
    private static final int DEEP_INSPECTION = 4;

    private ConsoleFormat() {
    }

    /** The line {@code console.log(...args)} prints. */
    public static String format(JsRuntime runtime, List<JsValue> args) {
        return format(runtime, args, false);
    }

    /** The line {@code console.log(...args)} prints, values styled with ANSI colours when {@code colors}. */
    public static String format(JsRuntime runtime, List<JsValue> args, boolean colors) {
        if (args.isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        int next = 0;
        if (args.get(0) instanceof JsString first && args.size() > 1) {
            next = 1;
            String format = first.value();
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c != '%' || i + 1 == format.length()) {
                    out.append(c);
                    continue;
                }
                char placeholder = format.charAt(i + 1);
                if (placeholder == '%') {
                    out.append('%');
                    i++;
                } else if ("sdifjoOc".indexOf(placeholder) >= 0 && next < args.size()) {
                    out.append(substitute(runtime, placeholder, args.get(next++)));
                    i++;
                } else {
                    out.append(c);
                }
            }
        }
        for (; next < args.size(); next++) {
            if (next > 0) out.append(' ');
            JsValue arg = args.get(next);
            out.append(arg instanceof JsString s ? s.value() : Inspector.inspect(runtime, arg, Inspector.DEFAULT_DEPTH, colors));
        }
        return out.toString();
    }

    private static String substitute(JsRuntime runtime, char placeholder, JsValue arg) {
        return switch (placeholder) {
            case 's' -> arg instanceof JsString s ? s.value() : Inspector.inspect(runtime, arg, 0);
            case 'd' -> numeric(runtime, "Number", arg);
            case 'i' -> numeric(runtime, "parseInt", arg);
            case 'f' -> arg instanceof JsBigInt b ? b.value().toString() : numeric(runtime, "parseFloat", arg);
            case 'j' -> json(runtime, arg);
            case 'o' -> Inspector.inspect(runtime, arg, DEEP_INSPECTION);
            case 'O' -> Inspector.inspect(runtime, arg);
            case 'c' -> "";
            default -> throw new IllegalArgumentException("not a placeholder: %" + placeholder);
        };
    }

    private static String numeric(JsRuntime runtime, String converter, JsValue arg) {
        if (arg instanceof JsBigInt b) return b.toString();
        if (arg instanceof JsSymbol) return "NaN";
        return Inspector.number(callGlobal(runtime, converter, arg).asNumber());
    }

    private static String json(JsRuntime runtime, JsValue arg) {
        JsObject json = runtime.global().get("JSON").asObject();
        try {
            JsValue text = json.get("stringify").asFunction().callWithThis(json, arg);
            return text instanceof JsUndefined ? "undefined" : text.asString();
        } catch (JsError e) {
            String message = e.jsMessage().toLowerCase(Locale.ROOT);
            if (message.contains("circular") || message.contains("cyclic")) return "[Circular]";
            throw e;
        }
    }

    private static JsValue callGlobal(JsRuntime runtime, String name, JsValue arg) {
        JsValue fn = runtime.global().get(name);
        if (!(fn instanceof JsFunction f)) {
            throw new IllegalStateException("console formatting needs the global function " + name
                    + ", which the script removed or replaced");
        }
        return f.call(arg);
    }
}
