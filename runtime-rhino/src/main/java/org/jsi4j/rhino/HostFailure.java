package org.jsi4j.rhino;

/**
 * Unwinds a script after a host callback failed with a Java {@link Error} (a
 * {@code NoClassDefFoundError}, an {@code AssertionError}, ...), which must not become a
 * JavaScript exception that a script could catch. An {@link Error}, so that no JavaScript
 * {@code catch} (nor {@code finally}) intercepts it; the backend turns it into a
 * {@link org.jsi4j.JsEngineException} whose cause is the original error.
 */
final class HostFailure extends Error {
    HostFailure(Throwable error) {
        super("A host callback failed with " + error, error, false, false);
    }
}
