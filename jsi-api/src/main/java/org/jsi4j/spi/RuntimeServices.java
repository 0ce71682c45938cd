package org.jsi4j.spi;

import org.jsi4j.JsError;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsSymbol;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.SourceLocation;

/**
 * What the jsi4j core offers a backend: handle bookkeeping, the host-callback protocol and
 * error construction. One instance per runtime, handed to the backend when it is made.
 */
public interface RuntimeServices {
    /** The runtime being built. */
    JsRuntime runtime();

    /** The runtime's options. */
    RuntimeOptions options();

    /** Wraps an engine object as a new handle owned by the current scope. */
    JsObject wrap(Object handle, ObjectKind kind);

    /**
     * Wraps an engine object as a handle that no scope owns and that stays valid until the runtime
     * closes: for an object a backend hands to Java on many crossings (the global object as the
     * {@code this} of host functions), made once instead of once per crossing. The default wraps it
     * in the current scope (correct only when the backend does not keep the handle).
     */
    default JsObject wrapPermanent(Object handle, ObjectKind kind) {
        return wrap(handle, kind);
    }

    /**
     * The engine handle behind {@code object}.
     *
     * @throws IllegalArgumentException when it belongs to another runtime
     * @throws org.jsi4j.JsReleasedException when it was released
     */
    Object unwrap(JsObject object);

    /**
     * Runs a host callback (host function or host object trap) for the engine: handles made
     * during it are released when it returns, and anything it throws except a termination is
     * turned into a JavaScript exception that the backend raises with
     * {@link EngineBackend#raise(JsValue)} (whose result this returns). A
     * {@link org.jsi4j.JsTerminatedException} passes through unchanged; the backend must let it
     * unwind the script uncatchably.
     */
    Object hostCall(HostCall call);

    /**
     * The {@link JsSymbol} for an engine symbol ({@code token} decides equality), owned by this
     * runtime: the core refuses it, with a clear {@code IllegalArgumentException}, as a key or
     * value of another runtime.
     */
    default JsSymbol symbol(String description, Object token) {
        return new JsSymbol(description, token);
    }

    /**
     * Builds the {@link JsError} for a value a script threw, finding the Java exception behind
     * it when a host callback threw one.
     */
    JsError error(JsValue thrown, String name, String message, String stack, SourceLocation location);
}
