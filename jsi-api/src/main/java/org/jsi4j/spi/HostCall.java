package org.jsi4j.spi;

/** The body of a host callback, run by {@link RuntimeServices#hostCall(HostCall)}. */
@FunctionalInterface
public interface HostCall {
    /** Converts the engine's arguments, runs the Java code, and returns the engine's result. */
    Object run();

    /**
     * The name of the host function this call runs, for the host frame of the error it throws: given
     * by engines whose stacks show no frame of their own for a host function (the core then adds
     * {@code at NAME (host function)} to the stack of the error it makes for the failure); {@code null},
     * the default, when the engine's stack shows the function itself. Asked only when the call failed.
     */
    default String hostFunctionName() {
        return null;
    }
}
