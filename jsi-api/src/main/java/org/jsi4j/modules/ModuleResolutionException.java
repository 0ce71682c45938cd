package org.jsi4j.modules;

/**
 * A module could not be found or read, or a specifier pointed outside what the loader serves.
 * The message says which specifier, from which importer, and where it was looked for. When
 * thrown during an {@code import} or {@code require} in JavaScript the script receives an
 * {@code Error} with this message (and it reaches Java as a {@link org.jsi4j.JsError} with this
 * exception as its cause).
 */
public final class ModuleResolutionException extends IllegalArgumentException {
    /** With a message that says what was not found and where it was searched. */
    public ModuleResolutionException(String message) {
        super(message);
    }
}
