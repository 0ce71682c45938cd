package org.jsi4j;

/**
 * A value could not be converted to the Java type asked for (or a Java value to JavaScript). The
 * message names where inside the structure, what was expected and what was found:
 * {@code $.items[3].price: expected int, got "12a"}.
 */
public final class JsConversionException extends JsException {
    private final String path;
    private final String expected;
    private final String found;

    /**
     * @param path where inside the converted structure ({@code $} is the value itself)
     * @param expected the target type, as a reader knows it ({@code int}, {@code List<String>})
     * @param found the value found, described briefly ({@code "12a"}, {@code a number (1.5)})
     */
    public JsConversionException(String path, String expected, String found) {
        super(path + ": expected " + expected + ", got " + found, null);
        this.path = path;
        this.expected = expected;
        this.found = found;
    }

    /** Where inside the structure: {@code $}, {@code $.items[3].price}. */
    public String path() {
        return path;
    }

    /** The target type. */
    public String expected() {
        return expected;
    }

    /** The value found. */
    public String found() {
        return found;
    }
}
