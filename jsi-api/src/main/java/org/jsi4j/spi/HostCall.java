package org.jsi4j.spi;

/** The body of a host callback, run by {@link RuntimeServices#hostCall(HostCall)}. */
@FunctionalInterface
public interface HostCall {
    /** Converts the engine's arguments, runs the Java code, and returns the engine's result. */
    Object run();
}
