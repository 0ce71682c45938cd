package org.jsi4j;

/**
 * Base of every exception jsi4j throws for what happens inside an engine. No engine's own
 * exception type ever reaches a caller; each becomes one of these kinds:
 * <ul>
 *   <li>{@link JsError}: JavaScript threw (a value, message and JS stack);</li>
 *   <li>{@link JsSyntaxError}: a script does not parse (source name, line, column);</li>
 *   <li>{@link JsTerminatedException}: a limit or an interrupt stopped a script;</li>
 *   <li>{@link JsReleasedException}: a handle was used after release or after its runtime closed;</li>
 *   <li>{@link JsSnapshotException}: a snapshot could not be taken or restored;</li>
 *   <li>{@link JsEngineException}: the engine failed in a way jsi4j cannot classify.</li>
 * </ul>
 */
public abstract sealed class JsException extends RuntimeException
        permits JsError, JsSyntaxError, JsTerminatedException, JsReleasedException, JsSnapshotException,
        JsEngineException, JsConversionException {

    JsException(String message, Throwable cause) {
        super(message, cause);
    }
}
