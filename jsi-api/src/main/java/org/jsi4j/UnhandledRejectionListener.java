package org.jsi4j;

/**
 * Told about each promise rejected without a handler; set with
 * {@link JsRuntime#onUnhandledRejection(UnhandledRejectionListener)}. A rejection that gets a handler
 * before the JavaScript stack empties and the promise jobs of that turn have run is not reported
 * (as in Node: {@code p = Promise.reject(e); p.catch(f)} in one script is handled).
 *
 * <p>It runs on the runtime's owner thread right after the outermost call from Java into
 * JavaScript that left the rejection (an evaluation, a call, a task of the event loop) returns, and
 * may use the runtime. An exception it throws comes out of that call, so a listener that throws
 * turns an unhandled rejection into an error of the caller, as Node does by default.
 */
@FunctionalInterface
public interface UnhandledRejectionListener {
    /** Called once per unhandled rejection, oldest first (Rhino: in no particular order within one turn). */
    void onUnhandledRejection(JsRuntime runtime, UnhandledRejection rejection);
}
