package org.jsi4j.host;

import java.util.List;
import java.util.Objects;
import org.jsi4j.JsArray;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * The {@code jsi} built-in: what runs the script. Properties {@code engine} (the engine id),
 * {@code version} (the engine's version) and {@code args} (the script's arguments, an array of
 * strings, the same array on every read), and the method {@code now()} (milliseconds since the
 * epoch, a number).
 */
public final class JsiObject extends MethodHostObject {
    private static final List<String> VALUES = List.of("engine", "version", "args");

    private final List<String> args;
    private JsRef<JsArray> argsArray;

    /** With the script's arguments. */
    public JsiObject(List<String> args) {
        super(List.of(new Method("now", 0, (runtime, self, callArgs) -> JsValue.of((double) System.currentTimeMillis()))));
        this.args = List.copyOf(Objects.requireNonNull(args, "args"));
    }

    @Override
    protected List<String> valueNames() {
        return VALUES;
    }

    @Override
    protected JsValue value(JsRuntime runtime, String name) {
        return switch (name) {
            case "engine" -> JsValue.of(runtime.engine().id());
            case "version" -> JsValue.of(runtime.engine().version());
            case "args" -> {
                if (argsArray == null) argsArray = runtime.persist(runtime.newArray(args.stream().map(JsValue::of).toList()));
                yield argsArray.get();
            }
            default -> JsValue.undefined();
        };
    }

    @Override
    public void release() {
        if (argsArray != null) argsArray.close();
        argsArray = null;
        super.release();
    }
}
