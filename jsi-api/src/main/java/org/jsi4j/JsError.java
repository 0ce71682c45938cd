package org.jsi4j;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JavaScript exception: either thrown by a script and caught by jsi4j at the Java boundary, or
 * made by Java code with {@link #of(JsErrorType, String)} to be thrown into JavaScript.
 *
 * <p>When a Java exception thrown by a host function or host object was not caught by
 * JavaScript, it comes back as a {@code JsError} whose {@link #getCause() cause} is the original.
 */
public final class JsError extends JsException {
    private final JsValue value;
    private final String name;
    private final String jsMessage;
    private final String jsStack;
    private final SourceLocation location;
    private final JsErrorType type;
    private List<JsStackFrame> frames;

    static {
        // Made with the error: an error is often made deep in a stack (a runaway recursion), where
        // the stack reader's first use would fail to compile its patterns and leave its class
        // unusable for the rest of the JVM (NoClassDefFoundError on every later error).
        JsStackTraces.parse(null);
    }

    /**
     * Backend SPI: a JavaScript exception that was thrown with {@code value}.
     *
     * @param value the thrown value (a handle in the scope current when it was caught)
     * @param name the error's {@code name} ({@code "TypeError"}), or {@code null} when the thrown
     *     value is not an error object
     * @param jsMessage the error's {@code message}, or the thrown value as a string
     * @param jsStack the JavaScript stack, or {@code null}
     * @param location where it was thrown, or {@code null} when unknown
     * @param cause the Java exception behind it, or {@code null}
     */
    public JsError(JsValue value, String name, String jsMessage, String jsStack, SourceLocation location,
                   Throwable cause) {
        super(describe(name, jsMessage, place(location, jsStack)), cause);
        this.value = Objects.requireNonNull(value, "value");
        this.name = name;
        this.jsMessage = jsMessage == null ? "" : jsMessage;
        this.jsStack = JsStackTraces.withoutLibraryLines(jsStack);
        this.location = place(location, jsStack);
        this.type = null;
    }

    /**
     * Where the error was thrown in the user's code: the engine's location unless it is missing or
     * inside jsi4j's own scripts (a host function's wrapper), else the first frame of the stack with a source.
     */
    private static SourceLocation place(SourceLocation location, String stack) {
        if (location != null && (location.sourceName() == null || !location.sourceName().startsWith("jsi4j:"))) {
            return location;
        }
        return JsStackTraces.firstLocation(JsStackTraces.parse(stack));
    }

    private JsError(JsErrorType type, String message) {
        super(type.constructorName() + ": " + message, null);
        this.value = null;
        this.name = type.constructorName();
        this.jsMessage = message;
        this.jsStack = null;
        this.location = null;
        this.type = type;
    }

    /**
     * An error for Java code to throw from a host function or host object: JavaScript receives a
     * new {@code type} error with {@code message}.
     */
    public static JsError of(JsErrorType type, String message) {
        return new JsError(Objects.requireNonNull(type, "type"), Objects.requireNonNull(message, "message"));
    }

    /**
     * An exception for Java code to throw from a host function or host object so that JavaScript
     * receives {@code value} itself as the thrown value: any value, not only an error (JSI's
     * {@code throw jsi::JSError(rt, value)}). An object must be a live handle of the same runtime.
     */
    public static JsError throwing(JsValue value) {
        Objects.requireNonNull(value, "value");
        String text = switch (value) {
            case JsString s -> s.value();
            case JsNumber n -> n.toString();
            case JsObject o -> "[" + o.typeOf() + "]";
            default -> String.valueOf(value);
        };
        return new JsError(value, null, text, null, null, null);
    }

    private static String describe(String name, String message, SourceLocation location) {
        String text = name == null ? "Uncaught " + message : name + ": " + message;
        return location == null ? text : text + " (" + location + ")";
    }

    /**
     * The thrown value. It is a handle like any other and is released with the scope that was
     * current when the exception was caught.
     *
     * @throws IllegalStateException for an error made by {@link #of}, which has no value yet
     */
    public JsValue value() {
        if (value == null) throw new IllegalStateException("this error was made in Java and has not been thrown in JavaScript");
        return value;
    }

    /** True for an error made by {@link #of} in Java (no JavaScript value yet). */
    public boolean isHostMade() {
        return value == null;
    }

    /** The type an error made by {@link #of} will have in JavaScript. */
    public Optional<JsErrorType> hostType() {
        return Optional.ofNullable(type);
    }

    /**
     * The error's {@code name} ({@code "TypeError"}); for a thrown object that is not an
     * {@code Error}, its {@code name} when that is a string ({@code throw {name: 'Custom'}}); empty
     * for a thrown primitive.
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The error's {@code message}, or the thrown value as a string. */
    public String jsMessage() {
        return jsMessage;
    }

    /** The JavaScript stack trace, as the engine formats it, when there is one. */
    public Optional<String> jsStack() {
        return Optional.ofNullable(jsStack);
    }

    /**
     * The JavaScript stack as frames, innermost first, read from {@link #jsStack()}: function, script,
     * line and column (Rhino gives no columns in its stacks), host functions marked as such
     * ({@link JsStackFrame#host()}) and jsi4j's own internal frames left out. Empty when the thrown
     * value carries no stack (a thrown string, an error made by {@link #of}).
     */
    public List<JsStackFrame> jsFrames() {
        List<JsStackFrame> f = frames;
        if (f == null) frames = f = JsStackTraces.parse(jsStack);
        return f;
    }

    /** Where the exception was thrown, when the engine says. */
    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }
}
