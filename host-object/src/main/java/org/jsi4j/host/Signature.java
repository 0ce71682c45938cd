package org.jsi4j.host;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * The JavaScript face of one Java method's parameters: converts call arguments, checking their
 * count and types, with messages that name the module, the function and the parameter.
 *
 * @param function {@code module.name}, as messages show it
 * @param parameters every Java parameter, in order
 */
record Signature(String function, List<Parameter> parameters) {
    /**
     * One Java parameter.
     *
     * @param name its name ({@code arg0} when the class was compiled without {@code -parameters})
     * @param type its generic type
     */
    record Parameter(String name, Type type) {
        boolean isRuntime() {
            return type == JsRuntime.class;
        }

        boolean isOptional() {
            return org.jsi4j.interop.Types.raw(type) == Optional.class;
        }
    }

    Signature {
        parameters = List.copyOf(parameters);
        for (Parameter p : parameters) {
            if (!p.isRuntime()) TypeMapping.checkParameterType(p.type(), where(function, p.name()));
        }
    }

    /** How many arguments JavaScript passes: the function's {@code length}. */
    int length() {
        return (int) parameters.stream().filter(p -> !p.isRuntime()).count();
    }

    private int required() {
        List<Parameter> js = parameters.stream().filter(p -> !p.isRuntime()).toList();
        int n = js.size();
        while (n > 0 && js.get(n - 1).isOptional()) n--;
        return n;
    }

    /**
     * The Java arguments for a call.
     *
     * @throws JsError a {@code TypeError} for a wrong count or a value of the wrong type
     */
    Object[] convert(JsRuntime runtime, List<JsValue> args) {
        int length = length();
        int required = required();
        if (args.size() < required || args.size() > length) {
            String expected = required == length ? Integer.toString(length) : required + " to " + length;
            throw JsError.of(JsErrorType.TYPE_ERROR, function + "() takes " + expected + " argument"
                    + (length == 1 ? "" : "s") + " (" + names() + "), got " + args.size());
        }
        Object[] out = new Object[parameters.size()];
        int next = 0;
        for (int i = 0; i < out.length; i++) {
            Parameter p = parameters.get(i);
            if (p.isRuntime()) {
                out[i] = runtime;
            } else {
                JsValue v = next < args.size() ? args.get(next) : JsValue.undefined();
                next++;
                out[i] = TypeMapping.toJava(runtime, v, p.type(), where(function, p.name()));
            }
        }
        return out;
    }

    private String names() {
        List<String> names = new ArrayList<>();
        for (Parameter p : parameters) if (!p.isRuntime()) names.add(p.name() + (p.isOptional() ? "?" : ""));
        return names.stream().collect(Collectors.joining(", "));
    }

    static String where(String function, String parameter) {
        return function + "(): parameter '" + parameter + "'";
    }
}
